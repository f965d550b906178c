"""The example client in examples/app/ works from another origin: it is the app
developers' documentation, and the proof that CORS lets a browser app read the API."""

import functools
import json
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from wagtail.models import Locale

from articles.models import ArticlePage

from .test_accessibility import AXE_OPTIONS, describe

EXAMPLE_APP_DIR = Path(__file__).resolve().parents[2] / "examples" / "app"
SEED_ARTICLE_TITLE = "07.03.: Live-Auftakt von smart.wuppertal"
REVIEW_ARTICLE_TITLE = "Rückblick: So startete smart.wuppertal"
CANCELLED_EVENT_TITLE = "Stadtspaziergang zu den Klimasensoren"
# The seed article's English translation (demo/english.py).
ENGLISH_SEED_ARTICLE_TITLE = "7 March: live kickoff of smart.wuppertal"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def app_origin():
    """examples/app served as plain static files on 127.0.0.1, a different origin from
    the CMS on localhost, as an app's own web server would."""
    handler = functools.partial(QuietHandler, directory=EXAMPLE_APP_DIR)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def app_url(app_origin, demo_server, settings):
    settings.CORS_ALLOWED_ORIGINS = [app_origin]
    return f"{app_origin}/index.html?api={demo_server.url}/api/v2/"


# An API answer as a compromised server or a proxy could send it: every payload would set
# `window.hacked` or open a dialog if it ran.
RUN = "window.hacked = true; alert('xss')"
HOSTILE_HTML = (
    f'<p>Vorher <img src="x" onerror="{RUN}"><a href="javascript:{RUN}">Skriptlink</a> '
    f'<a href="  java\tscript:{RUN}">Getarnter Link</a> '
    f'<a href="data:text/html,&lt;script&gt;{RUN}&lt;/script&gt;">Datenlink</a> '
    f"<script>{RUN}</script>"
    f'<svg><image href="x" onerror="{RUN}"/></svg>'
    f'<iframe src="javascript:{RUN}"></iframe>'
    f'<iframe srcdoc="&lt;script&gt;parent.hacked = true&lt;/script&gt;"></iframe>'
    f'<details open ontoggle="{RUN}"><summary>Mehr</summary></details>'
    f'<form action="javascript:{RUN}"><button>Formular</button></form>'
    f'<b onmouseover="{RUN}" style="background:url(javascript:{RUN})">fett</b> '
    f'<a href="https://www.wuppertal.de/" onclick="{RUN}">Stadtportal</a> nachher</p>'
)
HOSTILE_ARTICLE = {
    "id": 1,
    "type": "articles.ArticlePage",
    "title": "Feindliche Antwort",
    "meta": {"type": "articles.ArticlePage"},
    "body": [
        {"type": "paragraph", "id": "a", "value": HOSTILE_HTML},
        {
            "type": "accordion",
            "id": "b",
            "value": {"title": "Hinweise", "items": [{"title": "Mehr", "body": HOSTILE_HTML}]},
        },
        {
            "type": "video",
            "id": "c",
            "value": {"url": f"javascript:{RUN}", "title": "Video", "transcript": "", "embed": None},
        },
        {
            "type": "link_list",
            "id": "d",
            "value": {
                "title": "Links",
                "links": [{"text": "Listenlink", "url": f"javascript:{RUN}", "new_tab": False, "page": None}],
            },
        },
        {
            "type": "call_to_action",
            "id": "e",
            "value": {
                "title": "Mitmachen",
                "text": f'<img src=x onerror="{RUN}">',
                "link": {"text": "Knopf", "url": f"vbscript:{RUN}", "new_tab": False, "page": None},
            },
        },
        {"type": "image", "id": "f", "value": {"image": None, "caption": f'<img src=x onerror="{RUN}">'}},
    ],
}
FAKE_API = "http://api.example.invalid/api/v2/"
# Whatever in the rendered article could still run: event handlers, script and data addresses
# (as a browser reads them, without control characters and spaces), script containers.
SCRIPT_LEFTOVERS = r"""article => [...article.querySelectorAll("*")].flatMap((element) => {
    const URL_ATTRIBUTES = ["href", "src", "action", "formaction"];
    const CONTAINERS = ["script", "iframe", "svg", "form", "object", "embed"];
    const found = [];
    for (const { name, value } of element.attributes) {
        const address = value.replace(/[\x00-\x20]/g, "");
        if (name.startsWith("on") || ["srcdoc", "style"].includes(name)) {
            found.push(`${element.localName} ${name}`);
        } else if (URL_ATTRIBUTES.includes(name) && /^(javascript|vbscript|data):/i.test(address)) {
            found.push(`${element.localName} ${name}=${value}`);
        }
    }
    if (CONTAINERS.includes(element.localName)) found.push(element.localName);
    return found;
})"""


