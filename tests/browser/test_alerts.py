"""The alerts banner in Chromium: the demo's alert about an event shows above the events
section, axe finds nothing wrong with it, "Ausblenden" hides it for this browser until a new
revision is published, all under the site's Content-Security-Policy, and without JavaScript
it stays visible."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from . import pages
from .test_accessibility import AXE_OPTIONS, describe
from .test_browser_policies import PolicyWatch

ALERT_TITLE = "Online-Sprechstunde: neuer Stream-Link"


def banner(page: Page):
    return page.get_by_role("region", name="Aktuelle Hinweise")


@pytest.fixture
def watch(page) -> PolicyWatch:
    return PolicyWatch(page)


def test_the_banner_with_an_alert_has_no_wcag_violations(page: Page):
    page.goto(pages.EVENTS)
    expect(banner(page).get_by_role("heading", name=ALERT_TITLE)).to_be_visible()

    results = Axe().run(page, options=AXE_OPTIONS)

    assert results.violations_count == 0, describe(results.response["violations"])


def test_hiding_an_alert_keeps_it_hidden_on_the_next_pages(watch: PolicyWatch):
    page = watch.page
    watch.goto(pages.EVENTS)
    expect(banner(page)).to_contain_text("Warnung")

    page.get_by_role("button", name=f"Hinweis „{ALERT_TITLE}“ ausblenden").click()

    expect(banner(page)).to_be_hidden()
    # The focus goes on to the content, not back to the top of the page.
    expect(page.locator("#main")).to_be_focused()
    for path in (pages.KICKOFF_EVENT, pages.EVENTS):
        watch.goto(path)
        # In the HTML (Varnish serves everyone the same page), hidden by the script.
        expect(page.locator("[data-alert-key]")).to_have_count(1)
        expect(page.locator(".alerts")).to_be_hidden()
    watch.assert_clean()


def test_an_alert_hidden_in_an_earlier_revision_shows_again(page: Page):
    page.goto(pages.EVENTS)
    key = page.locator("[data-alert-key]").get_attribute("data-alert-key")
    alert_id, revision_id = key.split("-")
    page.evaluate(f"localStorage.setItem('hinweis-ausgeblendet:{alert_id}-{int(revision_id) - 1}', '1')")

    page.reload()

    expect(banner(page).get_by_role("heading", name=ALERT_TITLE)).to_be_visible()


def test_without_javascript_the_alert_stays_visible_without_a_button(new_context):
    page = new_context(java_script_enabled=False).new_page()

    page.goto(pages.EVENTS)

    expect(banner(page).get_by_role("heading", name=ALERT_TITLE)).to_be_visible()
    expect(banner(page).get_by_role("button")).to_have_count(0)


def test_pages_outside_the_alerts_section_show_no_banner(page: Page):
    page.goto(pages.ARTICLES)

    expect(banner(page)).to_have_count(0)
