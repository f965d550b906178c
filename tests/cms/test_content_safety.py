"""No script through content: whatever a crafted admin form or a direct model save stores in
rich text, link blocks, calls to action, link lists, videos, URL fields, alt texts and
captions, neither the website nor the API gives out a `javascript:`, `vbscript:` or `data:`
address, an event handler attribute or a script of its own (content_safety)."""

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from content_safety import WEB_ADDRESS_MESSAGE, safe_url
from core.factories import OrganisationFactory
from events.factories import EventPageFactory, VenueFactory
from events.models import EventPage
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

SCRIPT_URLS = [
    "javascript:alert('xss')",
    "JaVaScRiPt:alert(1)",
    " java\tscript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
]
HOSTILE_TEXT = '"><img src=x onerror=alert(1)><script>alert(2)</script>'
SAFE_LINK = "https://www.wuppertal.de/smart-city"
HOSTILE_RICH_TEXT = (
    "<p>Vorher"
    '<img src="x" onerror="alert(1)">'
    '<a href="javascript:alert(2)">Skriptlink</a>'
    '<a href="vbscript:msgbox(3)">VB-Link</a>'
    '<a href="data:text/html,&lt;script&gt;alert(4)&lt;/script&gt;">Datenlink</a>'
    "<script>alert(5)</script>"
    '<svg onload="alert(6)"><circle r="1"/></svg>'
    '<iframe src="javascript:alert(7)"></iframe>'
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoOCk+" alt="Grafik">'
    '<form action="javascript:alert(9)"><button formaction="javascript:alert(10)">Los</button></form>'
    '<b style="background:url(javascript:alert(11))" onclick="alert(12)">fett</b>'
    f'<a href="{SAFE_LINK}" onmouseover="alert(13)">Stadtportal</a>'
    "nachher</p>"
)
# A heading's level is written as a tag name, where escaping does not help.
HOSTILE_LEVEL = "img src=x onerror=alert(1)"
VIDEO_URL = "https://www.youtube.com/watch?v=auftakt"
HOSTILE_PLAYER = (
    '<iframe src="https://www.youtube-nocookie.com/embed/auftakt" onload="alert(1)" '
    'srcdoc="&lt;script&gt;alert(2)&lt;/script&gt;" width="640" height="360"></iframe>'
    '<iframe src="javascript:alert(3)"></iframe><script>alert(4)</script>'
    '<img src="x" onerror="alert(5)">'
)

