"""/api/v2/occurrences/: each date of each event its own item, in date order, with the
event's card, for calendar screens."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core.factories import CategoryFactory
from events.factories import EventDateFactory, EventPageFactory

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def occurrences(client, **params):
    response = client.get("/api/v2/occurrences/", params)
    assert response.status_code == 200, response.content
    return response.json()


def march(day, hour=18):
    return datetime.datetime(2025, 3, day, hour, tzinfo=BERLIN)


@pytest.fixture
def programme(site_tree):
    workshops = CategoryFactory(name="Workshop")
    series = EventPageFactory(
        parent=site_tree.events, title="Reihe", start=march(3), end=march(3, 20), category=workshops
    )
    EventDateFactory(event=series, start=march(10), end=march(10, 20), note="Teil 2")
    EventDateFactory(event=series, start=march(24), end=None, note="Teil 3")
    EventPageFactory(parent=site_tree.events, title="Einzeltermin", start=march(12), end=None)
    EventPageFactory(parent=site_tree.events, title="Entwurf", start=march(11), live=False)
    return series


def test_each_date_of_a_series_is_an_item_in_date_order_with_the_events_card(client, programme):
    answer = occurrences(client, start_after="2025-03-01", start_before="2025-03-31")

    assert [(item["event"]["title"], item["start"], item["note"]) for item in answer["items"]] == [
        ("Reihe", "2025-03-03T18:00:00+01:00", ""),
        ("Reihe", "2025-03-10T18:00:00+01:00", "Teil 2"),
        ("Einzeltermin", "2025-03-12T18:00:00+01:00", ""),
        ("Reihe", "2025-03-24T18:00:00+01:00", "Teil 3"),
    ]
    assert answer["meta"]["total_count"] == 4
    card = answer["items"][0]["event"]
    # The card as the events list with the same range gives it.
    listed = client.get(
        "/api/v2/pages/",
        {
            "type": "events.EventPage",
            "fields": "*",
            "id": programme.pk,
            "start_after": "2025-03-01",
            "start_before": "2025-03-31",
        },
    ).json()
    assert card == listed["items"][0]


def test_the_range_and_the_event_filters_narrow_the_dates(client, programme):
    in_range = occurrences(client, start_after="2025-03-09", start_before="2025-03-12")
    workshops = occurrences(client, start_after="2025-03-01", category="workshop")

    assert [item["start"] for item in in_range["items"]] == [
        "2025-03-10T18:00:00+01:00",
        "2025-03-12T18:00:00+01:00",
    ]
    assert {item["event"]["title"] for item in workshops["items"]} == {"Reihe"}
    assert len(workshops["items"]) == 3


def test_without_a_range_the_dates_still_to_come(client, site_tree):
    now = timezone.now()
    series = EventPageFactory(parent=site_tree.events, title="Reihe", start=now - datetime.timedelta(days=7))
    EventDateFactory(event=series, start=now + datetime.timedelta(days=7))

    [item] = occurrences(client)["items"]

    assert item["event"]["title"] == "Reihe"
    # The further date, not the main date a week ago.
    assert datetime.datetime.fromisoformat(item["start"]) > now


def test_dates_are_paged_with_links(client, programme):
    first = occurrences(client, start_after="2025-03-01", limit=3)
    rest = client.get(first["meta"]["next"]).json()

    assert len(first["items"]) == 3
    assert [item["note"] for item in rest["items"]] == ["Teil 3"]
    assert rest["meta"]["next"] is None


@pytest.mark.parametrize(
    ("params", "named"),
    [
        ({"type": "events.EventPage"}, "type"),
        ({"start_after": "März"}, "start_after"),
        ({"limit": "100"}, "limit"),
    ],
)
def test_a_parameter_it_does_not_take_is_a_400_naming_it(client, site_tree, params, named):
    response = client.get("/api/v2/occurrences/", params)

    assert response.status_code == 400
    assert named in response.json()["message"]
