"""The "In den Kalender" file of an event and the calendar feed of upcoming events,
parsed back with icalendar and read field by field."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from icalendar import Calendar

from events.factories import EventDateFactory, EventPageFactory, VenueFactory
from events.models import EventPage
from tests.html import get_html

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
FUTURE = datetime.datetime(2099, 6, 1, 18, 0, tzinfo=BERLIN)


@pytest.fixture
def kickoff(site_tree):
    """The seed's event: streamed live from the codeks on 7 March 2022 at 17:00."""
    return EventPageFactory(
        parent=site_tree.events,
        title="Live-Auftakt von smart.wuppertal",
        slug="live-auftakt",
        teaser="Die Stadt stellt das Modellprojekt vor.",
        attendance_mode=EventPage.AttendanceMode.ONLINE,
        venue=VenueFactory(name="codeks", street="Hofaue 55"),
        stream_url="https://www.wuppertal.de/smart-city",
    )


def get_calendar(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, Calendar.from_ical(response.content)


def ical_url(page):
    return f"{page.url}ical/"


def vevents(calendar):
    return calendar.walk("VEVENT")


def test_it_downloads_the_event_as_an_ics_file_named_after_the_page(client, kickoff):
    response, _ = get_calendar(client, ical_url(kickoff))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="live-auftakt.ics"'


def test_it_declares_version_prodid_and_the_berlin_time_zone(client, kickoff):
    _, calendar = get_calendar(client, ical_url(kickoff))

    assert calendar["VERSION"] == "2.0"
    assert "Smart City" in calendar["PRODID"]
    assert [timezone["TZID"] for timezone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_it_starts_the_kickoff_at_17_00_berlin_time(client, kickoff):
    _, calendar = get_calendar(client, ical_url(kickoff))

    (event,) = vevents(calendar)
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event["DTSTART"].dt == datetime.datetime(2022, 3, 7, 17, 0, tzinfo=BERLIN)
    assert event["DTEND"].dt == datetime.datetime(2022, 3, 7, 19, 0, tzinfo=BERLIN)


def test_it_converts_times_stored_in_utc_to_berlin_time(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events, start=datetime.datetime(2022, 7, 1, 16, 0, tzinfo=datetime.UTC), end=None
    )

    _, calendar = get_calendar(client, ical_url(event))

    (vevent,) = vevents(calendar)
    assert vevent["DTSTART"].dt.replace(tzinfo=None) == datetime.datetime(2022, 7, 1, 18, 0)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert "DTEND" not in vevent


def test_it_describes_the_kickoff_with_title_teaser_link_and_stream(client, kickoff):
    _, calendar = get_calendar(client, ical_url(kickoff))

    (event,) = vevents(calendar)
    assert event["SUMMARY"] == "Live-Auftakt von smart.wuppertal"
    assert event["URL"] == "http://localhost/veranstaltungen/live-auftakt/"
    assert event["DESCRIPTION"] == (
        "Die Stadt stellt das Modellprojekt vor.\n\nhttp://localhost/veranstaltungen/live-auftakt/"
    )
    assert event["LOCATION"] == "https://www.wuppertal.de/smart-city"
    assert event["STATUS"] == "CONFIRMED"
    assert event["UID"] == f"event-{kickoff.pk}@localhost"
    assert event["DTSTAMP"].dt.tzinfo is not None


def test_it_gives_venue_address_and_coordinates_for_an_event_on_site(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        attendance_mode=EventPage.AttendanceMode.ON_SITE,
        venue=VenueFactory(name="codeks", street="Hofaue 55", latitude="51.256213", longitude="7.150764"),
    )

    _, calendar = get_calendar(client, ical_url(event))

    (vevent,) = vevents(calendar)
    assert vevent["LOCATION"] == "codeks, Hofaue 55, 42103 Wuppertal"
    assert (vevent["GEO"].latitude, vevent["GEO"].longitude) == (51.256213, 7.150764)


def test_it_writes_every_further_date_as_its_own_event(client, kickoff):
    EventDateFactory(event=kickoff, start=datetime.datetime(2022, 3, 14, 17, 0, tzinfo=BERLIN), note="Teil 2")
    EventDateFactory(event=kickoff, start=datetime.datetime(2022, 3, 21, 17, 0, tzinfo=BERLIN), note="Teil 3")

    _, calendar = get_calendar(client, ical_url(kickoff))

    events = vevents(calendar)
    assert [event["DTSTART"].dt.date() for event in events] == [
        datetime.date(2022, 3, 7),
        datetime.date(2022, 3, 14),
        datetime.date(2022, 3, 21),
    ]
    assert [event["SUMMARY"] for event in events] == [
        "Live-Auftakt von smart.wuppertal",
        "Live-Auftakt von smart.wuppertal (Teil 2)",
        "Live-Auftakt von smart.wuppertal (Teil 3)",
    ]
    assert len({event["UID"] for event in events}) == 3


def test_it_writes_an_all_day_event_as_dates_with_the_end_after_the_last_day(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        all_day=True,
        start=datetime.datetime(2022, 5, 14, 0, 0, tzinfo=BERLIN),
        end=datetime.datetime(2022, 5, 15, 23, 59, tzinfo=BERLIN),
    )

    _, calendar = get_calendar(client, ical_url(event))

    (vevent,) = vevents(calendar)
    assert vevent["DTSTART"].params["VALUE"] == "DATE"
    assert vevent["DTSTART"].dt == datetime.date(2022, 5, 14)
    assert vevent["DTEND"].dt == datetime.date(2022, 5, 16)


@pytest.mark.parametrize(
    ("status", "ical_status"),
    [
        (EventPage.Status.CANCELLED, "CANCELLED"),
        (EventPage.Status.POSTPONED, "TENTATIVE"),
        (EventPage.Status.RESCHEDULED, "CONFIRMED"),
    ],
)
def test_it_carries_the_status_of_the_event(client, site_tree, status, ical_status):
    event = EventPageFactory(parent=site_tree.events, status=status)

    _, calendar = get_calendar(client, ical_url(event))

    (vevent,) = vevents(calendar)
    assert vevent["STATUS"] == ical_status


def test_it_serves_no_calendar_file_for_an_unpublished_event(client, site_tree):
    draft = EventPageFactory(parent=site_tree.events, live=False)

    assert client.get(ical_url(draft)).status_code == 404


def test_the_event_page_links_to_its_calendar_file(client, kickoff):
    soup = get_html(client, kickoff)

    link = soup.find("a", href="/veranstaltungen/live-auftakt/ical/")
    assert link.get_text(" ", strip=True).startswith("In den Kalender")


def soon():
    """A start within the feed's year ahead (events.ical.FEED_DAYS_AHEAD)."""
    return timezone.localtime(timezone.now(), BERLIN).replace(hour=18, minute=0, second=0, microsecond=0) + (
        datetime.timedelta(days=30)
    )


def test_the_feed_lists_only_upcoming_published_events(client, site_tree, kickoff):
    EventPageFactory(parent=site_tree.events, title="Werkstatt Mobilität", start=soon())
    EventPageFactory(parent=site_tree.events, title="Entwurf", start=soon(), live=False)

    response, calendar = get_calendar(client, ical_url(site_tree.events))

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Content-Disposition" not in response
    assert [event["SUMMARY"] for event in vevents(calendar)] == ["Werkstatt Mobilität"]
    assert calendar["X-WR-CALNAME"] == "Veranstaltungen – Smart City"
    assert [timezone["TZID"] for timezone in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_the_feed_lists_every_date_of_an_upcoming_event(client, site_tree):
    start = soon()
    event = EventPageFactory(parent=site_tree.events, title="Reihe", start=start)
    EventDateFactory(event=event, start=start + datetime.timedelta(days=7))

    _, calendar = get_calendar(client, ical_url(site_tree.events))

    assert [vevent["DTSTART"].dt for vevent in vevents(calendar)] == [
        start,
        start + datetime.timedelta(days=7),
    ]


def test_the_feed_holds_the_next_year_and_at_most_its_number_of_events(client, site_tree, monkeypatch):
    monkeypatch.setattr("events.models.FEED_MAX_EVENTS", 2)
    for number, days in enumerate([3, 1, 2, 400], start=1):
        EventPageFactory(
            parent=site_tree.events, title=f"Termin {number}", start=soon() + datetime.timedelta(days=days)
        )

    _, calendar = get_calendar(client, ical_url(site_tree.events))

    assert [event["SUMMARY"] for event in vevents(calendar)] == ["Termin 2", "Termin 3"]


def test_the_feed_shows_a_new_event_at_once(client, site_tree):
    get_calendar(client, ical_url(site_tree.events))
    event = EventPageFactory(parent=site_tree.events, title="Nachgetragen", start=soon(), live=False)
    event.save_revision().publish()

    _, calendar = get_calendar(client, ical_url(site_tree.events))

    assert [event["SUMMARY"] for event in vevents(calendar)] == ["Nachgetragen"]


def test_the_feed_of_an_empty_programme_is_still_a_calendar(client, site_tree):
    _, calendar = get_calendar(client, ical_url(site_tree.events))

    assert vevents(calendar) == []
    assert calendar["VERSION"] == "2.0"


def test_the_events_list_still_renders_next_to_the_feed(client, site_tree):
    EventPageFactory(parent=site_tree.events, title="Werkstatt Mobilität", start=FUTURE)

    soup = get_html(client, site_tree.events)

    assert soup.h1.get_text(strip=True) == "Veranstaltungen"
    assert "Werkstatt Mobilität" in soup.main.get_text()
