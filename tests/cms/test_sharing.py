"""'Seite teilen' shares without trackers: plain links built on the server, and nothing on
any page is loaded from another host."""

from urllib.parse import parse_qs, urlsplit

import pytest

from articles.factories import ArticlePageFactory
from core.templatetags.share_tags import share_targets
from tests.html import get_html, section

pytestmark = pytest.mark.django_db

URL = "http://localhost/aktuelles/live-auftakt/"
TITLE = "07.03.: Live-Auftakt von smart.wuppertal"


def query(href):
    return parse_qs(urlsplit(href).query)


def test_the_email_link_carries_title_and_address():
    email = share_targets(URL, TITLE)[0]

    assert email["href"].startswith("mailto:?")
    assert query(email["href"]) == {"subject": [TITLE], "body": [URL]}


@pytest.mark.parametrize(
    ("name", "parameter", "expected"),
    [
        ("Facebook", "u", URL),
        ("X", "url", URL),
        ("LinkedIn", "url", URL),
        ("WhatsApp", "text", f"{TITLE} {URL}"),
        ("Bluesky", "text", f"{TITLE} {URL}"),
    ],
)
def test_each_network_link_carries_the_page_address(name, parameter, expected):
    target = next(target for target in share_targets(URL, TITLE) if target["name"] == name)

    assert urlsplit(target["href"]).scheme == "https"
    assert query(target["href"])[parameter] == [expected]


def test_the_article_page_offers_share_links_and_buttons_after_the_credits(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, title=TITLE)
    soup = get_html(client, article)

    share = section(soup, "seite-teilen")
    assert share.h2.get_text(strip=True) == "Seite teilen"
    assert share["data-share-url"] == article.full_url
    links = share.find_all("a")
    assert [link.get_text(" ", strip=True) for link in links][:2] == [
        "Per E-Mail teilen",
        "Bei Facebook teilen (Öffnet in einem neuen Tab)",
    ]
    assert all("noopener" in link["rel"] for link in links if link.get("target") == "_blank")
    # The buttons need JavaScript, so they stay hidden until share.js reveals them.
    assert share.find("button", string="Link kopieren").has_attr("hidden")
    assert share.find(attrs={"role": "status"}) is not None


@pytest.mark.parametrize("page_name", ["home", "articles", "events", "projects"])
def test_no_page_loads_anything_from_another_host(client, site_tree, page_name):
    ArticlePageFactory(parent=site_tree.articles)
    soup = get_html(client, getattr(site_tree, page_name))

    embedding = ["script", "img", "iframe", "source", "video", "audio"]
    loaded = [tag.get("src") for tag in soup.find_all(embedding)]
    loaded += [tag.get("srcset") for tag in soup.find_all(["img", "source"])]
    loaded += [tag.get("href") for tag in soup.find_all("link") if tag.get("rel") != ["canonical"]]
    foreign = [url for url in loaded if url and "//" in url and "//localhost" not in url]
    assert foreign == []
