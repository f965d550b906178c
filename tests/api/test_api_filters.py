"""Filters on /api/v2/pages/ that app screens use: upcoming events, news of a category,
projects of a theme, combined with each other and with search."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.params import BIGINT_MAX
from articles.factories import ArticlePageFactory
from articles.models import ArticleProjectLink
from core.factories import CategoryFactory, ThemeFactory
from events.factories import EventDateFactory, EventPageFactory
from projects.factories import ProjectPageFactory
from tests.html import get_html

BERLIN = ZoneInfo("Europe/Berlin")
EVENTS = "events.EventPage"
ARTICLES = "articles.ArticlePage"
PROJECTS = "projects.ProjectPage"


def titles(client, page_type, **params):
    response = client.get("/api/v2/pages/", {"type": page_type, **params})
    assert response.status_code == 200, response.json()
    return [item["title"] for item in response.json()["items"]]


def bad_request_message(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    return response.json()["message"]


def from_now(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def event(site_tree, title, start, end=None, **fields):
    return EventPageFactory(parent=site_tree.events, title=title, start=start, end=end, **fields)


# Events: upcoming and past


@pytest.fixture
def calendar(site_tree):
    event(site_tree, "Gestern", from_now(days=-1, hours=-2), from_now(days=-1))
    event(site_tree, "Letzten Monat", from_now(days=-30, hours=-2), from_now(days=-30))
    event(site_tree, "Nächste Woche", from_now(days=7), from_now(days=7, hours=2))
    event(site_tree, "Läuft gerade", from_now(hours=-1), from_now(hours=1))
    event(site_tree, "Morgen", from_now(days=1), from_now(days=1, hours=2))


def test_upcoming_events_include_running_ones_and_come_soonest_first(client, calendar):
    assert titles(client, EVENTS, upcoming="true") == ["Läuft gerade", "Morgen", "Nächste Woche"]


def test_past_events_come_newest_first(client, calendar):
    assert titles(client, EVENTS, upcoming="false") == ["Gestern", "Letzten Monat"]


def test_an_order_parameter_overrides_the_order_of_upcoming_events(client, calendar):
    assert titles(client, EVENTS, upcoming="true", order="-start") == [
        "Nächste Woche",
        "Morgen",
        "Läuft gerade",
    ]


def test_order_by_start_works_on_all_events(client, calendar):
    assert titles(client, EVENTS, order="start") == [
        "Letzten Monat",
        "Gestern",
        "Läuft gerade",
        "Morgen",
        "Nächste Woche",
    ]


def test_a_series_with_a_further_date_ahead_is_upcoming_and_sorts_by_that_date(client, site_tree):
    series = event(site_tree, "Werkstattreihe", from_now(days=-7), from_now(days=-7, hours=2))
    EventDateFactory(event=series, start=from_now(days=5), end=from_now(days=5, hours=2))
    event(site_tree, "Übermorgen", from_now(days=2), from_now(days=2, hours=2))
    event(site_tree, "In zehn Tagen", from_now(days=10), from_now(days=10, hours=2))

    assert titles(client, EVENTS, upcoming="true") == ["Übermorgen", "Werkstattreihe", "In zehn Tagen"]
    assert "Werkstattreihe" not in titles(client, EVENTS, upcoming="false")


def test_a_series_whose_every_date_has_ended_is_past(client, site_tree):
    series = event(site_tree, "Vorbei", from_now(days=-14), from_now(days=-14, hours=2))
    EventDateFactory(event=series, start=from_now(days=-7), end=from_now(days=-7, hours=2))

    assert titles(client, EVENTS, upcoming="true") == []
    assert titles(client, EVENTS, upcoming="false") == ["Vorbei"]


# Events: date range


@pytest.fixture
def around_midnight(site_tree):
    # 00:30 in Berlin is still the previous day in UTC, so a UTC reading of the dates
    # would move these events to the wrong day.
    for title, day, hour in [
        ("6. März, 23:30", 6, 23),
        ("7. März, 00:30", 7, 0),
        ("7. März, 23:30", 7, 23),
        ("8. März, 00:30", 8, 0),
    ]:
        event(site_tree, title, datetime.datetime(2025, 3, day, hour, 30, tzinfo=BERLIN))


def test_a_date_range_covers_whole_days_in_berlin(client, around_midnight):
    found = titles(client, EVENTS, start_after="2025-03-07", start_before="2025-03-07", order="start")

    assert found == ["7. März, 00:30", "7. März, 23:30"]


def test_start_after_alone_includes_its_whole_day(client, around_midnight):
    found = titles(client, EVENTS, start_after="2025-03-07", order="start")

    assert found == ["7. März, 00:30", "7. März, 23:30", "8. März, 00:30"]


def test_start_before_alone_includes_its_whole_day(client, around_midnight):
    found = titles(client, EVENTS, start_before="2025-03-06", order="start")

    assert found == ["6. März, 23:30"]


def test_a_date_range_takes_times_with_an_offset(client, around_midnight):
    # 23:00 UTC on the 6th is midnight in Berlin.
    found = titles(
        client,
        EVENTS,
        start_after="2025-03-06T23:00:00+00:00",
        start_before="2025-03-07T23:30:00+01:00",
        order="start",
    )

    assert found == ["7. März, 00:30", "7. März, 23:30"]


def test_a_date_range_finds_a_series_by_its_further_dates(client, site_tree):
    series = event(site_tree, "Reihe", datetime.datetime(2025, 2, 1, 18, 0, tzinfo=BERLIN))
    EventDateFactory(event=series, start=datetime.datetime(2025, 3, 7, 18, 0, tzinfo=BERLIN))
    event(site_tree, "Einzeln", datetime.datetime(2025, 2, 1, 18, 0, tzinfo=BERLIN))

    assert titles(client, EVENTS, start_after="2025-03-01", start_before="2025-03-31") == ["Reihe"]


# Events: kind, place and context


def test_events_filter_by_attendance_mode_status_category_and_project(client, site_tree):
    workshop = CategoryFactory(name="Workshop", slug="workshop")
    project = ProjectPageFactory(parent=site_tree.projects, title="Datenplattform")
    event(site_tree, "Online-Workshop", from_now(days=3), attendance_mode="online", category=workshop)
    event(site_tree, "Abgesagt", from_now(days=4), status="cancelled", project=project)
    event(site_tree, "Vor Ort", from_now(days=5))

    assert titles(client, EVENTS, attendance_mode="online") == ["Online-Workshop"]
    assert titles(client, EVENTS, status="cancelled") == ["Abgesagt"]
    assert titles(client, EVENTS, category="workshop") == ["Online-Workshop"]
    assert titles(client, EVENTS, project=str(project.pk)) == ["Abgesagt"]


def test_an_unknown_slug_or_page_id_gives_an_empty_list(client, site_tree):
    event(site_tree, "Irgendwas", from_now(days=3), category=CategoryFactory(slug="workshop"))

    assert titles(client, EVENTS, category="gibt-es-nicht") == []
    assert titles(client, EVENTS, project="999999") == []
    # The largest id the API takes; beyond it is a 400 (test_api_parameters.py).
    assert titles(client, EVENTS, project=str(BIGINT_MAX)) == []


def test_event_filters_combine(client, site_tree):
    workshop = CategoryFactory(name="Workshop", slug="workshop")
    event(site_tree, "Passt", from_now(days=3), attendance_mode="hybrid", category=workshop)
    event(site_tree, "Vorbei", from_now(days=-3), attendance_mode="hybrid", category=workshop)
    event(site_tree, "Andere Kategorie", from_now(days=3), attendance_mode="hybrid")
    event(site_tree, "Nur vor Ort", from_now(days=3), category=workshop)

    found = titles(client, EVENTS, upcoming="true", attendance_mode="hybrid", category="workshop")

    assert found == ["Passt"]


# Articles


@pytest.fixture
def news(site_tree):
    press = CategoryFactory(name="Pressemitteilung", slug="pressemitteilung")
    project = ProjectPageFactory(parent=site_tree.projects, title="Sensornetz")
    kickoff = ArticlePageFactory(
        parent=site_tree.articles, title="Auftakt", date=datetime.date(2022, 2, 11), category=press
    )
    kickoff.tags.add("Beteiligung")
    kickoff.save()
    ArticleProjectLink.objects.create(article=kickoff, project=project)
    ArticlePageFactory(parent=site_tree.articles, title="Zwischenstand", date=datetime.date(2023, 6, 1))
    funding = ArticlePageFactory(
        parent=site_tree.articles, title="Förderzusage", date=datetime.date(2021, 9, 20), category=press
    )
    funding.tags.add("Förderung")
    funding.save()
    return project


def test_articles_come_newest_first_by_default(client, news):
    assert titles(client, ARTICLES) == ["Zwischenstand", "Auftakt", "Förderzusage"]


def test_an_order_parameter_overrides_the_article_order(client, news):
    assert titles(client, ARTICLES, order="title") == ["Auftakt", "Förderzusage", "Zwischenstand"]


def test_articles_filter_by_category_tag_and_project(client, news):
    assert titles(client, ARTICLES, category="pressemitteilung") == ["Auftakt", "Förderzusage"]
    assert titles(client, ARTICLES, tag="förderung") == ["Förderzusage"]
    assert titles(client, ARTICLES, project=str(news.pk)) == ["Auftakt"]


def test_article_dates_filter_including_both_ends(client, news):
    assert titles(client, ARTICLES, date_after="2022-02-11") == ["Zwischenstand", "Auftakt"]
    assert titles(client, ARTICLES, date_before="2022-02-11") == ["Auftakt", "Förderzusage"]
    assert titles(client, ARTICLES, date_after="2022-01-01", date_before="2022-12-31") == ["Auftakt"]


def test_article_filters_combine(client, news):
    found = titles(client, ARTICLES, category="pressemitteilung", date_after="2022-01-01", tag="Beteiligung")

    assert found == ["Auftakt"]


# Projects


def test_projects_filter_by_status_and_theme(client, site_tree):
    mobility = ThemeFactory(name="Mobilität", slug="mobilitaet")
    bus = ProjectPageFactory(parent=site_tree.projects, title="Bus auf Abruf", status="running")
    bus.themes.add(mobility)
    bus.save()
    ProjectPageFactory(parent=site_tree.projects, title="Radverkehr", status="planned")

    assert titles(client, PROJECTS, status="planned") == ["Radverkehr"]
    assert titles(client, PROJECTS, theme="mobilitaet") == ["Bus auf Abruf"]
    assert titles(client, PROJECTS, theme="mobilitaet", status="planned") == []


# Search


def test_search_uses_german_stemming(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Eine Veranstaltung für alle")
    ArticlePageFactory(parent=site_tree.articles, title="Neuer Radweg")

    response = client.get("/api/v2/pages/", {"search": "Veranstaltungen"})

    found = [item["title"] for item in response.json()["items"]]
    assert "Eine Veranstaltung für alle" in found
    assert "Neuer Radweg" not in found


def test_event_filters_combine_with_search(client, site_tree):
    workshop = CategoryFactory(name="Workshop", slug="workshop")
    event(site_tree, "Sensoren selbst bauen", from_now(days=3), category=workshop)
    event(site_tree, "Sensoren im Rückblick", from_now(days=-3), category=workshop)
    event(site_tree, "Sensoren ohne Kategorie", from_now(days=3))
    event(site_tree, "Radtour", from_now(days=3), category=workshop)

    found = titles(client, EVENTS, search="Sensor", upcoming="true", category="workshop")

    assert found == ["Sensoren selbst bauen"]


def test_article_filters_combine_with_search_and_order(client, news):
    found = titles(
        client, ARTICLES, search="Auftakt Förderzusage", search_operator="or", tag="förderung", order="date"
    )

    assert found == ["Förderzusage"]


def test_a_filtered_event_list_costs_the_same_queries_however_long(client, site_tree):
    workshop = CategoryFactory(slug="workshop")

    def queries_for_a_list_of(count):
        for _ in range(count):
            series = EventPageFactory(parent=site_tree.events, start=from_now(days=-7), category=workshop)
            EventDateFactory(event=series, start=from_now(days=7))
        params = {"upcoming": "true", "category": "workshop", "fields": "*"}
        # The first request fills caches (site root paths, content types) once.
        titles(client, EVENTS, **params)
        with CaptureQueriesContext(connection) as captured:
            titles(client, EVENTS, **params)
        return len(captured)

    assert queries_for_a_list_of(1) == queries_for_a_list_of(19)


# Bad input


@pytest.mark.parametrize(
    ("parameter", "page_type", "needed"),
    [
        ("upcoming", None, "type=events.EventPage"),
        ("start_after", ARTICLES, "type=events.EventPage"),
        ("tag", EVENTS, "type=articles.ArticlePage"),
        ("theme", "articles.ArticlePage,projects.ProjectPage", "type=projects.ProjectPage"),
        ("status", ARTICLES, "type=events.EventPage or type=projects.ProjectPage"),
    ],
)
def test_a_filter_without_its_page_type_is_refused(client, site_tree, parameter, page_type, needed):
    params = {parameter: "true"} | ({"type": page_type} if page_type else {})

    message = bad_request_message(client, **params)

    assert parameter in message
    assert needed in message


@pytest.mark.parametrize(
    ("page_type", "parameter", "value", "explanation"),
    [
        (EVENTS, "upcoming", "ja", "true or false"),
        (EVENTS, "upcoming", "", "must not be empty"),
        (EVENTS, "start_after", "07.03.2022", "YYYY-MM-DD"),
        (EVENTS, "start_after", "2022-02-30", "YYYY-MM-DD"),
        (EVENTS, "start_before", "2022-03-07T17:00:00", "with offset"),
        (EVENTS, "start_before", "2022-03-07T17:00:00 01:00", "%2B"),
        (EVENTS, "attendance_mode", "vor-ort", "on_site, online, hybrid"),
        (EVENTS, "status", "abgesagt", "scheduled, cancelled, postponed, rescheduled, moved_online"),
        (EVENTS, "category", "a\x00b", "null characters"),
        (EVENTS, "project", "abc", "page id"),
        (EVENTS, "project", "-1", "page id"),
        (EVENTS, "project", "0", "page id"),
        (ARTICLES, "project", "1.5", "page id"),
        (ARTICLES, "tag", " ", "must not be empty"),
        (ARTICLES, "date_after", "2022-13-01", "YYYY-MM-DD"),
        (ARTICLES, "date_before", "gestern", "YYYY-MM-DD"),
        (ARTICLES, "date_before", "2022-02-11T10:00:00+01:00", "YYYY-MM-DD"),
        (PROJECTS, "status", "laufend", "planned, running, completed"),
        (PROJECTS, "theme", "", "must not be empty"),
    ],
)
def test_a_malformed_filter_value_is_a_bad_request(
    client, site_tree, page_type, parameter, value, explanation
):
    message = bad_request_message(client, type=page_type, **{parameter: value})

    assert message.startswith(parameter)
    assert explanation in message


def test_wagtail_does_not_read_a_category_slug_as_an_id(client, site_tree):
    event(site_tree, "Workshop", from_now(days=3), category=CategoryFactory(slug="workshop"))

    assert titles(client, EVENTS, category="workshop") == ["Workshop"]


@pytest.mark.parametrize(
    ("page_type", "parameter", "value"),
    [
        (EVENTS, "start", "morgen"),
        (EVENTS, "end", "2025-02-30T10:00:00+01:00"),
        (EVENTS, "further_dates", "zwei"),
        (EVENTS, "all_day", "vielleicht"),
        (ARTICLES, "date", "gestern"),
        (PROJECTS, "themes", "mobilitaet"),
        (PROJECTS, "start_date", "2022"),
    ],
)
def test_a_field_filter_value_its_field_cannot_hold_is_a_bad_request(
    client, site_tree, page_type, parameter, value
):
    message = bad_request_message(client, type=page_type, **{parameter: value})

    assert parameter in message


def test_field_filters_still_match_exact_values(client, site_tree):
    event(site_tree, "Ganztägig", datetime.datetime(2025, 3, 7, 0, 0, tzinfo=BERLIN), all_day=True)
    event(site_tree, "Abends", datetime.datetime(2025, 3, 7, 18, 0, tzinfo=BERLIN))

    assert titles(client, EVENTS, all_day="true") == ["Ganztägig"]


@pytest.mark.parametrize(
    ("api_mode", "site_param", "expected"),
    [
        ("online", "online", ["Hybrid", "Online"]),
        ("on_site", "vor-ort", ["Hybrid", "Vor Ort"]),
        ("hybrid", "hybrid", ["Hybrid"]),
    ],
)
def test_attendance_mode_means_what_the_websites_filter_means(
    client, site_tree, api_mode, site_param, expected
):
    event(site_tree, "Online", from_now(days=3), attendance_mode="online")
    event(site_tree, "Hybrid", from_now(days=4), attendance_mode="hybrid")
    event(site_tree, "Vor Ort", from_now(days=5), attendance_mode="on_site")

    from_the_api = sorted(titles(client, EVENTS, attendance_mode=api_mode))
    page = get_html(client, f"{site_tree.events.url}?teilnahme={site_param}")
    on_the_website = sorted(card.h2.get_text(strip=True) for card in page.find_all("article", class_="card"))

    assert from_the_api == on_the_website == expected


# Events: ordered by their next date, and by the date a range matched


def test_all_events_can_be_ordered_by_their_next_date_those_over_last(client, site_tree, calendar):
    series = event(site_tree, "Reihe", from_now(days=-3), from_now(days=-3, hours=2))
    EventDateFactory(event=series, start=from_now(days=3), end=from_now(days=3, hours=2))

    soonest_first = titles(client, EVENTS, order="next_start")
    latest_first = titles(client, EVENTS, order="-next_start")

    assert soonest_first[:4] == ["Läuft gerade", "Morgen", "Reihe", "Nächste Woche"]
    assert latest_first[:4] == ["Nächste Woche", "Reihe", "Morgen", "Läuft gerade"]
    # Events whose every date is over have no next date: last, either way.
    assert set(soonest_first[4:]) == set(latest_first[4:]) == {"Gestern", "Letzten Monat"}


def test_ordering_by_next_date_goes_with_the_filters_and_with_search(client, calendar):
    assert titles(client, EVENTS, upcoming="true", order="-next_start") == [
        "Nächste Woche",
        "Morgen",
        "Läuft gerade",
    ]
    found = titles(client, EVENTS, search="Morgen Woche", search_operator="or", order="-next_start")
    assert found[:2] == ["Nächste Woche", "Morgen"]
    assert "nonsense" in bad_request_message(client, type=EVENTS, order="next_start,nonsense")


def test_a_date_range_lists_events_by_the_date_that_matched_and_names_it(client, site_tree):
    series = event(site_tree, "Reihe", datetime.datetime(2025, 3, 1, 18, tzinfo=BERLIN))
    EventDateFactory(event=series, start=datetime.datetime(2025, 3, 20, 18, tzinfo=BERLIN))
    event(site_tree, "Einzeltermin", datetime.datetime(2025, 3, 10, 18, tzinfo=BERLIN))
    event(site_tree, "Außerhalb", datetime.datetime(2025, 4, 10, 18, tzinfo=BERLIN))

    response = client.get(
        "/api/v2/pages/",
        {"type": EVENTS, "fields": "*", "start_after": "2025-03-05", "start_before": "2025-03-31"},
    )
    items = response.json()["items"]

    assert [(item["title"], item["matched_start"]) for item in items] == [
        ("Einzeltermin", "2025-03-10T18:00:00+01:00"),
        ("Reihe", "2025-03-20T18:00:00+01:00"),
    ]
    # Without a range there is no match to name.
    assert {
        item["matched_start"]
        for item in client.get("/api/v2/pages/", {"type": EVENTS, "fields": "*"}).json()["items"]
    } == {None}
