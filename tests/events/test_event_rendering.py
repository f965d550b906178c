"""What a visitor sees on an event page and on the events list ("Veranstaltungen")."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core.factories import OrganisationFactory
from events.factories import EventDateFactory, EventPageFactory, VenueFactory
from events.models import EventPage
from projects.factories import ProjectPageFactory
from tests.html import assert_one_h1_and_no_heading_gaps, facts, get_html

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def kickoff(site_tree):
    """The seed's event: streamed live from the codeks on 7 March 2022 at 17:00."""
    return EventPageFactory(
        parent=site_tree.events,
        title="Live-Auftakt von smart.wuppertal",
        attendance_mode=EventPage.AttendanceMode.ONLINE,
        venue=VenueFactory(
            name="codeks", street="Hofaue 55", accessibility="Stufenloser Zugang, barrierefreies WC."
        ),
        stream_url="https://www.wuppertal.de/smart-city",
        cost="kostenfrei",
    )


def test_it_shows_the_title_as_the_only_h1(client, kickoff):
    soup = get_html(client, kickoff)

    assert soup.h1.get_text(strip=True) == "Live-Auftakt von smart.wuppertal"
    assert_one_h1_and_no_heading_gaps(soup)


def test_it_shows_date_and_time_in_german_local_time(client, kickoff):
    soup = get_html(client, kickoff)

    assert facts(soup)["Termin"] == "Montag, 7. März 2022, 17:00 Uhr bis 19:00 Uhr"
    assert soup.find("time")["datetime"] == "2022-03-07T17:00:00+01:00"


def test_it_converts_times_stored_in_utc_to_berlin_time(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events, start=datetime.datetime(2022, 7, 1, 16, 0, tzinfo=datetime.UTC), end=None
    )

    soup = get_html(client, event)

    assert facts(soup)["Termin"] == "Freitag, 1. Juli 2022, 18:00 Uhr"


def test_it_names_both_days_of_an_event_across_midnight(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        start=datetime.datetime(2022, 3, 11, 18, 0, tzinfo=BERLIN),
        end=datetime.datetime(2022, 3, 12, 2, 0, tzinfo=BERLIN),
    )

    soup = get_html(client, event)

    assert facts(soup)["Termin"] == "Freitag, 11. März 2022, 18:00 Uhr bis Samstag, 12. März 2022, 02:00 Uhr"


def test_it_shows_no_times_for_an_all_day_event(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        all_day=True,
        start=datetime.datetime(2022, 5, 14, 0, 0, tzinfo=BERLIN),
        end=datetime.datetime(2022, 5, 15, 23, 59, tzinfo=BERLIN),
    )

    soup = get_html(client, event)

    assert facts(soup)["Termin"] == "Samstag, 14. Mai 2022 bis Sonntag, 15. Mai 2022"
    assert soup.find("time")["datetime"] == "2022-05-14"


def test_it_lists_further_dates_with_their_notes(client, kickoff):
    EventDateFactory(event=kickoff, note="Teil 2: Mobilität")

    soup = get_html(client, kickoff)

    assert facts(soup)["Termine"] == (
        "Montag, 7. März 2022, 17:00 Uhr bis 19:00 Uhr "
        "Montag, 14. März 2022, 17:00 Uhr bis 19:00 Uhr (Teil 2: Mobilität)"
    )


def test_it_shows_a_cancelled_event_as_cancelled_right_under_the_title(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, status=EventPage.Status.CANCELLED)

    soup = get_html(client, event)

    status = soup.h1.find_next_sibling(class_="event-status")
    assert status.get_text(strip=True) == "Abgesagt"


def test_it_shows_no_status_for_a_scheduled_event(client, kickoff):
    soup = get_html(client, kickoff)

    assert soup.find(class_="event-status") is None


def test_it_shows_venue_address_and_accessibility_notes(client, kickoff):
    soup = get_html(client, kickoff)

    assert facts(soup)["Ort"] == (
        "codeks Hofaue 55 42103 Wuppertal Auf der Karte zeigen (Öffnet in einem neuen Tab) "
        "Barrierefreiheit: Stufenloser Zugang, barrierefreies WC."
    )
    map_link = next(link for link in soup.find_all("a") if link.get_text().startswith("Auf der Karte"))
    assert map_link["href"].startswith("https://www.openstreetmap.org/")


def test_it_shows_attendance_mode_stream_link_and_cost(client, kickoff):
    soup = get_html(client, kickoff)

    assert facts(soup)["Teilnahme"] == "Online"
    assert soup.find("a", string="Zum Livestream")["href"] == "https://www.wuppertal.de/smart-city"
    assert facts(soup)["Kosten"] == "kostenfrei"


def test_it_says_when_no_registration_is_needed(client, kickoff):
    soup = get_html(client, kickoff)

    assert facts(soup)["Anmeldung"] == "Keine Anmeldung nötig"


def test_it_links_registration_by_web_form_and_email_when_required(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        registration=EventPage.Registration.REQUIRED,
        registration_url="https://anmeldung.example.org/workshop",
        registration_email="smartcity@example.org",
    )

    soup = get_html(client, event)

    assert facts(soup)["Anmeldung"].startswith("Anmeldung erforderlich")
    assert soup.find("a", string="Zur Anmeldung")["href"] == "https://anmeldung.example.org/workshop"
    assert soup.find("a", string="smartcity@example.org")["href"] == "mailto:smartcity@example.org"


def test_it_names_the_organiser_and_links_the_project(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects, title="Modellprojekt Smart City")
    organiser = OrganisationFactory(name="Stadt Wuppertal", url="https://www.wuppertal.de/")
    event = EventPageFactory(parent=site_tree.events, organiser=organiser, project=project)

    soup = get_html(client, event)

    assert facts(soup)["Veranstalter"] == "Stadt Wuppertal"
    assert soup.find("a", string="Modellprojekt Smart City")["href"] == project.url


def test_the_index_lists_upcoming_events_soonest_first(client, site_tree):
    soon = timezone.now() + datetime.timedelta(days=3)
    EventPageFactory(parent=site_tree.events, title="Später", start=soon + datetime.timedelta(days=30))
    EventPageFactory(parent=site_tree.events, title="Bald", start=soon)
    EventPageFactory(parent=site_tree.events, title="Vorbei")

    soup = get_html(client, site_tree.events)

    cards = soup.find_all("article", class_="card")
    assert [card.h2.get_text(strip=True) for card in cards] == ["Bald", "Später"]
    assert_one_h1_and_no_heading_gaps(soup)


def test_the_index_marks_a_cancelled_event_in_its_card(client, site_tree):
    EventPageFactory(
        parent=site_tree.events,
        start=timezone.now() + datetime.timedelta(days=3),
        status=EventPage.Status.CANCELLED,
    )

    soup = get_html(client, site_tree.events)

    assert soup.find("article", class_="card").find(class_="status").get_text(strip=True) == "Abgesagt"


def test_the_index_says_so_when_nothing_is_planned(client, site_tree):
    EventPageFactory(parent=site_tree.events, title="Vorbei")

    soup = get_html(client, site_tree.events)

    assert "Zurzeit sind keine Veranstaltungen geplant." in soup.main.get_text()