@pytest.fixture
def hostile_api(page: Page):
    """Answers the app's requests to FAKE_API with HOSTILE_ARTICLE, as a server anywhere could."""

    def answer(route):
        found = route.request.url.startswith(f"{FAKE_API}pages/1/")
        route.fulfill(
            status=200 if found else 404,
            content_type="application/json",
            headers={"Access-Control-Allow-Origin": "*"},
            body=json.dumps(HOSTILE_ARTICLE if found else {"message": "Nicht gefunden"}),
        )

    page.route(f"{FAKE_API}**", answer)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    return dialogs


@pytest.mark.parametrize("sanitizer", ["Sanitizer API", "fallback"])
def test_the_app_runs_no_script_from_an_api_answer(page: Page, app_origin, hostile_api, sanitizer):
    if sanitizer == "fallback":
        # A browser without the Sanitizer API.
        page.add_init_script("delete Element.prototype.setHTML")
    page.goto(f"{app_origin}/index.html?api={FAKE_API}#artikel/1")
    if sanitizer == "Sanitizer API" and not page.evaluate("typeof Element.prototype.setHTML === 'function'"):
        pytest.skip("this Chromium has no Sanitizer API (Element.setHTML)")

    article = page.locator("#article")
    expect(article.get_by_role("heading", level=1)).to_have_text("Feindliche Antwort")
    for text in ["Skriptlink", "Getarnter Link", "Datenlink", "Listenlink", "Knopf", "Video: Video"]:
        target = article.get_by_text(text, exact=True).first
        target.click()
        target.hover()
    article.get_by_text("fett").first.hover()
    page.wait_for_timeout(500)

    assert page.evaluate("window.hacked") is None
    assert hostile_api == []
    leftovers = article.evaluate(SCRIPT_LEFTOVERS)
    assert leftovers == []
    # What the editor's features make stays.
    expect(article.get_by_role("link", name="Stadtportal").first).to_have_attribute(
        "href", "https://www.wuppertal.de/"
    )
    expect(article.locator("b", has_text="fett").first).to_be_visible()
    # Plain text fields are text: the caption's markup shows as written.
    expect(article.locator("figcaption").first).to_contain_text("<img src=x onerror=")


def test_the_app_shows_news_and_upcoming_events_from_another_origin(page: Page, app_url):
    page.goto(app_url)

    news = page.locator("#news > li")
    # The first list request renders the card renditions of every demo image.
    expect(news.first).to_be_visible(timeout=30_000)
    expect(page.get_by_role("link", name=SEED_ARTICLE_TITLE)).to_be_visible()
    expect(page.locator("#events > li").first).to_contain_text("Uhr")
    expect(page.locator("#status")).to_be_empty()
    # Card images load from the CMS's renditions.
    first_image = news.first.locator("img")
    expect(first_image).to_have_js_property("complete", True)
    assert first_image.evaluate("img => img.naturalWidth") > 0


