import datetime
from unittest.mock import ANY
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from core.factories import CategoryFactory, ThemeFactory
from events.factories import EventDateFactory, EventPageFactory, VenueFactory
from home.factories import ContentPageFactory
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory

BERLIN = ZoneInfo("Europe/Berlin")


def list_items(client, page_type, **params):
    response = client.get("/api/v2/pages/", {"type": page_type, "fields": "*", **params})
    assert response.status_code == 200
    return response.json()["items"]


def test_an_article_list_item_has_what_a_card_shows(client, site_tree):
    category = CategoryFactory(name="Pressemitteilung", slug="pressemitteilung")
    article = ArticlePageFactory(
        parent=site_tree.articles,
        title="Neue Sensoren am Döppersberg",
        teaser="Messwerte für Luft und Lärm.",
        date=datetime.date(2024, 5, 2),
        category=category,
        hero_image=ImageFactory(),
    )
    article.tags.add("Umwelt", "Daten")
    article.save()

    [item] = list_items(client, "articles.ArticlePage")

    assert item["title"] == "Neue Sensoren am Döppersberg"
    assert item["meta"]["html_url"] == "http://localhost/aktuelles/neue-sensoren-am-doppersberg/"
    assert item["teaser"] == "Messwerte für Luft und Lärm."
    assert item["date"] == "2024-05-02"
    assert item["category"] == {"id": category.pk, "name": "Pressemitteilung", "slug": "pressemitteilung"}
    assert item["tags"] == ["Daten", "Umwelt"]
    assert item["hero_image"]["credit"]["line"] == "Gerd Altmann auf Pixabay"
    assert set(item["hero_image"]["renditions"]) == {"thumbnail", "card", "hero"}


def test_fields_selection_still_works(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, hero_image=ImageFactory())

    [item] = list_items(client, "articles.ArticlePage", fields="teaser")

    assert set(item) == {"id", "type", "meta", "title", "teaser"}
    assert item["type"] == item["meta"]["type"] == "articles.ArticlePage"


def test_search_results_carry_the_same_card_fields(client, site_tree):
    image = ImageFactory()
    ArticlePageFactory(parent=site_tree.articles, title="Sensoren messen die Luft", hero_image=image)
    ArticlePageFactory(parent=site_tree.articles, title="Neuer Radweg")

    [item] = list_items(client, "articles.ArticlePage", search="Sensoren")

    assert item["title"] == "Sensoren messen die Luft"
    assert item["hero_image"]["id"] == image.pk
    assert set(item["hero_image"]["renditions"]) == {"thumbnail", "card", "hero"}


def test_an_event_gives_its_times_with_the_berlin_offset(client, site_tree):
    venue = VenueFactory(
        name="Rathaus Barmen",
        latitude="51.272000",
        longitude="7.199000",
        accessibility="Stufenloser Zugang über den Seiteneingang.",
    )
    EventPageFactory(
        parent=site_tree.events,
        start=datetime.datetime(2025, 1, 15, 18, 0, tzinfo=BERLIN),
        end=datetime.datetime(2025, 1, 15, 20, 0, tzinfo=BERLIN),
        venue=venue,
        attendance_mode="hybrid",
        stream_url="https://stream.example.org/",
        registration="required",
        registration_email="anmeldung@example.org",
        cost="kostenfrei",
    )

    [item] = list_items(client, "events.EventPage")

    assert item["start"] == "2025-01-15T18:00:00+01:00"
    assert item["end"] == "2025-01-15T20:00:00+01:00"
    assert item["time_zone"] == "Europe/Berlin"
    assert item["all_day"] is False
    assert item["status"] == "scheduled"
    assert item["attendance_mode"] == "hybrid"
    assert item["venue"] == {
        "id": venue.pk,
        "name": "Rathaus Barmen",
        "street": "Hauptstraße 1",
        "postal_code": "42103",
        "city": "Wuppertal",
        "latitude": 51.272,
        "longitude": 7.199,
        "accessibility": "Stufenloser Zugang über den Seiteneingang.",
        "url": "",
    }
    assert item["stream_url"] == "https://stream.example.org/"
    assert item["registration"] == "required"
    assert item["registration_email"] == "anmeldung@example.org"
    assert item["registration_url"] == ""
    assert item["cost"] == "kostenfrei"


