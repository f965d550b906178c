"""An event as apps read it: further dates of a series, the next date to show on a card,
the project it belongs to, and every other fact its web page shows (organiser, cost)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from core.factories import OrganisationFactory
from events.factories import EventDateFactory, EventPageFactory
from projects.factories import ProjectPageFactory

BERLIN = ZoneInfo("Europe/Berlin")


def only_event(client):
    response = client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "*"})
    assert response.status_code == 200
    [item] = response.json()["items"]
    return item


def from_now(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def test_further_dates_come_in_the_editors_order_with_berlin_offsets(client, site_tree):
    series = EventPageFactory(
        parent=site_tree.events, start=datetime.datetime(2025, 3, 7, 17, 0, tzinfo=BERLIN)
    )
    EventDateFactory(
        event=series,
        start=datetime.datetime(2025, 3, 14, 17, 0, tzinfo=BERLIN),
        end=datetime.datetime(2025, 3, 14, 19, 0, tzinfo=BERLIN),
        note="Teil 2: Mobilität",
    )
    EventDateFactory(
        event=series,
        start=datetime.datetime(2025, 4, 4, 0, 0, tzinfo=BERLIN),
        end=None,
        all_day=True,
        note="Teil 3: Abschlussfest",
    )

    item = only_event(client)

    assert item["further_dates"] == [
        {
            "start": "2025-03-14T17:00:00+01:00",
            "end": "2025-03-14T19:00:00+01:00",
            "all_day": False,
            "note": "Teil 2: Mobilität",
        },
        {"start": "2025-04-04T00:00:00+02:00", "end": None, "all_day": True, "note": "Teil 3: Abschlussfest"},
    ]


def test_a_single_event_has_no_further_dates(client, site_tree):
    EventPageFactory(parent=site_tree.events)

    assert only_event(client)["further_dates"] == []


def test_next_start_is_the_start_of_a_running_event(client, site_tree):
    start = from_now(hours=-1)
    EventPageFactory(parent=site_tree.events, start=start, end=from_now(hours=1))

    next_start = only_event(client)["next_start"]

    assert datetime.datetime.fromisoformat(next_start) == start


def test_next_start_is_the_next_further_date_once_the_first_has_ended(client, site_tree):
    series = EventPageFactory(
        parent=site_tree.events, start=from_now(days=-7), end=from_now(days=-7, hours=2)
    )
    next_date = EventDateFactory(event=series, start=from_now(days=7))
    EventDateFactory(event=series, start=from_now(days=14))

    next_start = only_event(client)["next_start"]

    assert datetime.datetime.fromisoformat(next_start) == next_date.start


def test_next_start_is_null_once_every_date_has_ended(client, site_tree):
    series = EventPageFactory(
        parent=site_tree.events, start=from_now(days=-14), end=from_now(days=-14, hours=2)
    )
    EventDateFactory(event=series, start=from_now(days=-7), end=from_now(days=-7, hours=2))

    assert only_event(client)["next_start"] is None


def test_the_project_is_a_page_link(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects, title="Datenplattform", slug="datenplattform")
    EventPageFactory(parent=site_tree.events, project=project)

    assert only_event(client)["project"] == {
        "id": project.pk,
        "title": "Datenplattform",
        "url": "http://localhost/projekte/datenplattform/",
        "type": "projects.ProjectPage",
        "detail_url": f"http://localhost/api/v2/pages/{project.pk}/",
    }


def test_an_unpublished_project_is_no_link(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects, live=False)
    EventPageFactory(parent=site_tree.events, project=project)

    assert only_event(client)["project"] is None


def test_the_detail_response_has_the_same_dates_and_project(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects)
    series = EventPageFactory(parent=site_tree.events, project=project, start=from_now(days=-7))
    EventDateFactory(event=series, start=from_now(days=7), note="Zweiter Abend")

    item = only_event(client)
    detail = client.get(f"/api/v2/pages/{series.pk}/").json()

    assert detail["further_dates"] == item["further_dates"]
    assert detail["next_start"] == item["next_start"]
    assert detail["project"] == item["project"]


# Every fact the event's web page shows


def test_the_detail_names_the_organiser_as_the_organisations_directory_does(client, site_tree):
    organiser = OrganisationFactory(name="Digitale Nachbarschaft Wuppertal e. V.", url="https://example.org/")
    event = EventPageFactory(parent=site_tree.events, organiser=organiser)
    EventPageFactory(parent=site_tree.events, organiser=None)

    detail = client.get(f"/api/v2/pages/{event.pk}/").json()
    directory = client.get(f"/api/v2/organisations/{organiser.pk}/").json()

    assert detail["organiser"] == {key: value for key, value in directory.items() if key != "meta"}
    assert detail["organiser"]["name"] == "Digitale Nachbarschaft Wuppertal e. V."
    # Cards do without it, as the website's cards do.
    assert "organiser" not in only_event_named(client, event.title)


def test_an_event_without_organiser_says_null(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, organiser=None)

    assert client.get(f"/api/v2/pages/{event.pk}/").json()["organiser"] is None


@pytest.mark.parametrize(
    ("cost", "is_free"),
    [
        ("kostenfrei", True),
        ("Eintritt frei", True),
        ("0 €", True),
        ("5 €, ermäßigt 3 €", False),
        ("Spende erbeten", None),
        ("", None),
    ],
)
def test_is_free_says_what_the_cost_says(client, site_tree, cost, is_free):
    EventPageFactory(parent=site_tree.events, cost=cost)

    item = only_event(client)

    assert (item["cost"], item["is_free"]) == (cost, is_free)


def only_event_named(client, title):
    response = client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "*", "title": title})
    [item] = response.json()["items"]
    return item