def test_the_app_shows_an_article_with_its_blocks_and_credits(page: Page, app_url):
    page.goto(app_url)

    page.get_by_role("link", name=SEED_ARTICLE_TITLE).click()

    article = page.locator("#article")
    expect(article.get_by_role("heading", level=1)).to_have_text(SEED_ARTICLE_TITLE)
    # The seed article's first body paragraph, rendered from its typed block.
    expect(article.locator("p b")).to_have_text("Bitte vormerken:")
    expect(article.locator(".credits")).to_contain_text("Bildnachweise")
    expect(page).to_have_title(f"{SEED_ARTICLE_TITLE} – Smart City")


def test_an_article_shows_no_empty_parts_as_text(page: Page, app_url):
    page.goto(app_url)

    page.get_by_role("link", name=SEED_ARTICLE_TITLE).click()

    article = page.locator("#article")
    expect(article.get_by_role("heading", level=1)).to_have_text(SEED_ARTICLE_TITLE)
    assert "null" not in article.inner_text()
    assert "undefined" not in article.inner_text()


def test_a_cancelled_event_is_marked_as_on_the_website(page: Page, app_url):
    page.goto(app_url)

    walk = page.locator("#events > li", has_text=CANCELLED_EVENT_TITLE)

    expect(walk).to_contain_text(f"Abgesagt: {CANCELLED_EVENT_TITLE}")
    expect(page.locator("#events > li", has_text="Abgesagt")).to_have_count(1)


def test_a_link_to_a_section_in_an_article_opens_inside_the_app(page: Page, app_url, db):
    review = ArticlePage.objects.get(title=REVIEW_ARTICLE_TITLE)
    page.goto(f"{app_url}#artikel/{review.pk}")
    expect(page.locator("#article h1")).to_have_text(REVIEW_ARTICLE_TITLE)

    page.locator("#article").get_by_role("link", name="Veranstaltungen", exact=True).first.click()

    expect(page).to_have_url(re.compile(r"#veranstaltungen$"))
    expect(page.locator("#overview")).to_be_visible()
    expect(page.locator("#events > li").first).to_be_visible()


def test_a_browser_app_revalidates_with_the_etag_it_may_read(page: Page, app_url, demo_server):
    page.goto(app_url)
    expect(page.locator("#news > li").first).to_be_visible(timeout=30_000)

    statuses = page.evaluate(
        """async (api) => {
            const url = api + "pages/?type=articles.ArticlePage&limit=1";
            const first = await fetch(url, {cache: "no-store"});
            const etag = first.headers.get("ETag");
            const again = await fetch(url, {cache: "no-store", headers: {"If-None-Match": etag}});
            return [first.status, Boolean(etag), Boolean(first.headers.get("Last-Modified")), again.status];
        }""",
        f"{demo_server.url}/api/v2/",
    )

    assert statuses == [200, True, True, 304]


def test_the_app_has_no_wcag_violations(page: Page, app_url):
    page.goto(app_url)
    expect(page.locator("#news > li").first).to_be_visible()

    results = Axe().run(page, options=AXE_OPTIONS)

    assert results.violations_count == 0, describe(results.response["violations"])


