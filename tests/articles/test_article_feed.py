"""The Atom feed of the news ("Aktuelles"), parsed back and read entry by entry."""

import datetime
import html
import xml.etree.ElementTree as ET

import pytest

from articles.factories import ArticlePageFactory
from core.factories import CategoryFactory

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def get_feed(client, site_tree):
    response = client.get(f"{site_tree.articles.url}feed/")
    assert response.status_code == 200
    return response, ET.fromstring(response.content)


def entries(feed):
    return feed.findall("atom:entry", ATOM)


def entry_titles(feed):
    return [entry.findtext("atom:title", namespaces=ATOM) for entry in entries(feed)]


def test_it_serves_an_atom_feed_named_after_section_and_site(client, site_tree):
    response, feed = get_feed(client, site_tree)

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("atom:title", namespaces=ATOM) == "Aktuelles – Smart City"
    assert feed.find("atom:link[@rel='self']", ATOM).get("href") == "http://localhost/aktuelles/feed/"


def test_it_lists_the_newest_articles_first(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Älteste", date=datetime.date(2022, 1, 10))
    ArticlePageFactory(parent=site_tree.articles, title="Neueste", date=datetime.date(2022, 2, 11))
    ArticlePageFactory(parent=site_tree.articles, title="Mittlere", date=datetime.date(2022, 1, 20))

    _, feed = get_feed(client, site_tree)

    assert entry_titles(feed) == ["Neueste", "Mittlere", "Älteste"]


def test_it_links_each_entry_to_the_absolute_page_address(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Auftakt", slug="auftakt")

    _, feed = get_feed(client, site_tree)

    (entry,) = entries(feed)
    assert entry.find("atom:link", ATOM).get("href") == "http://localhost/aktuelles/auftakt/"


def test_it_summarises_each_entry_with_its_teaser_category_and_tags(client, site_tree):
    article = ArticlePageFactory(
        parent=site_tree.articles,
        teaser="Wuppertal ist Modellprojekt Smart Cities.",
        category=CategoryFactory(name="Pressemitteilung"),
    )
    article.tags.add("Förderung")
    article.save()

    _, feed = get_feed(client, site_tree)

    (entry,) = entries(feed)
    assert entry.findtext("atom:summary", namespaces=ATOM) == "Wuppertal ist Modellprojekt Smart Cities."
    assert [category.get("term") for category in entry.findall("atom:category", ATOM)] == [
        "Pressemitteilung",
        "Förderung",
    ]
    assert entry.findtext("atom:author/atom:name", namespaces=ATOM) == "Smart City"


def test_it_dates_a_backdated_article_on_the_day_the_page_shows(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, date=datetime.date(2022, 2, 11))
    article.save_revision().publish()

    _, feed = get_feed(client, site_tree)

    (entry,) = entries(feed)
    published = entry.findtext("atom:published", namespaces=ATOM)
    assert published == "2022-02-11T00:00:00+01:00"
    updated = entry.findtext("atom:updated", namespaces=ATOM)
    # Last published just now, which is after the day the page shows.
    assert datetime.datetime.fromisoformat(updated) > datetime.datetime.fromisoformat(published)


def test_it_gives_each_entry_an_id_that_survives_a_new_slug(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, slug="alt")
    article.save_revision().publish()
    _, feed = get_feed(client, site_tree)
    old_id = entries(feed)[0].findtext("atom:id", namespaces=ATOM)

    article.slug = "neu"
    article.save_revision().publish()
    _, feed = get_feed(client, site_tree)

    assert entries(feed)[0].findtext("atom:id", namespaces=ATOM) == old_id
    assert old_id.startswith("tag:localhost,")


def test_it_keeps_markup_in_a_teaser_as_text(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, teaser="Mobilität <b>und</b> Teilhabe & mehr")

    _, feed = get_feed(client, site_tree)

    (entry,) = entries(feed)
    summary = entry.find("atom:summary", ATOM)
    # The summary is declared as HTML, so the reader unescapes once more to get the teaser.
    assert summary.get("type") == "html"
    assert html.unescape(summary.text) == "Mobilität <b>und</b> Teilhabe & mehr"


def test_it_leaves_out_drafts(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Veröffentlicht")
    ArticlePageFactory(parent=site_tree.articles, title="Entwurf", live=False)

    _, feed = get_feed(client, site_tree)

    assert entry_titles(feed) == ["Veröffentlicht"]


def test_it_lists_the_twenty_newest_articles(client, site_tree):
    for day in range(1, 23):
        ArticlePageFactory(parent=site_tree.articles, title=f"Tag {day}", date=datetime.date(2022, 3, day))

    _, feed = get_feed(client, site_tree)

    titles = entry_titles(feed)
    assert len(titles) == 20
    assert titles[0] == "Tag 22"
    assert titles[-1] == "Tag 3"
