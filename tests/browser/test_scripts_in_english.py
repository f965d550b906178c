"""The scripts visitors run speak the page's language: their words come translated from the
template's data attributes, and the info screen formats dates for the page's <html lang>.

A demo page is rendered in English here (which addresses serve English is decided elsewhere)
and put into Chromium on the demo server's origin, so the real scripts load from the server
and the info screen's script polls the server's real API.
"""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation
from playwright.sync_api import Page, expect

from alerts.factories import InfoScreenFactory
from alerts.models import InfoScreen
from alerts.views import info_screen
from events.models import EventIndexPage

from . import pages
from .test_info_screens import committed

ALERT_TITLE = "Online-Sprechstunde: neuer Stream-Link"


def english(render) -> str:
    """What `render(request)` answers with English active, as HTML."""
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    request.user = AnonymousUser()

    def work():
        with translation.override("en"):
            response = render(request)
            if hasattr(response, "render"):
                response.render()
            return response.content.decode()

    return committed(work)


def test_the_alerts_hide_button_speaks_english(page: Page):
    html = english(
        lambda request: EventIndexPage.objects.live().get(locale__language_code="de").serve(request)
    )
    page.goto(pages.EVENTS)

    page.set_content(html)

    button = page.get_by_role("button", name=f"Hide notice “{ALERT_TITLE}”")
    expect(button).to_have_text("Hide")
    button.click()
    expect(page.get_by_role("region", name="Current notices")).to_be_hidden()


@pytest.fixture
def events_screen():
    screen = committed(lambda: InfoScreenFactory(show_news=False, show_alerts=False, seconds_per_item=2))
    yield screen
    committed(lambda: InfoScreen.objects.filter(pk=screen.pk).delete())


def test_the_info_screen_script_names_and_dates_events_in_english(page: Page, events_screen):
    html = english(lambda request: info_screen(request, events_screen.slug))
    page.goto(f"/infoscreen/{events_screen.slug}/")
    page.set_content(html)
    # Marks what the server rendered, to tell it from what the script builds from the API.
    page.locator("[data-screen-item-list] > li").evaluate_all(
        "items => items.forEach(i => i.dataset.server = '1')"
    )

    built = page.locator("[data-screen-item-list] > li:not([data-server]):not([hidden]) .screen__kind")

    expect(built).to_have_text(
        re.compile(r"^Event · (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)")
    )
    kind = built.text_content()
    assert re.search(
        r" \d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) ",
        kind,
    )
    assert re.search(r"\b\d\d:\d\d$", kind), "24-hour clock, no 'Uhr'"
