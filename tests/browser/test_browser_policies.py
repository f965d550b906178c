"""Chromium keeps to the browser policies (cms.browser_policies) and everything still works
under them: no page type, no search, no page editor or image upload makes the browser report a
Content-Security-Policy violation or a console error, while sharing, the accordion, the
two-click video and the admin's editor do their jobs.

Every frame records the violations it sees (`securitypolicyviolation` events) in `window`;
`PolicyWatch` reads them from all frames before each navigation and at the end.
"""

import io
import re

import pytest
from django.urls import reverse
from PIL import Image
from playwright.sync_api import Page, expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Site, UploadedFile

from articles.factories import ArticlePageFactory
from articles.models import ArticleIndexPage, ArticlePage
from home.factories import ContentPageFactory

from . import pages
from .test_sharing import share_section

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${location.pathname}: ${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
        + ` (${event.sourceFile || "document"}:${event.lineNumber}) ${event.sample}`
    );
});
"""
PAGE_TYPES = [
    *(pytest.param(path, id=name) for name, path in pages.PAGE_TYPES.items()),
    pytest.param(pages.SEARCH, id="search"),
]
VIDEO_URL = "https://www.youtube.com/watch?v=csp-probe"
PLAYER_URL = "https://www.youtube-nocookie.com/embed/csp-probe"
PLAYER_TEXT = "Player des Anbieters"


class PolicyWatch:
    """The violations and console errors of one browser page, across its navigations."""

    def __init__(self, page: Page):
        self.page = page
        self.violations: list[str] = []
        self.errors: list[str] = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _console(self, message) -> None:
        # The site has no favicon; Chromium asks for one by itself.
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            self.errors.append(f"{message.location.get('url')}: {message.text}")

    def goto(self, path: str):
        self.collect()
        response = self.page.goto(path)
        self.page.wait_for_load_state("networkidle")
        return response

    def collect(self) -> list[str]:
        # Violation events are queued as tasks: let them run before reading.
        self.page.wait_for_timeout(100)
        # This site's frames only: a video player's own policy is its provider's business.
        for frame in self.page.frames:
            if frame.is_detached() or not frame.url.startswith(("http://localhost", "http://127.0.0.1")):
                continue
            self.violations += frame.evaluate("() => (window.__cspViolations || []).splice(0)")
        return self.violations

    def assert_clean(self):
        assert self.collect() == []
        assert self.errors == []


@pytest.fixture
def watch(page) -> PolicyWatch:
    return PolicyWatch(page)


@pytest.fixture
def editor_watch(editor_page) -> PolicyWatch:
    return PolicyWatch(editor_page)


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_page_type_makes_the_browser_report_a_violation(watch, path):
    response = watch.goto(path)

    assert response.status == 200
    assert response.headers["content-security-policy"]
    watch.assert_clean()


def test_the_structured_data_is_no_script_the_policy_blocks(watch):
    watch.goto(pages.SEED_ARTICLE)

    # JSON-LD is a data block: the policy for scripts does not apply to it.
    assert watch.page.locator("script[type='application/ld+json']").count() == 1
    watch.assert_clean()


def test_the_not_found_page_reports_no_violation(watch):
    response = watch.goto(pages.MISSING)

    assert response.status == 404
    assert watch.collect() == []
    # The one console message is Chromium's note on the 404 status itself.
    assert [error for error in watch.errors if "404" not in error] == []


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_signed_in_editors_get_the_user_bar_without_a_violation(editor_watch, path):
    editor_watch.goto(path)

    expect(editor_watch.page.locator("wagtail-userbar, [data-wagtail-userbar]").first).to_be_attached()
    editor_watch.assert_clean()


def test_copying_the_link_works_under_the_policy(new_context, demo_server):
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_server.url)
    watch = PolicyWatch(context.new_page())
    watch.goto(pages.SEED_ARTICLE)
    share = share_section(watch.page)

    share.get_by_role("button", name="Link kopieren").click()

    expect(share.get_by_role("status")).to_contain_text("kopiert")
    assert watch.page.evaluate("navigator.clipboard.readText()") == demo_server.url + pages.SEED_ARTICLE
    watch.assert_clean()


def test_the_accordion_opens_under_the_policy(watch):
    watch.goto(pages.SEED_ARTICLE)
    notes = watch.page.locator("section", has=watch.page.get_by_role("heading", name=pages.NOTES_HEADING))
    details = notes.locator("details").first

    details.locator("summary").click()

    expect(details).to_have_attribute("open", "")
    expect(details.locator(".rich-text")).to_be_visible()
    watch.assert_clean()


@pytest.fixture(scope="module")
def page_with_video(demo_server, django_db_blocker):
    """A page with a YouTube video, committed for the live server while this module runs; a
    stored embed stands in for YouTube's oEmbed answer."""
    with django_db_blocker.unblock():
        embed = Embed.objects.create(
            hash=get_embed_hash(VIDEO_URL),
            url=VIDEO_URL,
            max_width=None,
            type="video",
            html=f'<iframe src="{PLAYER_URL}" width="640" height="360"></iframe>',
            provider_name="YouTube",
        )
        page = ContentPageFactory(
            parent=Site.objects.get(is_default_site=True).root_page,
            title="Video mit Einwilligung",
            body=[("video", {"video": VIDEO_URL, "title": "Rundgang", "transcript": ""})],
        )
    yield page
    with django_db_blocker.unblock():
        page.delete()
        embed.delete()


