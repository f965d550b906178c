"""Browser tests: the demo site in headless Chromium, driven by Playwright.

The demo content is loaded once per session and committed, so that the live server's
request threads can read it, onto the database as the migrations left it. When the
session ends the database is put back in that state (Django's serialized-rollback tools),
so a reused test database never carries the demo site into the next run.

Tests of the admin use `editor_page`, signed in as a member of "Freigabe" who, like the
demo site, is committed for the live server and removed at the end.

Playwright never downloads a browser here: it drives Debian's `chromium` package (or
the executable in CHROMIUM_PATH). Without one, every test in this folder is skipped.
"""

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, connections
from django.test import override_settings
from playwright.sync_api import Page, expect, sync_playwright
from pytest_django.live_server_helper import LiveServer
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page as WagtailPage
from wagtail.models import Site

from core.editorial.setup import APPROVERS
from demo.accessibility import DGS_EXAMPLE_VIDEO
from tests.database import restore_database

BROWSER_TESTS_DIR = Path(__file__).parent
SCREENSHOT_DIR = Path(settings.VAR_DIR) / "screenshots"
EDITOR_USERNAME = "browser-freigabe"
EDITOR_PASSWORD = "im-browser-angemeldet"
NO_CHROMIUM = (
    "Chromium not found: install Debian's chromium package (apt-get install chromium) "
    "to run the browser tests"
)
# The machine's closed network refuses Chromium's background connections (updates, sync,
# QUIC probes); without these switches the browser waits on them.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    candidate = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if candidate and os.access(candidate, os.X_OK):
        return candidate
    return None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    browser_tests = [item for item in items if item.path.is_relative_to(BROWSER_TESTS_DIR)]
    if not browser_tests:
        return
    if not find_chromium():
        for item in browser_tests:
            item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))
        return
    # The marker makes pytest-django create the test database even when only browser
    # tests run. The demo site is committed, so the browser tests go last: no test that
    # expects the bare database may run after them.
    for item in browser_tests:
        item.add_marker(pytest.mark.django_db)
    others = [item for item in items if not item.path.is_relative_to(BROWSER_TESTS_DIR)]
    items[:] = [*others, *browser_tests]


@pytest.fixture(scope="session")
def browser_media_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser-media")


@pytest.fixture(autouse=True)
def _media_root(settings, browser_media_root):
    """Replaces the conftest fixture: the demo images must stay servable for the whole session."""
    settings.MEDIA_ROOT = browser_media_root


def store_demo_video_embed() -> None:
    """The demo's one video (on the page "Gebärdensprache") as YouTube's oEmbed answer would
    give it: this machine reaches no video platform, and without the answer the page shows
    only the link, and the admin refuses to save the video block."""
    Embed.objects.create(
        hash=get_embed_hash(DGS_EXAMPLE_VIDEO),
        url=DGS_EXAMPLE_VIDEO,
        max_width=None,
        type="video",
        html=(
            '<iframe src="https://www.youtube-nocookie.com/embed/oZNxrglfbYg" width="640" height="360">'
            "</iframe>"
        ),
        provider_name="YouTube",
        width=640,
        height=360,
    )


@pytest.fixture(scope="session")
def demo_server(django_db_setup, django_db_blocker, browser_media_root) -> Iterator[LiveServer]:
    """A live server on the demo site; its uploads and generated images are served too."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=browser_media_root):
        # Tests that commit (transactional_db) run before these and end with a flushed
        # database; Django kept the migrated state for their serialized rollback.
        pristine = getattr(connection, "_test_serialized_contents", None)
        if pristine:
            restore_database(pristine)
        else:
            pristine = connection.creation.serialize_db_to_string()
        try:
            call_command("load_demo_content", stdout=io.StringIO())
            store_demo_video_embed()
            server = LiveServer("localhost")
            try:
                # Full URLs (canonical, share links) must point at this server, not at port 80.
                site = Site.objects.filter(is_default_site=True)
                site.update(hostname="localhost", port=server.thread.port)
                cache.clear()
                yield server
            finally:
                server.stop()
        finally:
            restore_database(pristine)


@pytest.fixture(scope="session")
def playwright(demo_server):
    """Playwright's sync API keeps an event loop running in the main thread, so Django
    would take the test code for async code and refuse its database calls. The database
    work of the demo site is done before Playwright starts and undone after it stops;
    in between the check is lifted for the per-test transaction pytest-django opens."""
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield playwright
        # While the loop runs, Django keeps this thread's connections apart from its usual
        # ones; closed here, they do not keep the test database from being dropped.
        connections.close_all()


@pytest.fixture(scope="session")
def browser(playwright):
    browser = playwright.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser, demo_server):
    """Opens browser contexts (fresh cookies, storage and permissions) and closes them after the test."""
    contexts = []

    def open_context(**options):
        context = browser.new_context(base_url=demo_server.url, locale="de-DE", **options)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR


@pytest.fixture(scope="session")
def editor_account(demo_server, django_db_blocker):
    """A member of "Freigabe" (core.editorial.setup), committed like the demo site so that the live
    server's threads know them; the demo site's clean-up removes them again."""
    with django_db_blocker.unblock():
        editor = get_user_model().objects.create_user(EDITOR_USERNAME, password=EDITOR_PASSWORD)
        editor.groups.add(Group.objects.get(name=APPROVERS))
    return editor


@pytest.fixture(scope="session")
def editor_session(browser, demo_server, editor_account) -> dict:
    """The cookies of that editor, signed in once through the admin's login form."""
    context = browser.new_context(base_url=demo_server.url, locale="de-DE")
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("#id_username").fill(EDITOR_USERNAME)
    page.locator("#id_password").fill(EDITOR_PASSWORD)
    page.get_by_role("button", name="Anmelden").click()
    expect(page).to_have_url(f"{demo_server.url}/admin/")
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture
def editor_page(new_context, editor_session) -> Page:
    """A browser page signed in to the admin as the "Freigabe" editor."""
    return new_context(storage_state=editor_session).new_page()


@pytest.fixture(scope="module")
def pages_saved_by_the_browser_removed(demo_server, django_db_blocker):
    """What the browser saves in the admin is committed: after the module's tests the pages
    they added are deleted, so the tests after them find the demo site as it was."""
    with django_db_blocker.unblock():
        demo_pages = list(WagtailPage.objects.values_list("pk", flat=True))
    yield
    with django_db_blocker.unblock():
        WagtailPage.objects.exclude(pk__in=demo_pages).delete()
