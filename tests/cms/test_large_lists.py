"""Lists that stay fast in a large archive (issue 17): pages cut on anchors give exactly the
pages an offset gives, the filters' choices and the counts follow a publish at once, the list
reads no StreamField for its cards, and the indexes its order needs exist."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from core.factories import CategoryFactory
from tests.html import get_html

pytestmark = pytest.mark.django_db


def titles(soup) -> list[str]:
    return [card.h2.get_text(strip=True) for card in soup.find_all("article", class_="card")]


@pytest.fixture
def archive(site_tree, monkeypatch):
    """27 articles over 9 days, three a day, published in an order that differs from their
    ids on some days; anchors every 4 rows, so most pages start from an anchor that lies
    inside a day."""
    monkeypatch.setattr("core.listing.ANCHOR_SPACING", 4)
    first_day = datetime.date(2024, 3, 1)
    for number in range(27):
        day = first_day + datetime.timedelta(days=number // 3)
        ArticlePageFactory(parent=site_tree.articles, title=f"Nachricht {number:02d}", date=day)
    # Two articles of one day first published in the reverse order of their ids.
    late, early = ArticlePage.objects.filter(date=first_day + datetime.timedelta(days=4)).order_by("pk")[:2]
    ArticlePage.objects.filter(pk=late.pk).update(
        first_published_at=datetime.datetime(2024, 3, 5, 9, tzinfo=datetime.UTC)
    )
    ArticlePage.objects.filter(pk=early.pk).update(
        first_published_at=datetime.datetime(2024, 3, 5, 8, tzinfo=datetime.UTC)
    )
    return [page.title for page in ArticlePage.objects.live().newest_first()]


def test_every_page_of_the_news_list_holds_what_the_plain_offset_gives(client, site_tree, archive):
    shown = []
    for number in (1, 2, 3):
        shown.append(titles(get_html(client, f"{site_tree.articles.url}?seite={number}")))

    assert shown == [archive[0:10], archive[10:20], archive[20:27]]


def test_every_slice_of_the_api_list_holds_what_the_plain_offset_gives(client, archive):
    for offset in range(0, 27, 5):
        response = client.get(
            "/api/v2/pages/",
            {"type": "articles.ArticlePage", "offset": offset, "limit": 5, "fields": "title"},
        )

        assert [item["title"] for item in response.json()["items"]] == archive[offset : offset + 5]
        assert response.json()["meta"]["total_count"] == 27


def test_a_filtered_page_holds_what_the_plain_offset_gives(client, site_tree, archive):
    category = CategoryFactory(slug="presse")
    ArticlePage.objects.filter(title__in=archive[3:20:2]).update(category=category)
    expected = [title for title in archive if title in archive[3:20:2]]

    first = titles(get_html(client, f"{site_tree.articles.url}?kategorie=presse"))

    assert first == expected[:10]


def test_a_publish_shows_its_year_category_and_count_at_once(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, date=datetime.date(2024, 5, 1))
    before = get_html(client, site_tree.articles.url)
    assert "2011" not in before.find("select", attrs={"name": "jahr"}).get_text()

    article = ArticlePageFactory(
        parent=site_tree.articles,
        date=datetime.date(2011, 5, 1),
        category=CategoryFactory(name="Rückblick", slug="rueckblick"),
        live=False,
    )
    article.save_revision().publish()
    after = get_html(client, site_tree.articles.url)

    assert "2011" in after.find("select", attrs={"name": "jahr"}).get_text()
    assert "Rückblick" in after.find("select", attrs={"name": "kategorie"}).get_text()
    assert "2 Einträge" in after.find(class_="listing-summary").get_text()


def test_the_news_list_reads_no_body_for_its_cards(client, site_tree):
    ArticlePageFactory.create_batch(3, parent=site_tree.articles)
    client.get(site_tree.articles.url)

    with CaptureQueriesContext(connection) as queries:
        client.get(site_tree.articles.url)

    assert not [query for query in queries if '"articles_articlepage"."body"' in query["sql"]]


@pytest.mark.parametrize(
    ("table", "index"),
    [
        ("articles_articlepage", "article_list_order"),
        ("events_eventpage", "event_start_order"),
        ("wagtailcore_page", "live_page_expiry"),
        ("wagtailcore_page", "page_children"),
        ("wagtailcore_page", "page_id_as_text"),
        ("wagtailsearch_indexentry", "search_entry_vector"),
    ],
)
def test_the_lists_order_and_filters_have_their_indexes(table, index):
    with connection.cursor() as cursor:
        assert index in connection.introspection.get_constraints(cursor, table)