def test_the_two_click_video_loads_the_player_the_policy_allows(watch, page_with_video):
    # This machine reaches no video platform: the player's address answers from here.
    watch.page.route(
        f"{PLAYER_URL}**",
        lambda route: route.fulfill(
            content_type="text/html", body=f"<!DOCTYPE html><title>Player</title>{PLAYER_TEXT}"
        ),
    )
    watch.goto(page_with_video.url)
    expect(watch.page.locator("iframe")).to_have_count(0)

    watch.page.get_by_role("button", name="Video „Rundgang“ laden").click()

    player = watch.page.frame_locator("iframe[title='Rundgang']")
    expect(player.locator("body")).to_have_text(PLAYER_TEXT)
    watch.assert_clean()


def test_a_frame_from_another_host_is_reported(watch, page_with_video):
    """The watch sees what the policy blocks: a player from a host the video block does not
    support is refused and reported."""
    watch.goto(page_with_video.url)

    watch.page.evaluate(
        """() => {
            const frame = document.createElement("iframe");
            frame.src = "https://player.example.org/video/1";
            document.body.append(frame);
        }"""
    )

    watch.page.wait_for_function("() => window.__cspViolations.length > 0")
    [violation] = watch.collect()
    # Cross-origin, the report names the blocked frame's origin only.
    assert "frame-src blocked https://player.example.org" in violation


@pytest.fixture(scope="module")
def draft_article(demo_server, django_db_blocker):
    """A draft news item with one paragraph and no image, committed while this module runs."""
    with django_db_blocker.unblock():
        article = ArticlePageFactory(
            parent=ArticleIndexPage.objects.get(locale__language_code="de"),
            title="Entwurf unter der Richtlinie",
            live=False,
            hero_image=None,
            body=[("paragraph", "<p>Erster Absatz.</p>")],
        )
    yield article
    with django_db_blocker.unblock():
        article.delete()


def test_the_page_editor_works_under_the_admins_policy(editor_watch, draft_article):
    page = editor_watch.page
    editor_watch.goto(reverse("wagtailadmin_pages:edit", args=[draft_article.pk]))

    text = page.locator(".Draftail-Editor [contenteditable='true']").first
    text.click()
    page.keyboard.press("End")
    page.keyboard.type(" Unter der Richtlinie geschrieben.")
    expect(text).to_contain_text("Unter der Richtlinie geschrieben.")

    page.locator("#id_hero_image-chooser").get_by_role("button", name=re.compile("Bild")).first.click()
    dialog = page.locator(".modal-dialog")
    dialog.locator("a[data-chooser-modal-choice]").first.click()
    expect(dialog).to_be_hidden()
    expect(page.locator("#id_hero_image-title")).not_to_be_empty()

    page.locator("[data-side-panel-toggle='preview']").click()
    # Wagtail swaps in a new frame once the preview has loaded; the one shown keeps this id.
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Entwurf unter der Richtlinie")

    with page.expect_navigation():
        page.get_by_role("button", name="Entwurf speichern").first.click()
    expect(page.locator(".messages")).to_contain_text("wurde aktualisiert")
    saved = ArticlePage.objects.get(pk=draft_article.pk).latest_revision.as_object()
    assert "Unter der Richtlinie geschrieben." in saved.body[0].value.source
    assert saved.hero_image is not None
    editor_watch.assert_clean()