def test_switching_to_english_asks_for_english_lists_and_speaks_english(page: Page, app_url):
    page.goto(app_url)
    expect(page.get_by_role("link", name=SEED_ARTICLE_TITLE)).to_be_visible(timeout=30_000)
    list_requests = []
    page.on("request", lambda request: "/api/v2/pages/?" in request.url and list_requests.append(request.url))

    english = page.get_by_role("button", name="English")
    english.press("Enter")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(english).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="Deutsch")).to_have_attribute("aria-pressed", "false")
    expect(english).to_be_focused()
    expect(page).to_have_url(re.compile(r"[?&]lang=en(#|$)"))
    expect(page.get_by_role("link", name=ENGLISH_SEED_ARTICLE_TITLE)).to_be_visible()
    expect(page.get_by_role("link", name=SEED_ARTICLE_TITLE)).to_have_count(0)
    expect(page.get_by_role("heading", level=1)).to_have_text("News")
    expect(page.get_by_role("heading", name="Upcoming events")).to_be_visible()
    # The English demo has only the kickoff event, which is past: the app says so in English.
    expect(page.locator("#events > li")).to_have_text(["No events are announced at the moment."])
    english_card = page.locator("#news > li", has_text=ENGLISH_SEED_ARTICLE_TITLE)
    expect(english_card).to_contain_text("11 February 2022")
    expect(page.get_by_role("group", name="Language")).to_be_visible()
    expect(page).to_have_title("Smart City – example app")
    assert len(list_requests) == 2
    assert all("locale=en" in url for url in list_requests), list_requests

    page.reload()

    expect(page.get_by_role("link", name=ENGLISH_SEED_ARTICLE_TITLE)).to_be_visible()
    expect(page.get_by_role("button", name="English")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_an_open_german_article_switches_to_its_english_translation(page: Page, app_url, db):
    seed = ArticlePage.objects.get(title=SEED_ARTICLE_TITLE)
    english_seed = seed.get_translation(Locale.objects.get(language_code="en"))
    page.goto(app_url)
    page.get_by_role("link", name=SEED_ARTICLE_TITLE).click()
    article = page.locator("#article")
    expect(article.get_by_role("heading", level=1)).to_have_text(SEED_ARTICLE_TITLE)

    page.get_by_role("button", name="English").click()

    expect(article.get_by_role("heading", level=1)).to_have_text(ENGLISH_SEED_ARTICLE_TITLE)
    expect(article.locator("p b")).to_have_text("Please note the date:")
    expect(article.locator(".credits")).to_contain_text("Image credits")
    expect(article.get_by_role("link", name="← Back to the overview")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"[?&]lang=en#artikel/{english_seed.pk}$"))
    expect(page.locator("#status")).to_be_empty()

    page.get_by_role("button", name="Deutsch").click()

    expect(article.get_by_role("heading", level=1)).to_have_text(SEED_ARTICLE_TITLE)
    expect(article.locator(".credits")).to_contain_text("Bildnachweise")
    expect(page).to_have_url(re.compile(rf"\?api=[^#]*#artikel/{seed.pk}$"))
    expect(page.locator("html")).to_have_attribute("lang", "de")


def test_an_article_without_translation_says_so_and_shows_the_list(page: Page, app_url, db):
    review = ArticlePage.objects.get(title=REVIEW_ARTICLE_TITLE)
    page.goto(f"{app_url}#artikel/{review.pk}")
    expect(page.locator("#article h1")).to_have_text(REVIEW_ARTICLE_TITLE)

    page.get_by_role("button", name="English").click()

    expect(page.get_by_role("status")).to_have_text(
        "This article is not available in English. Here is the overview."
    )
    expect(page.locator("#article")).to_be_hidden()
    expect(page.get_by_role("link", name=ENGLISH_SEED_ARTICLE_TITLE)).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]lang=en$"))


def test_the_app_in_english_has_no_wcag_violations(page: Page, app_url):
    page.goto(f"{app_url}&lang=en")
    expect(page.get_by_role("link", name=ENGLISH_SEED_ARTICLE_TITLE)).to_be_visible(timeout=30_000)

    results = Axe().run(page, options=AXE_OPTIONS)

    assert results.violations_count == 0, describe(results.response["violations"])


def test_an_origin_the_cms_does_not_allow_cannot_read_the_api(page: Page, app_origin, demo_server, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]

    page.goto(f"{app_origin}/index.html?api={demo_server.url}/api/v2/")

    expect(page.get_by_role("alert")).to_contain_text("Die Inhalte konnten nicht geladen werden")
    expect(page.locator("#news > li")).to_have_count(0)
