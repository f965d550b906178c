"""The info screens in Chromium at their real sizes: axe finds nothing wrong, the items turn,
a newly published alert appears within one polling interval, an API outage leaves the content
standing, and nothing breaks the site's Content-Security-Policy."""

import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.db import connections
from playwright.sync_api import Page, expect

from alerts.factories import AlertFactory
from alerts.models import Alert, InfoScreen, Orientation
from alerts.views import screen_items
from projects.models import ProjectPage

from .test_accessibility import AXE_OPTIONS, describe
from .test_browser_policies import PolicyWatch

SIZES = {Orientation.LANDSCAPE: (1920, 1080), Orientation.PORTRAIT: (1080, 1920)}
FAST_SECONDS = 2
ORIENTATIONS = [
    pytest.param(Orientation.LANDSCAPE, id="landscape"),
    pytest.param(Orientation.PORTRAIT, id="portrait"),
]


def committed(work):
    """Runs database work on a thread of its own: its connection is outside the test's
    transaction, so the live server's threads see the result."""
    result = {}

    def run():
        try:
            result["value"] = work()
        finally:
            # The thread's own connection, closed so the test database can be dropped at the end.
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return result.get("value")


@pytest.fixture
def fast_screens(demo_server):
    """A screen per format that turns (and polls) every two seconds, removed afterwards."""

    def create():
        return {
            orientation: InfoScreen.objects.create(
                name=f"Test {orientation}",
                slug=f"test-{orientation}",
                orientation=orientation,
                seconds_per_item=FAST_SECONDS,
            )
            for orientation in SIZES
        }

    screens = committed(create)
    yield screens
    committed(lambda: InfoScreen.objects.filter(pk__in=[s.pk for s in screens.values()]).delete())


def open_screen(new_context, orientation, slug) -> PolicyWatch:
    width, height = SIZES[orientation]
    watch = PolicyWatch(new_context(viewport={"width": width, "height": height}).new_page())
    watch.goto(f"/infoscreen/{slug}/")
    return watch


def shown_title(page: Page):
    return page.locator(".screen__item:not([hidden]) .screen__title")


@pytest.mark.parametrize("slug", ["rathaus-foyer", "stele-doeppersberg"])
def test_the_demo_screens_have_no_wcag_violations(new_context, slug):
    orientation = committed(lambda: InfoScreen.objects.get(slug=slug).orientation)
    watch = open_screen(new_context, orientation, slug)

    results = Axe().run(watch.page, options=AXE_OPTIONS)

    assert results.violations_count == 0, describe(results.response["violations"])
    watch.assert_clean()


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_the_items_turn(new_context, fast_screens, orientation):
    screen = fast_screens[orientation]
    titles = [item["title"] for item in committed(lambda: screen_items(screen))]
    assert len(titles) > 1
    watch = open_screen(new_context, orientation, screen.slug)
    expect(shown_title(watch.page)).to_have_text(titles[0])

    expect(shown_title(watch.page)).to_have_text(titles[1], timeout=FAST_SECONDS * 1000 + 3000)

    expect(watch.page.locator(".screen__item:not([hidden])")).to_have_count(1)
    watch.assert_clean()


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_a_newly_published_alert_appears_within_one_polling_interval(new_context, fast_screens, orientation):
    screen = fast_screens[orientation]
    watch = open_screen(new_context, orientation, screen.slug)
    alerts = watch.page.locator("[data-screen-alerts]")
    expect(alerts).to_be_hidden()

    alert = committed(lambda: AlertFactory(title="Sturmwarnung", text="Der Wochenmarkt fällt heute aus."))
    try:
        expect(alerts.get_by_role("heading", name="Sturmwarnung")).to_be_visible(
            timeout=FAST_SECONDS * 1000 + 2000
        )
        expect(alerts).to_contain_text("Der Wochenmarkt fällt heute aus.")
    finally:
        committed(
            lambda: Alert.objects.get(pk=alert.pk).unpublish() or Alert.objects.filter(pk=alert.pk).delete()
        )
    expect(alerts).to_be_hidden(timeout=FAST_SECONDS * 1000 + 2000)
    watch.assert_clean()


@pytest.mark.parametrize("orientation", ORIENTATIONS)
def test_an_api_outage_leaves_the_screen_showing_content(new_context, fast_screens, orientation):
    screen = fast_screens[orientation]
    watch = open_screen(new_context, orientation, screen.slug)
    page = watch.page
    # Let one poll fill the script's cache first, then cut the API off.
    page.wait_for_timeout(FAST_SECONDS * 1000 + 500)
    failed = []
    page.route("**/api/**", lambda route: (failed.append(route.request.url), route.abort()))

    page.wait_for_timeout(FAST_SECONDS * 2000 + 500)

    assert failed, "the screen did not poll during the outage"
    expect(shown_title(page)).to_have_count(1)
    expect(shown_title(page)).not_to_be_empty()
    # The failed requests show as console errors; what counts is that no policy was broken.
    assert watch.collect() == []


def test_a_screen_narrowed_to_a_project_polls_for_that_project_only(new_context, demo_server):
    def create():
        project = ProjectPage.objects.live().filter(article_links__isnull=False).distinct().first()
        return InfoScreen.objects.create(
            name="Test Projekt", slug="test-projekt", project=project, seconds_per_item=FAST_SECONDS
        )

    screen = committed(create)
    try:
        narrowed = [item["title"] for item in committed(lambda: screen_items(screen))]
        everything = [item["title"] for item in committed(lambda: screen_items(InfoScreen(slug="alles")))]
        assert narrowed and len(narrowed) < len(everything)
        watch = open_screen(new_context, Orientation.LANDSCAPE, screen.slug)
        with watch.page.expect_response(lambda response: "/api/v2/pages/" in response.url) as polled:
            pass
        assert f"project={screen.project_id}" in polled.value.url
        watch.page.wait_for_timeout(500)

        # After the poll the screen holds what the server rendered for the project, no more.
        titles = watch.page.locator(".screen__item .screen__title").all_text_contents()
        assert titles == narrowed
        watch.assert_clean()
    finally:
        committed(lambda: InfoScreen.objects.filter(pk=screen.pk).delete())
