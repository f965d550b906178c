"""A series of dates sorts and shows by its next date, not by its first, long-past one."""

import datetime

import pytest
from django.utils import timezone

from events.factories import EventDateFactory, EventPageFactory
from events.models import EventPage
from tests.html import get_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def series_and_single(site_tree):
    now = timezone.now()
    series = EventPageFactory(
        parent=site_tree.events,
        title="Workshopreihe",
        start=now - datetime.timedelta(days=30),
        end=now - datetime.timedelta(days=30) + datetime.timedelta(hours=2),
    )
    next_evening = EventDateFactory(
        event=series, start=now + datetime.timedelta(days=10), end=now + datetime.timedelta(days=10, hours=2)
    )
    single = EventPageFactory(
        parent=site_tree.events,
        title="Bürgerdialog",
        start=now + datetime.timedelta(days=5),
        end=now + datetime.timedelta(days=5, hours=2),
    )
    return series, next_evening, single


def test_upcoming_events_sort_by_their_next_date(series_and_single):
    series, _next_evening, single = series_and_single

    assert list(EventPage.objects.live().upcoming()) == [single, series]


def test_a_series_reports_its_next_date(series_and_single):
    series, next_evening, _single = series_and_single

    assert series.next_date().start == next_evening.start


def test_a_series_that_is_over_reports_its_main_date(site_tree):
    event = EventPageFactory(parent=site_tree.events)  # 7 March 2022, long over

    assert event.next_date().start == event.start


def test_the_card_of_a_series_shows_its_next_date(client, site_tree, series_and_single):
    series, next_evening, _single = series_and_single

    soup = get_html(client, site_tree.events)

    cards = soup.find_all("article", class_="card")
    card = next(card for card in cards if "Workshopreihe" in card.get_text())
    shown = datetime.datetime.fromisoformat(card.find("time")["datetime"])
    assert shown == next_evening.start
