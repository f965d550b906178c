"""Leichte Sprache and Gebärdensprache (BITV 2.0 § 4): their pages, and the links to them in
the header of every page."""

import pytest
from wagtail.blocks import StreamBlockValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from accessibility.factories import EasyLanguagePageFactory, SignLanguagePageFactory
from accessibility.models import EasyLanguagePage, SignLanguagePage
from articles.factories import ArticlePageFactory
from events.factories import EventPageFactory
from home.factories import ContentPageFactory
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory
from tests.html import assert_one_h1_and_no_heading_gaps, get_html

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=dgs-demo"
PLAYER_URL = "https://www.youtube-nocookie.com/embed/dgs-demo"
OFFERS = [("Leichte Sprache", "/leichte-sprache/"), ("Gebärdensprache", "/gebaerdensprache/")]


@pytest.fixture
def easy_language(site_tree):
    start = EasyLanguagePageFactory(
        parent=site_tree.home,
        title="Leichte Sprache",
        slug="leichte-sprache",
        body=[
            ("heading", "Willkommen"),
            ("paragraph", {"text": "Das ist die Website.\nSie ist von der Stadt.", "image": ImageFactory()}),
            ("word", {"word": "Website", "explanation": "Seiten im Internet."}),
        ],
    )
    EasyLanguagePageFactory(parent=start, title="So benutzen Sie die Website", teaser="Menü und Suche.")
    return start


@pytest.fixture
def sign_language(site_tree):
    # A cached embed stands in for the provider, which this machine cannot reach.
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html=f'<iframe src="{PLAYER_URL}" width="640" height="360"></iframe>',
        provider_name="YouTube",
        width=640,
        height=360,
    )
    return SignLanguagePageFactory(
        parent=site_tree.home,
        intro="Videos in Deutscher Gebärdensprache.",
        videos=[
            (
                "video",
                {
                    "video": VIDEO_URL,
                    "title": "Die Website in DGS",
                    "transcript": "<p>Hallo und willkommen.</p>",
                },
            )
        ],
    )


# Leichte Sprache


def test_a_paragraph_shows_each_sentence_on_its_own_line_beside_its_picture(client, easy_language):
    soup = get_html(client, easy_language)

    paragraph = soup.find("div", class_="easy-language__paragraph")
    assert paragraph.find("div", class_="easy-language__image").img
    assert str(paragraph.find("div", class_="easy-language__text").p) == (
        "<p>Das ist die Website.<br/>Sie ist von der Stadt.</p>"
    )
    assert_one_h1_and_no_heading_gaps(soup)


def test_a_hard_word_is_explained_in_a_box(client, easy_language):
    soup = get_html(client, easy_language)

    box = soup.find("dl", class_="word-explanation")
    assert box.dt.get_text(strip=True) == "Das Wort „Website“"
    assert box.dd.get_text(strip=True) == "Seiten im Internet."


def test_the_start_page_leads_to_the_pages_under_it(client, easy_language):
    soup = get_html(client, easy_language)

    more = soup.find("nav", class_="easy-language__subpages")
    link = more.find("a")
    assert link.get_text() == "So benutzen Sie die Website"
    assert link["href"] == "/leichte-sprache/so-benutzen-sie-die-website/"


def test_it_tells_every_reader_that_the_page_is_in_leichte_sprache_and_stays_german(client, easy_language):
    soup = get_html(client, easy_language)

    assert soup.html["lang"] == "de"
    assert soup.find("p", class_="easy-language__label").get_text() == "Diese Seite ist in Leichter Sprache."


def test_the_editor_is_told_the_rules_of_leichte_sprache():
    help_text = EasyLanguagePage._meta.get_field("body").help_text

    assert "kurze Sätze" in help_text
    assert "ein Gedanke pro Absatz" in help_text
    assert "keine Abkürzungen" in help_text


def test_the_api_gives_the_blocks_of_a_page_in_leichte_sprache(client, easy_language):
    body = client.get(f"/api/v2/pages/{easy_language.pk}/").json()["body"]

    assert [block["type"] for block in body] == ["heading", "paragraph", "word"]
    assert body[1]["value"]["text"] == "Das ist die Website.\nSie ist von der Stadt."
    assert body[1]["value"]["image"]["renditions"]["thumbnail"]["url"].startswith("http://localhost/")


# Gebärdensprache


def test_the_video_waits_for_consent_and_comes_with_its_transcript(client, sign_language):
    soup = get_html(client, sign_language)

    video = soup.find("figure", class_="video-block")
    assert video.find("iframe").find_parent("template")
    assert video.find("button", attrs={"data-video-load": True})
    assert "Hallo und willkommen." in video.find("details", class_="video-block__transcript").get_text()
    assert "Videos in Deutscher Gebärdensprache." in soup.find("main").get_text()


def test_a_sign_language_page_needs_a_video():
    block = SignLanguagePage._meta.get_field("videos").stream_block

    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(block.to_python([]))

    assert error.value.non_block_errors


# The header of every page


@pytest.fixture
def every_page_type(site_tree, easy_language, sign_language):
    return [
        site_tree.home,
        site_tree.articles,
        ArticlePageFactory(parent=site_tree.articles),
        site_tree.events,
        EventPageFactory(parent=site_tree.events),
        site_tree.projects,
        ProjectPageFactory(parent=site_tree.projects),
        ContentPageFactory(parent=site_tree.home),
        easy_language,
        sign_language,
        "/suche/?q=Stadt",
        "/gibt-es-nicht/",
    ]


def test_every_page_links_leichte_sprache_and_gebaerdensprache_in_its_header(client, every_page_type):
    for page in every_page_type:
        status = 404 if page == "/gibt-es-nicht/" else 200
        offers = get_html(client, page, status=status).find("nav", class_="offer-nav")

        links = [(link.get_text(strip=True), link["href"]) for link in offers.find_all("a")]
        assert links == [OFFERS[0], OFFERS[1]], page
        assert all(link.svg["aria-hidden"] == "true" for link in offers.find_all("a"))


def test_the_offer_the_visitor_is_in_is_marked_current(client, easy_language, sign_language):
    soup = get_html(client, "/leichte-sprache/so-benutzen-sie-die-website/")

    current = soup.find("nav", class_="offer-nav").find("a", attrs={"aria-current": "true"})
    assert current.get_text(strip=True) == "Leichte Sprache"


def test_the_offers_stay_out_of_the_main_menu_even_when_shown_in_menus(
    client, easy_language, sign_language, site_tree
):
    for page in (easy_language, sign_language, site_tree.articles):
        page.show_in_menus = True
        page.save()

    menu = get_html(client, site_tree.home).find("nav", class_="main-nav")

    assert [link.get_text() for link in menu.find_all("a")] == ["Aktuelles"]