SCRIPT_SCHEME = re.compile(r"(javascript|vbscript|data):", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcdoc", "poster", "xlink:href", "background"}


def is_script_url(value: str) -> bool:
    # As a browser reads an address: control characters and spaces do not count.
    return bool(SCRIPT_SCHEME.match(re.sub(r"[\x00-\x20]", "", value)))


def script_vectors(html: str) -> list[str]:
    """Everything in `html` that could run script: event handler attributes, script or data
    addresses, scripts other than the site's own files and JSON-LD, and script containers."""
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on"):
                found.append(f"<{element.name} {name}>")
            if name.lower() in URL_ATTRIBUTES and (is_script_url(value) or name == "srcdoc"):
                found.append(f"<{element.name} {name}={value!r}>")
        if element.name == "script" and not (
            element.get("src", "").startswith("/static/") or element.get("type") == "application/ld+json"
        ):
            found.append(f"<script>{element.string}</script>")
        if element.name in {"svg", "object", "embed", "style", "math"}:
            found.append(f"<{element.name}>")
        if element.name == "iframe" and not element.get("src", "").startswith("https://"):
            found.append(f"<iframe src={element.get('src')!r}>")
    return found


def script_urls_in(data) -> list[str]:
    """Every string of an API answer that is a script or data address."""
    if isinstance(data, dict):
        return [url for value in data.values() for url in script_urls_in(value)]
    if isinstance(data, list):
        return [url for value in data for url in script_urls_in(value)]
    return [data] if isinstance(data, str) and is_script_url(data) else []


def html_values(body) -> list[str]:
    """The values of an API body that are HTML by contract (api.openapi): paragraphs, accordion
    items, video transcripts and players. Everything else is plain text."""
    found = []
    for block in body:
        value = block["value"]
        if block["type"] == "paragraph":
            found.append(value)
        elif block["type"] == "accordion":
            found.extend(item["body"] for item in value["items"])
        elif block["type"] == "video":
            found.append(value["transcript"])
            if value["embed"]:
                found.append(value["embed"]["html"])
    return found


def website(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def api_detail(client, page) -> dict:
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()


def assert_no_script_in_api(client, page) -> dict:
    answer = api_detail(client, page)
    assert script_urls_in(answer) == []
    for html in html_values(answer.get("body", [])):
        assert script_vectors(html) == []
    return answer


@pytest.fixture
def hostile_embed():
    # A stored embed stands in for a provider (or anyone who could write to the embed cache).
    return Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html=HOSTILE_PLAYER,
        provider_name="YouTube",
        title="Auftakt",
        thumbnail_url="javascript:alert(6)",
        width=640,
        height=360,
    )


def link(url, text="Zum Angebot"):
    return {"text": text, "page": None, "url": url, "new_tab": False}


def hostile_body(image=None):
    body = [
        ("heading", {"text": "Abschnitt", "level": HOSTILE_LEVEL}),
        ("paragraph", HOSTILE_RICH_TEXT),
        ("accordion", {"title": "Hinweise", "items": [{"title": "Teilnahme", "body": HOSTILE_RICH_TEXT}]}),
        ("video", {"video": VIDEO_URL, "title": "Auftakt", "transcript": HOSTILE_RICH_TEXT}),
        ("video", {"video": SCRIPT_URLS[0], "title": "Skriptvideo", "transcript": ""}),
        (
            "link_list",
            {"title": "Links", "links": [link(url, f"Link {n}") for n, url in enumerate(SCRIPT_URLS)]},
        ),
        (
            "call_to_action",
            {"title": "Mitmachen", "text": HOSTILE_TEXT, "link": link(SCRIPT_URLS[0], "Jetzt mitmachen")},
        ),
    ]
    if image:
        body.append(("image", {"image": image.pk, "caption": HOSTILE_TEXT}))
        body.append(
            (
                "paragraph",
                f'<p><embed embedtype="image" id="{image.pk}" format="left" alt="{HOSTILE_TEXT}"/></p>',
            )
        )
    return [{"type": kind, "value": value} for kind, value in body]


# Saved directly (a script, a shell, an import): the website


def test_hostile_rich_text_saved_directly_reaches_no_page(client, site_tree, hostile_embed):
    article = ArticlePageFactory(parent=site_tree.articles, body=hostile_body())

    html = website(client, article)

    assert script_vectors(html) == []
    soup = BeautifulSoup(html, "html.parser")
    # What the editor's features make stays: the text, the web link, the bold.
    assert soup.find("a", string="Stadtportal")["href"] == SAFE_LINK
    assert soup.find("b", string="fett") is not None
    assert "Skriptlink" in soup.get_text()


def test_a_heading_with_a_level_that_is_no_choice_is_an_h2(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, body=hostile_body())

    soup = BeautifulSoup(website(client, article), "html.parser")

    assert soup.find("h2", string="Abschnitt") is not None
    assert api_detail(client, article)["body"][0]["value"] == {"text": "Abschnitt", "level": "h2"}


def test_script_addresses_in_link_blocks_leave_their_text_unlinked(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, body=hostile_body())

    soup = BeautifulSoup(website(client, article), "html.parser")

    for text in ["Jetzt mitmachen", *(f"Link {n}" for n in range(len(SCRIPT_URLS)))]:
        element = soup.find(class_="link-block", string=text)
        assert element.name == "span"


def test_a_hostile_video_player_is_cut_down_to_its_https_iframe(client, site_tree, hostile_embed):
    article = ArticlePageFactory(
        parent=site_tree.articles,
        body=[{"type": "video", "value": {"video": VIDEO_URL, "title": "Auftakt", "transcript": ""}}],
    )

    soup = BeautifulSoup(website(client, article), "html.parser")

    player = soup.find("template", attrs={"data-video-player": True})
    [iframe] = player.find_all("iframe")
    assert iframe.attrs == {
        "title": "Auftakt",
        "src": "https://www.youtube-nocookie.com/embed/auftakt",
        "width": "640",
        "height": "360",
    }


def test_alt_texts_and_captions_are_text_on_the_website(client, site_tree):
    image = ImageFactory(description=HOSTILE_TEXT, licence="CC BY 4.0", licence_url=SCRIPT_URLS[0])
    article = ArticlePageFactory(
        parent=site_tree.articles,
        title=f"</script>{HOSTILE_TEXT}",
        hero_image=image,
        body=hostile_body(image),
    )

    html = website(client, article)

    assert script_vectors(html) == []
    soup = BeautifulSoup(html, "html.parser")
    assert HOSTILE_TEXT in soup.find("figure", class_="image-block").figcaption.get_text()
    assert any(img.get("alt") == HOSTILE_TEXT for img in soup.find_all("img"))
    # The JSON-LD keeps the title as data.
    [json_ld] = soup.find_all("script", type="application/ld+json")
    assert json.loads(json_ld.string)["headline"] == f"</script>{HOSTILE_TEXT}"


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_script_addresses_in_url_fields_reach_no_page(client, site_tree, url):
    event = EventPageFactory(
        parent=site_tree.events,
        title="Live-Auftakt",
        attendance_mode=EventPage.AttendanceMode.HYBRID,
        stream_url=url,
        registration=EventPage.Registration.REQUIRED,
        registration_url=url,
        registration_email="anmeldung@example.org",
        venue=VenueFactory(url=url),
        organiser=OrganisationFactory(name="Stadt Wuppertal", url=url),
    )
    project = ProjectPageFactory(
        parent=site_tree.projects, website=url, funding_programme="Smart Cities", funding_programme_url=url
    )

    for page in [event, project]:
        assert script_vectors(website(client, page)) == []
    assert "Stadt Wuppertal" in website(client, event)


def test_a_script_address_written_into_the_database_reads_as_empty(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, stream_url=SAFE_LINK)
    # Past the model altogether, as an SQL import would.
    EventPage.objects.filter(pk=event.pk).update(stream_url=SCRIPT_URLS[0])

    event = EventPage.objects.get(pk=event.pk)

    assert event.stream_url == ""
    assert script_vectors(website(client, event)) == []
    assert api_detail(client, event)["stream_url"] == ""


def test_a_model_keeps_web_addresses_as_they_are(site_tree):
    event = EventPageFactory(parent=site_tree.events, stream_url=SAFE_LINK)

    event.refresh_from_db()

    assert event.stream_url == SAFE_LINK


# Saved directly: the API


def test_hostile_rich_text_saved_directly_reaches_no_api_answer(client, site_tree, hostile_embed):
    image = ImageFactory(description=HOSTILE_TEXT, licence="CC BY 4.0", licence_url=SCRIPT_URLS[0])
    article = ArticlePageFactory(parent=site_tree.articles, hero_image=image, body=hostile_body(image))

    body = assert_no_script_in_api(client, article)["body"]

    paragraph = BeautifulSoup(body[1]["value"], "html.parser")
    assert paragraph.find("a", string="Stadtportal")["href"] == SAFE_LINK
    assert "Skriptlink" in paragraph.get_text()


def test_script_addresses_in_link_blocks_come_without_url_in_the_api(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, body=hostile_body())

    body = api_detail(client, article)["body"]

    links = {
        block["type"]: block["value"] for block in body if block["type"] in {"link_list", "call_to_action"}
    }
    assert [item["url"] for item in links["link_list"]["links"]] == [None] * len(SCRIPT_URLS)
    assert links["call_to_action"]["link"] == {
        "text": "Jetzt mitmachen",
        "url": None,
        "new_tab": False,
        "page": None,
    }


def test_a_hostile_video_comes_cleaned_in_the_api(client, site_tree, hostile_embed):
    article = ArticlePageFactory(parent=site_tree.articles, body=hostile_body())

    videos = [block["value"] for block in api_detail(client, article)["body"] if block["type"] == "video"]

    assert videos[0]["embed"]["html"] == (
        '<iframe title="Auftakt" src="https://www.youtube-nocookie.com/embed/auftakt" '
        'width="640" height="360"></iframe>'
    )
    assert videos[0]["embed"]["thumbnail_url"] is None
    assert videos[1]["url"] is None


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_script_addresses_in_url_fields_reach_no_api_answer(client, site_tree, url):
    event = EventPageFactory(
        parent=site_tree.events,
        stream_url=url,
        registration_url=url,
        venue=VenueFactory(url=url),
        organiser=OrganisationFactory(url=url),
    )
    project = ProjectPageFactory(parent=site_tree.projects, website=url, funding_programme_url=url)

    answers = [assert_no_script_in_api(client, page) for page in [event, project]]

    assert answers[0]["venue"]["url"] == ""
    assert answers[1]["website"] == ""


# Posted through a crafted admin form


def draftail(blocks, entities=None) -> str:
    """A rich text field's value as the editor posts it (Draft.js content state), written by
    hand the way a crafted request would."""
    return json.dumps({"blocks": blocks, "entityMap": entities or {}})


def text_block(key, text, entity_ranges=()):
    return {
        "key": key,
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": [
            {"offset": offset, "length": length, "key": entity} for offset, length, entity in entity_ranges
        ],
        "data": {},
    }


