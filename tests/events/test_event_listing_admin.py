"""Editors reach the events in one click from the sidebar, latest start first with status and
venue, filter them by all three, and tell events apart by their date when choosing one."""

import datetime
import json
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.factories import ArticlePageFactory
from articles.models import ArticleEventLink
from events.factories import EventPageFactory, VenueFactory
from events.models import EventPage
from tests.admin_pages import (
    filter_options,
    get_soup,
    header_button,
    listing_headings,
    listing_rows,
    queries_to_open,
    sidebar_links,
)
from tests.html import get_html

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
EVENTS = "/admin/veranstaltungen/"
COLUMNS = ["Titel", "Beginn", "Veranstaltungsstatus", "Veranstaltungsort", "Aktualisiert", "Status"]


def berlin(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


def titles(soup) -> list[str]:
    return [row["Titel"] for row in listing_rows(soup)]


@pytest.fixture
def events(site_tree):
    """A kickoff in March, a cancelled workshop in May at codeks, an all-day fair in June."""
    codeks = VenueFactory(name="codeks", city="Wuppertal")
    return {
        "kickoff": EventPageFactory(
            parent=site_tree.events, title="Live-Auftakt", start=berlin(2022, 3, 7, 17)
        ),
        "workshop": EventPageFactory(
            parent=site_tree.events,
            title="Datenwerkstatt",
            start=berlin(2022, 5, 10, 18),
            status=EventPage.Status.CANCELLED,
            venue=codeks,
        ),
        "fair": EventPageFactory(
            parent=site_tree.events, title="Digitaltag", start=berlin(2022, 6, 24), all_day=True
        ),
    }


def test_the_sidebar_leads_to_the_events_in_one_click(site_tree, editor_client):
    assert sidebar_links(get_soup(editor_client, "/admin/"))["Veranstaltungen"] == EVENTS


def test_the_event_list_shows_start_status_and_venue_latest_start_first(events, editor_client):
    soup = get_soup(editor_client, EVENTS)

    assert listing_headings(soup) == COLUMNS
    rows = [
        (row["Beginn"], row["Veranstaltungsstatus"], row["Veranstaltungsort"]) for row in listing_rows(soup)
    ]
    assert rows == [
        ("24.06.2022", "Findet statt", ""),
        ("10.05.2022, 18:00", "Abgesagt", "codeks, Wuppertal"),
        ("07.03.2022, 17:00", "Findet statt", ""),
    ]


def test_the_event_list_filters_by_status(events, editor_client):
    assert filter_options(get_soup(editor_client, EVENTS), "Veranstaltungsstatus") == [
        "Findet statt",
        "Abgesagt",
        "Verschoben, neuer Termin folgt",
        "Auf neuen Termin verlegt",
        "Findet online statt",
    ]
    assert titles(get_soup(editor_client, f"{EVENTS}?status=cancelled")) == [
        "Datenwerkstatt (10.05.2022, 18:00)"
    ]


def test_the_event_list_filters_by_venue(events, editor_client):
    codeks = events["workshop"].venue

    assert filter_options(get_soup(editor_client, EVENTS), "Veranstaltungsort") == ["codeks, Wuppertal"]
    assert titles(get_soup(editor_client, f"{EVENTS}?venue={codeks.pk}")) == [
        "Datenwerkstatt (10.05.2022, 18:00)"
    ]


def test_the_event_list_filters_by_start(events, editor_client):
    soup = get_soup(editor_client, f"{EVENTS}?start_from=2022-03-01&start_to=2022-05-31")

    assert titles(soup) == ["Datenwerkstatt (10.05.2022, 18:00)", "Live-Auftakt (07.03.2022, 17:00)"]


def test_a_search_in_the_events_keeps_the_filters_and_any_sorting(events, editor_client):
    codeks = events["workshop"].venue
    query = f"q=Datenwerkstatt&venue={codeks.pk}&status=cancelled&start_from=2022-01-01&ordering=venue__name"

    assert titles(get_soup(editor_client, f"{EVENTS}?{query}")) == ["Datenwerkstatt (10.05.2022, 18:00)"]


def test_the_events_section_in_the_page_tree_shows_the_same_columns(events, site_tree, editor_client):
    soup = get_soup(editor_client, reverse("wagtailadmin_explore", args=[site_tree.events.pk]))

    assert listing_headings(soup) == COLUMNS
    assert titles(soup)[0] == "Digitaltag (24.06.2022)"


@pytest.mark.parametrize("where", ["event list", "page tree"])
def test_new_event_opens_the_add_form_under_the_events_section(site_tree, editor_client, where):
    url = EVENTS if where == "event list" else reverse("wagtailadmin_explore", args=[site_tree.events.pk])
    button = header_button(get_soup(editor_client, url), "Neue Veranstaltung")

    response = editor_client.get(button["href"], follow=True)

    add_form = reverse("wagtailadmin_pages:add", args=["events", "eventpage", site_tree.events.pk])
    assert response.redirect_chain[-1][0] == add_form


def test_the_page_chooser_names_events_with_their_date(events, site_tree, editor_client):
    response = editor_client.get(
        reverse("wagtailadmin_choose_page_child", args=[site_tree.events.pk]),
        {"page_type": "events.eventpage"},
    )

    chooser = BeautifulSoup(json.loads(response.content)["html"], "html.parser")
    choices = [link.get_text(" ", strip=True) for link in chooser.select("tbody td.title a")]
    assert "Live-Auftakt (07.03.2022, 17:00)" in choices
    assert "Digitaltag (24.06.2022)" in choices


def test_an_article_names_its_chosen_event_with_the_date(events, site_tree, editor_client):
    article = ArticlePageFactory(parent=site_tree.articles)
    ArticleEventLink.objects.create(article=article, event=events["kickoff"])

    soup = get_soup(editor_client, reverse("wagtailadmin_pages:edit", args=[article.pk]))

    chosen = soup.find(id="id_related_events-0-event-title").get_text(strip=True)
    assert chosen == "Live-Auftakt (07.03.2022, 17:00)"


def test_the_date_stays_out_of_the_title_visitors_and_apps_see(events, client):
    kickoff = events["kickoff"]

    assert get_html(client, kickoff).h1.get_text(strip=True) == "Live-Auftakt"
    assert client.get(f"/api/v2/pages/{kickoff.pk}/").json()["title"] == "Live-Auftakt"


# As a member of "Freigabe": see tests/articles/test_article_listing_admin.py.
def test_the_event_list_costs_the_same_queries_for_two_or_eight_events(site_tree, approver_client):
    def add_events(count):
        for _ in range(count):
            EventPageFactory(parent=site_tree.events, venue=VenueFactory())

    add_events(2)
    with_two = queries_to_open(approver_client, EVENTS)
    add_events(6)

    assert queries_to_open(approver_client, EVENTS) == with_two
