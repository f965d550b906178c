"""One rule for every absolute address the CMS gives out: the root URL of its Wagtail site
(Einstellungen → Websites, or `manage.py site_address`), whatever host a request came in on."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Site

from articles.factories import ArticlePageFactory
from events.factories import EventPageFactory
from media.factories import ImageFactory

pytestmark = pytest.mark.django_db

PUBLIC = "https://smartcity.example.org"
# The web process reached directly, as a health check or an internal app would.
INTERNAL_HOST = "127.0.0.1"
URL = re.compile(r"https?://[^\s\"'<>]+")


@pytest.fixture
def public_site(site_tree):
    Site.objects.filter(is_default_site=True).update(hostname="smartcity.example.org", port=443)
    cache.clear()
    return site_tree


@pytest.fixture
def article(public_site):
    event = EventPageFactory(
        parent=public_site.events, title="Auftakt", start=timezone.now() + datetime.timedelta(days=7)
    )
    document_image = ImageFactory()
    return ArticlePageFactory(
        parent=public_site.articles,
        title="Neue Sensoren",
        hero_image=ImageFactory(),
        body=[
            {"type": "paragraph", "value": f'<p>Siehe <a linktype="page" id="{event.pk}">Auftakt</a>.</p>'},
            {"type": "image", "value": {"image": document_image.pk, "caption": ""}},
        ],
    )


OUR_HOSTS = {"smartcity.example.org", INTERNAL_HOST, "localhost", "testserver"}


def addresses(text: str) -> set[str]:
    """The absolute addresses of this CMS in an answer (not those of licences, share buttons
    or embeds)."""
    return {url for url in URL.findall(text) if urlsplit(url).hostname in OUR_HOSTS}


@pytest.mark.parametrize("host", [INTERNAL_HOST, "localhost", "testserver"])
def test_api_answers_give_the_sites_address_whatever_host_was_asked(client, article, host):
    listed = client.get("/api/v2/pages/", {"type": "articles.ArticlePage", "fields": "*"}, HTTP_HOST=host)
    detail = client.get(f"/api/v2/pages/{article.pk}/", HTTP_HOST=host)

    found = addresses(listed.content.decode()) | addresses(detail.content.decode())
    assert len(found) > 5
    assert {url for url in found if not url.startswith(PUBLIC + "/")} == set()


def test_find_redirects_to_the_sites_address(client, article):
    response = client.get("/api/v2/pages/find/", {"html_path": article.url}, HTTP_HOST=INTERNAL_HOST)

    assert response.status_code == 302
    # (Wagtail keeps the other query parameters, here none, after a "?".)
    assert response["Location"].rstrip("?") == f"{PUBLIC}/api/v2/pages/{article.pk}/"


# Where each kind of answer is, on the site of `public_site`.
ANSWERS = {
    "article page": lambda article, tree: article.url,
    "news feed": lambda article, tree: tree.articles.url + "feed/",
    "event calendar": lambda article, tree: tree.events.url + "ical/",
    "sitemap": lambda article, tree: "/sitemap.xml",
    "robots.txt": lambda article, tree: "/robots.txt",
}


@pytest.mark.parametrize("answer", ANSWERS)
def test_pages_feeds_calendars_and_sitemaps_give_the_sites_address(client, article, public_site, answer):
    url = ANSWERS[answer](article, public_site)

    response = client.get(url, HTTP_HOST=INTERNAL_HOST)

    assert response.status_code == 200, url
    found = addresses(response.content.decode())
    assert found, response.content.decode()
    assert {url for url in found if not url.startswith(PUBLIC + "/")} == set()