def crafted_rich_text(image) -> str:
    entities = {
        str(n): {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url, "newTab": n % 2 == 0}}
        for n, url in enumerate(SCRIPT_URLS)
    }
    entities["img"] = {
        "type": "IMAGE",
        "mutability": "IMMUTABLE",
        "data": {"id": image.pk, "format": "left", "alt": HOSTILE_TEXT, "src": "javascript:alert(1)"},
    }
    blocks = [text_block(f"l{n}", f"Link {n}", [(0, 6, str(n))]) for n in range(len(SCRIPT_URLS))]
    blocks.append(text_block("t", HOSTILE_RICH_TEXT))
    blocks.append({**text_block("i", " ", [(0, 1, "img")]), "type": "atomic"})
    return draftail(blocks, entities)


def posted_link(url) -> dict:
    return {"text": "Zum Angebot", "page": "", "url": url, "new_tab": ""}


def post_article(client, site_tree, **overrides):
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])
    return client.post(url, {**article_form_data(**overrides), "action-publish": "action-publish"})


def test_a_crafted_rich_text_post_reaches_no_page_or_answer(admin_client, client, site_tree):
    image = ImageFactory()
    response = post_article(
        admin_client,
        site_tree,
        body=streamfield(
            [
                ("paragraph", crafted_rich_text(image)),
                (
                    "accordion",
                    {
                        "title": "Hinweise",
                        "items": streamfield(
                            [("item", {"title": "Teilnahme", "body": crafted_rich_text(image)})]
                        ),
                    },
                ),
                ("image", {"image": str(image.pk), "caption": HOSTILE_TEXT}),
            ]
        ),
    )

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="live-auftakt")
    assert article.live
    html = website(client, article)
    assert script_vectors(html) == []
    soup = BeautifulSoup(html, "html.parser")
    assert "Link 0" in soup.get_text()
    assert HOSTILE_TEXT in soup.find("figure", class_="image-block").figcaption.get_text()
    body = assert_no_script_in_api(client, article)["body"]
    # Plain text in the API, for apps to insert as text.
    assert body[-1]["value"]["caption"] == HOSTILE_TEXT


