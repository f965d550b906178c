"""Finding events on "Veranstaltungen": upcoming ones first, past ones a link away,
filtered by category and by how one takes part."""

import datetime

import pytest
from django.utils import timezone

from core.factories import CategoryFactory
from events.factories import EventDateFactory, EventPageFactory
from events.models import EventPage
from tests.html import assert_one_h1_and_no_heading_gaps, get_html

pytestmark = pytest.mark.django_db

Mode = EventPage.AttendanceMode


def titles(soup) -> list[str]:
    return [card.h2.get_text(strip=True) for card in soup.find_all("article", class_="card")]


def days_from_now(days, hours=0):
    return timezone.now() + datetime.timedelta(days=days, hours=hours)


@pytest.fixture
def calendar(site_tree):
    """Two events ahead, one running, one with only a further date ahead, two past ones."""
    workshop = CategoryFactory(name="Workshop", slug="workshop")
    talk = CategoryFactory(name="Vortrag", slug="vortrag")
    EventPageFactory(
        parent=site_tree.events,
        title="Später",
        start=days_from_now(30),
        category=talk,
        attendance_mode=Mode.ONLINE,
    )
    EventPageFactory(
        parent=site_tree.events,
        title="Bald",
        start=days_from_now(3),
        category=workshop,
        attendance_mode=Mode.HYBRID,
    )
    EventPageFactory(
        parent=site_tree.events,
        title="Festival läuft",
        start=days_from_now(-2),
        end=days_from_now(2),
        category=workshop,
    )
    series = EventPageFactory(parent=site_tree.events, title="Reihe", start=days_from_now(-10), category=talk)
    EventDateFactory(event=series, start=days_from_now(10))
    EventPageFactory(
        parent=site_tree.events, title="Gestern", start=days_from_now(-1, hours=-3), category=talk
    )
    EventPageFactory(
        parent=site_tree.events, title="Letzten Monat", start=days_from_now(-30), category=workshop
    )


def test_it_lists_upcoming_and_running_events_soonest_first(client, site_tree, calendar):
    soup = get_html(client, site_tree.events)

    assert titles(soup) == ["Festival läuft", "Bald", "Reihe", "Später"]
    assert_one_h1_and_no_heading_gaps(soup)


def test_it_keeps_a_multi_day_event_in_the_list_while_it_runs(client, site_tree, calendar):
    soup = get_html(client, site_tree.events)

    assert "Festival läuft" in titles(soup)


def test_it_keeps_an_event_whose_next_date_is_a_further_date(client, site_tree, calendar):
    assert "Reihe" in titles(get_html(client, site_tree.events))
    assert "Reihe" not in titles(get_html(client, f"{site_tree.events.url}?zeitraum=vergangen"))


def test_it_lists_past_events_most_recent_first(client, site_tree, calendar):
    soup = get_html(client, f"{site_tree.events.url}?zeitraum=vergangen")

    assert titles(soup) == ["Gestern", "Letzten Monat"]
    assert "Vergangene" in soup.title.get_text()
    assert (
        soup.find("select", attrs={"name": "zeitraum"}).find("option", selected=True)["value"] == "vergangen"
    )


def test_it_links_from_upcoming_to_past_events_and_back(client, site_tree, calendar):
    upcoming = get_html(client, site_tree.events)
    to_past = upcoming.find("a", string="Vergangene Veranstaltungen anzeigen")
    assert to_past["href"] == f"{site_tree.events.url}?zeitraum=vergangen"

    past = get_html(client, to_past["href"])
    assert past.find("a", string="Kommende Veranstaltungen anzeigen")["href"] == site_tree.events.url


def test_the_switch_to_past_events_keeps_the_other_filters(client, site_tree, calendar):
    soup = get_html(client, f"{site_tree.events.url}?kategorie=workshop&teilnahme=online")

    to_past = soup.find("a", string="Vergangene Veranstaltungen anzeigen")
    assert to_past["href"] == f"{site_tree.events.url}?kategorie=workshop&teilnahme=online&zeitraum=vergangen"


def test_it_filters_by_category(client, site_tree, calendar):
    soup = get_html(client, f"{site_tree.events.url}?kategorie=workshop")

    assert titles(soup) == ["Festival läuft", "Bald"]
    assert "Workshop" in soup.title.get_text()


def test_it_filters_past_events_by_category(client, site_tree, calendar):
    soup = get_html(client, f"{site_tree.events.url}?zeitraum=vergangen&kategorie=workshop")

    assert titles(soup) == ["Letzten Monat"]


def test_the_online_filter_finds_online_and_hybrid_events(client, site_tree, calendar):
    soup = get_html(client, f"{site_tree.events.url}?teilnahme=online")

    assert titles(soup) == ["Bald", "Später"]


def test_the_on_site_filter_finds_on_site_and_hybrid_events(client, site_tree, calendar):
    soup = get_html(client, f"{site_tree.events.url}?teilnahme=vor-ort")

    assert titles(soup) == ["Festival läuft", "Bald", "Reihe"]


def test_the_hybrid_filter_finds_only_hybrid_events(client, site_tree, calendar):
    soup = get_html(client, f"{site_tree.events.url}?teilnahme=hybrid")

    assert titles(soup) == ["Bald"]


def test_every_filter_control_has_a_label(client, site_tree, calendar):
    form = get_html(client, site_tree.events).find("form", class_="filter-form")

    names = []
    for select in form.find_all("select"):
        names.append(select["name"])
        assert form.find("label", attrs={"for": select["id"]}).get_text(strip=True)
    assert names == ["zeitraum", "kategorie", "teilnahme"]
    assert form.find("button", type="submit").get_text(strip=True) == "Filtern"


@pytest.mark.parametrize(
    "query", ["zeitraum=morgen", "kategorie=unbekannt", "teilnahme=x", "teilnahme=on_site"]
)
def test_an_unknown_filter_value_falls_back_to_all_upcoming_events(client, site_tree, calendar, query):
    soup = get_html(client, f"{site_tree.events.url}?{query}")

    assert titles(soup) == ["Festival läuft", "Bald", "Reihe", "Später"]
    assert soup.find("form", class_="filter-form").find(class_="errorlist")


def test_it_shows_ten_events_a_page_and_keeps_the_filters_on_page_links(client, site_tree):
    for number in range(1, 12):
        EventPageFactory(
            parent=site_tree.events,
            title=f"Termin {number:02d}",
            start=days_from_now(number),
            attendance_mode=Mode.ONLINE,
        )

    first = get_html(client, f"{site_tree.events.url}?teilnahme=online")
    next_url = first.find("nav", attrs={"aria-label": "Seitennavigation"}).find("a", string="Nächste Seite")[
        "href"
    ]
    second = get_html(client, next_url)

    assert len(titles(first)) == 10
    assert next_url == f"{site_tree.events.url}?teilnahme=online&seite=2"
    assert titles(second) == ["Termin 11"]
    get_html(client, f"{site_tree.events.url}?teilnahme=online&seite=3", status=404)


def test_it_says_so_when_no_event_matches(client, site_tree, calendar):
    soup = get_html(client, f"{site_tree.events.url}?zeitraum=vergangen&teilnahme=hybrid")

    assert "Zu dieser Auswahl gibt es keine Veranstaltungen." in soup.main.get_text()
