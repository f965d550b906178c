"""`manage.py site_address`: where every absolute link of the CMS points (`make run` sets it
to the address it serves on, production to the public address)."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def site_address(address: str) -> str:
    out = io.StringIO()
    call_command("site_address", address, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("address", "hostname", "port", "root_url"),
    [
        ("http://127.0.0.1:8000", "127.0.0.1", 8000, "http://127.0.0.1:8000"),
        ("https://smartcity.example.org", "smartcity.example.org", 443, "https://smartcity.example.org"),
        ("http://localhost/", "localhost", 80, "http://localhost"),
    ],
)
def test_it_points_the_default_site_at_the_address(site_tree, address, hostname, port, root_url):
    assert site_address(address) == f"The site's address is {root_url}.\n"

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (hostname, port, root_url)
    assert site_tree.home.get_full_url() == root_url + "/"


@pytest.mark.parametrize(
    ("address", "complaint"),
    [
        ("smartcity.example.org", "give the scheme and host only"),
        ("ftp://smartcity.example.org", "give the scheme and host only"),
        ("https://smartcity.example.org/cms/", "give the scheme and host only"),
        ("http://127.0.0.1:80000", "the port is not a number"),
        ("https://smartcity.example.org:8443", "https on port 443 only"),
        ("http://smartcity.example.org:443", "https on port 443 only"),
    ],
)
def test_an_address_wagtail_cannot_keep_is_refused_and_changes_nothing(site_tree, address, complaint):
    before = Site.objects.values_list("hostname", "port").get(is_default_site=True)

    with pytest.raises(CommandError, match=complaint):
        site_address(address)

    assert Site.objects.values_list("hostname", "port").get(is_default_site=True) == before


def test_without_a_site_it_says_to_create_one_first(db):
    Site.objects.all().delete()

    with pytest.raises(CommandError, match="no default site"):
        site_address("http://127.0.0.1:8000")