@pytest.mark.parametrize(
    "value",
    ['<p><a href="javascript:alert(1)">Link</a></p>', '{"blocks": "keine Liste"}', "[1, 2]"],
)
def test_rich_text_the_editor_never_sends_is_a_bad_request_and_stores_nothing(admin_client, site_tree, value):
    response = post_article(admin_client, site_tree, body=streamfield([("paragraph", value)]))

    assert response.status_code == 400
    assert not ArticlePage.objects.filter(slug="live-auftakt").exists()


@pytest.mark.parametrize("url", SCRIPT_URLS)
def test_the_admin_refuses_a_script_address_for_a_video(admin_client, site_tree, url):
    response = post_article(
        admin_client,
        site_tree,
        body=streamfield([("video", {"video": url, "title": "Auftakt", "transcript": rich_text("")})]),
    )

    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="live-auftakt").exists()
    [error] = response.context["form"].errors.as_data()["body"]
    # Wagtail's embed check answers first: no provider plays such an address.
    assert error.as_json_data()["blockErrors"][0]["blockErrors"]["video"] == {
        "messages": ["Für diese URL wurde kein Element gefunden."]
    }


def test_the_admin_refuses_a_heading_level_that_is_no_choice(admin_client, site_tree):
    response = post_article(
        admin_client,
        site_tree,
        body=streamfield([("heading", {"text": "Abschnitt", "level": HOSTILE_LEVEL})]),
    )

    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="live-auftakt").exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        *((url, "Gib eine gültige URL ein.") for url in SCRIPT_URLS),
        ("ftp://ftp.example.org/", WEB_ADDRESS_MESSAGE),
    ],
)
def test_the_admin_refuses_a_script_address_in_a_link_block(admin_client, site_tree, url, message):
    response = post_article(
        admin_client,
        site_tree,
        body=streamfield([("link_list", {"title": "", "links": streamfield([("item", posted_link(url))])})]),
    )

    assert response.status_code == 200
    assert not ArticlePage.objects.filter(slug="live-auftakt").exists()
    [error] = response.context["form"].errors.as_data()["body"]
    link_errors = error.as_json_data()["blockErrors"][0]["blockErrors"]["links"]["blockErrors"][0]
    assert link_errors["blockErrors"]["url"] == {"messages": [message]}