def test_a_summer_event_gives_the_daylight_saving_offset(client, site_tree):
    EventPageFactory(parent=site_tree.events, start=datetime.datetime(2025, 7, 1, 10, 0, tzinfo=BERLIN))

    [item] = list_items(client, "events.EventPage")

    assert item["start"] == "2025-07-01T10:00:00+02:00"


def test_a_project_list_item_has_status_period_funding_and_themes(client, site_tree):
    project = ProjectPageFactory(
        parent=site_tree.projects,
        end_date=datetime.date(2026, 12, 31),
        funding_programme="Modellprojekte Smart Cities",
    )
    theme = ThemeFactory(name="Mobilität", slug="mobilitaet", description="Wege in der Stadt.")
    project.themes.add(theme)
    project.save()

    [item] = list_items(client, "projects.ProjectPage")

    assert item["status"] == "running"
    assert item["start_date"] == "2022-01-01"
    assert item["end_date"] == "2026-12-31"
    assert item["funding_programme"] == "Modellprojekte Smart Cities"
    assert item["themes"] == [
        {"id": theme.pk, "name": "Mobilität", "slug": "mobilitaet", "description": "Wege in der Stadt."}
    ]


@pytest.fixture
def hidden_pages(site_tree):
    draft = ArticlePageFactory(parent=site_tree.articles, title="Entwurf", live=False)
    private_section = ContentPageFactory(parent=site_tree.home, title="Intern")
    PageViewRestriction.objects.create(page=private_section, restriction_type="password", password="geheim")
    private_child = ContentPageFactory(parent=private_section, title="Protokoll")
    return [draft, private_section, private_child]


def test_lists_never_show_drafts_or_private_pages(client, site_tree, hidden_pages):
    ArticlePageFactory(parent=site_tree.articles, title="Veröffentlicht")

    titles = {item["title"] for item in client.get("/api/v2/pages/", {"limit": 20}).json()["items"]}
    article_titles = {item["title"] for item in list_items(client, "articles.ArticlePage")}

    assert "Veröffentlicht" in titles
    assert titles.isdisjoint({"Entwurf", "Intern", "Protokoll"})
    assert article_titles == {"Veröffentlicht"}


def test_drafts_and_private_pages_have_no_detail(client, site_tree, hidden_pages):
    for page in hidden_pages:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404, page.title


def small_image():
    # Long lists need many images; small ones keep rendering their renditions quick.
    return ImageFactory(file__width=64, file__height=32)


def list_queries(client, django_assert_num_queries, page_type, expected):
    # The first request renders the renditions, which is a one-off cost per image.
    list_items(client, page_type)
    with django_assert_num_queries(expected):
        list_items(client, page_type)


# The content version (for Last-Modified), view restrictions, site, count and the page of
# results (with locale, hero image, category, venue and project joined), then one query per
# prefetched relation: the hero image renditions, plus tags for articles, further dates for
# events and themes for projects. Events link to their project, which costs one more query
# for the view restrictions a link must respect (core.visibility).
# Languages (README, "Languages") add one: the site, whose start page's translations Wagtail's
# API lists pages under.
ARTICLE_LIST_QUERIES = 8
EVENT_LIST_QUERIES = 9
PROJECT_LIST_QUERIES = 8


@pytest.mark.parametrize("count", [1, 20, 50])
def test_an_article_list_costs_the_same_queries_however_long(
    client, site_tree, django_assert_num_queries, count
):
    category = CategoryFactory()
    for _ in range(count):
        article = ArticlePageFactory(parent=site_tree.articles, category=category, hero_image=small_image())
        article.tags.add("Umwelt")
        article.save()

    list_queries(client, django_assert_num_queries, "articles.ArticlePage", ARTICLE_LIST_QUERIES)


