"""The admin makes editors' browsers ask no other host: no avatars from gravatar.com (which
would learn a hash of every editor's e-mail address), no styles, scripts, fonts or images
from a CDN. Links to other sites are fine; a browser only follows them when clicked."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.factories import ArticlePageFactory
from media.factories import ImageFactory

pytestmark = pytest.mark.django_db

# Elements and the attributes whose addresses a browser loads by itself.
LOADED = {
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "script": ["src"],
    "link": ["href"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
    "object": ["data"],
    "embed": ["src"],
}


def loaded_addresses(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    addresses = []
    for name, attributes in LOADED.items():
        for element in soup.find_all(name):
            if name == "link" and "alternate" in element.get("rel", []):
                continue
            for attribute in attributes:
                value = element.get(attribute, "")
                # A srcset lists "address width" pairs.
                addresses += [part.split()[0] for part in value.split(",") if part.strip()]
    return addresses


def other_hosts(addresses) -> list[str]:
    return [address for address in addresses if urlsplit(address).netloc not in ("", "testserver")]


@pytest.fixture
def editor_with_content(editor, site_tree):
    # Wagtail shows an editor's avatar beside pages they edited, on the account settings and
    # in the comments' data.
    article = ArticlePageFactory(parent=site_tree.articles, hero_image=ImageFactory(), owner=editor)
    article.save_revision(user=editor)
    return editor, article


def test_admin_pages_load_nothing_from_other_hosts(client, editor_with_content):
    editor, article = editor_with_content
    client.force_login(editor)
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[article.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        reverse("wagtailadmin_pages:history", args=[article.pk]),
        reverse("wagtailadmin_account"),
        reverse("wagtailimages:index"),
    ]

    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        addresses = loaded_addresses(response.content.decode())
        assert addresses, f"{url} loads nothing at all: the test reads the wrong thing"
        assert other_hosts(addresses) == [], url


def test_no_admin_page_names_gravatar(client, editor_with_content):
    editor, article = editor_with_content
    client.force_login(editor)

    for url in (reverse("wagtailadmin_pages:edit", args=[article.pk]), reverse("wagtailadmin_account")):
        # Also not in the data scripts read, such as the comment authors' avatars.
        assert "gravatar" not in client.get(url).content.decode()


def test_an_editor_without_an_uploaded_avatar_gets_wagtails_default_picture(client, editor):
    client.force_login(editor)

    soup = BeautifulSoup(client.get(reverse("wagtailadmin_account")).content, "html.parser")

    assert any(
        "default-user-avatar" in image["src"] for image in soup.select(".avatar img") if image.get("src")
    )


def test_the_dashboard_asks_no_one_for_new_wagtail_versions(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200
    assert "w-upgrade" not in response.content.decode()