@pytest.mark.parametrize("url", [*SCRIPT_URLS, "ftp://ftp.example.org/"])
def test_the_admin_refuses_a_script_address_in_a_url_field_in_german(admin_client, site_tree, url):
    add_event = reverse("wagtailadmin_pages:add", args=["events", "eventpage", site_tree.events.pk])
    data = nested_form_data(
        {
            "title": "Live-Auftakt",
            "slug": "live-auftakt",
            "start": "2022-03-07 17:00",
            "status": "scheduled",
            "attendance_mode": "online",
            "stream_url": url,
            "registration": "not_needed",
            "teaser": "Digitale Auftaktveranstaltung.",
            "body": streamfield([("paragraph", rich_text("<p>Ein Klick genügt.</p>"))]),
            "further_dates": inline_formset([]),
        }
    )

    response = admin_client.post(add_event, {**data, "action-publish": "action-publish"})

    assert response.status_code == 200
    assert response.context["form"].errors["stream_url"] == [
        "Bitte eine vollständige Webadresse angeben, die mit „https://“ oder „http://“ beginnt."
    ]
    assert not EventPage.objects.filter(slug="live-auftakt").exists()


# The rule itself


@pytest.mark.parametrize(
    "url",
    [SAFE_LINK, "http://example.org", "mailto:a@example.org", "tel:+49202", "/aktuelles/", "#abschnitt"],
)
def test_web_mail_phone_and_site_addresses_are_kept(url):
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url", [*SCRIPT_URLS, "\x01javascript:alert(1)", "JAVASCRIPT\n:alert(1)", "file:///etc/passwd"]
)
def test_other_schemes_are_left_out(url):
    assert safe_url(url) == ""