@pytest.mark.parametrize("count", [1, 20, 50])
def test_an_event_list_costs_the_same_queries_however_long(
    client, site_tree, django_assert_num_queries, count
):
    project = ProjectPageFactory(parent=site_tree.projects)
    for _ in range(count):
        event = EventPageFactory(
            parent=site_tree.events, venue=VenueFactory(), project=project, hero_image=small_image()
        )
        EventDateFactory(event=event)

    list_queries(client, django_assert_num_queries, "events.EventPage", EVENT_LIST_QUERIES)


@pytest.mark.parametrize("count", [2, 8])
def test_a_project_list_costs_the_same_queries_however_long(
    client, site_tree, django_assert_num_queries, count
):
    theme = ThemeFactory()
    for _ in range(count):
        project = ProjectPageFactory(parent=site_tree.projects, hero_image=small_image())
        project.themes.add(theme)
        project.save()

    list_queries(client, django_assert_num_queries, "projects.ProjectPage", PROJECT_LIST_QUERIES)


def search_across_types(client, **params):
    response = client.get("/api/v2/pages/", {"search": "Sensoren", **params})
    assert response.status_code == 200, response.content
    return response.json()["items"]


@pytest.fixture
def sensor_pages(site_tree):
    ArticlePageFactory(
        parent=site_tree.articles,
        title="Sensoren messen die Luft",
        teaser="Neue Messpunkte.",
        hero_image=small_image(),
    )
    EventPageFactory(parent=site_tree.events, title="Workshop: Sensoren selbst bauen", teaser="Löten lernen.")
    ProjectPageFactory(parent=site_tree.projects, title="Sensoren für saubere Luft")
    ArticlePageFactory(parent=site_tree.articles, title="Neuer Radweg")


def test_a_search_across_page_types_gives_each_hit_as_the_card_of_its_type(client, sensor_pages):
    ranked = search_across_types(client)
    cards = search_across_types(client, fields="*")

    assert [card["id"] for card in cards] == [item["id"] for item in ranked]
    by_type = {card["type"]: card for card in cards}
    assert set(by_type) == {"articles.ArticlePage", "events.EventPage", "projects.ProjectPage"}
    article = by_type["articles.ArticlePage"]
    assert (article["teaser"], article["date"]) == ("Neue Messpunkte.", ANY)
    assert article["hero_image"]["renditions"]["card"]["url"]
    assert by_type["events.EventPage"]["start"]
    assert by_type["events.EventPage"]["teaser"] == "Löten lernen."
    assert by_type["projects.ProjectPage"]["status"]
    # The same card as the type's own list gives.
    listed = list_items(client, "events.EventPage")
    assert by_type["events.EventPage"] == listed[0]


def test_a_search_across_page_types_costs_the_same_queries_however_many_hits(client, site_tree):
    counts = []
    for hits_per_type in (1, 6):
        while ArticlePage.objects.count() < hits_per_type:
            number = ArticlePage.objects.count()
            ArticlePageFactory(
                parent=site_tree.articles, title=f"Sensoren {number}", hero_image=small_image()
            )
            EventPageFactory(
                parent=site_tree.events, title=f"Sensoren-Treffen {number}", hero_image=small_image()
            )
        search_across_types(client, fields="*")  # renders the renditions, once per image
        with CaptureQueriesContext(connection) as queries:
            assert len(search_across_types(client, fields="*")) == 2 * hits_per_type
        counts.append(len(queries))

    assert counts[0] == counts[1]


def test_answers_are_compact_json(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles)

    for url in ("/api/v2/pages/?type=articles.ArticlePage&fields=*", "/api/v2/images/", "/api/v2/alerts/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.json()
        assert b"\n" not in response.content and b'": ' not in response.content, url