ADMIN_VIEWS = [
    pytest.param("wagtailadmin_home", None, id="dashboard"),
    pytest.param("wagtailadmin_explore", "home", id="page-explorer"),
    pytest.param("wagtailadmin_pages:add", "article-form", id="page-add-form"),
    pytest.param("wagtailimages:index", None, id="images"),
    pytest.param("wagtailimages:edit", "image", id="image-edit-with-focal-point"),
    pytest.param("wagtaildocs:add_multiple", None, id="document-upload"),
    pytest.param("wagtailsnippets_events_venue:add", None, id="venue-form"),
    pytest.param("wagtailadmin_reports:site_history", None, id="site-history"),
    pytest.param("wagtailadmin_account", None, id="account"),
    pytest.param("two_factor_manage", None, id="two-factor-settings"),
    pytest.param("two_factor_setup", None, id="two-factor-setup-with-qr-code"),
    pytest.param("signin_attempts:index", None, id="failed-sign-ins"),
]


@pytest.mark.parametrize(("view", "argument"), ADMIN_VIEWS)
def test_the_admins_other_views_report_no_violation(editor_watch, view, argument):
    home = Site.objects.get(is_default_site=True).root_page
    args = {
        None: [],
        "home": [home.pk],
        "article-form": [
            "articles",
            "articlepage",
            ArticleIndexPage.objects.get(locale__language_code="de").pk,
        ],
        "image": [get_image_model().objects.order_by("pk").first().pk],
    }[argument]

    response = editor_watch.goto(reverse(view, args=args))

    assert response.status == 200
    editor_watch.assert_clean()


@pytest.fixture
def images_uploaded_by_the_browser_removed(demo_server, django_db_blocker):
    """What the upload commits (the image, or the upload waiting for its form) is deleted after the test."""
    managers = [get_image_model().objects, UploadedFile.objects]
    with django_db_blocker.unblock():
        before = [list(manager.values_list("pk", flat=True)) for manager in managers]
    yield
    with django_db_blocker.unblock():
        for manager, pks in zip(managers, before, strict=True):
            for upload in manager.exclude(pk__in=pks):
                upload.delete()


def png(width=40, height=30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def test_the_multiple_image_upload_works_under_the_admins_policy(
    editor_watch, images_uploaded_by_the_browser_removed
):
    page = editor_watch.page
    editor_watch.goto(reverse("wagtailimages:add_multiple"))

    page.locator("#fileupload").set_input_files(
        files=[{"name": "richtlinie.png", "mimeType": "image/png", "buffer": png()}]
    )

    # The list item carries all of its messages from the start; its class says which applies.
    upload = page.locator("#upload-list > li.upload-success")
    expect(upload).to_have_count(1)
    # The image waits for its alt text (media.forms), given in the form the upload added.
    upload.locator("input[name$='-description']").fill("Türkisfarbene Fläche")
    upload.locator("form [type='submit']").first.click()
    expect(upload).to_have_count(0)
    assert get_image_model().objects.filter(description="Türkisfarbene Fläche").count() == 1
    editor_watch.assert_clean()


def test_the_api_docs_page_renders_with_only_redocs_logo_blocked(watch):
    watch.goto("/api/v2/docs/")

    expect(watch.page.get_by_role("heading", level=1)).to_be_visible()
    # Redoc's sidebar asks Redocly's CDN for a logo, which the docs page keeps out on purpose.
    assert [violation for violation in watch.collect() if "cdn.redoc.ly" not in violation] == []
