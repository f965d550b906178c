"""What a visitor sees on the start page, on generic content pages and on every page's frame."""

import datetime

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.template.loader import get_template
from django.utils import timezone

from articles.factories import ArticlePageFactory
from events.factories import EventPageFactory
from home.factories import ContentPageFactory
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory
from tests.html import assert_one_h1_and_no_heading_gaps, get_html

pytestmark = pytest.mark.django_db

NEW_TAB_HINT = "(Öffnet in einem neuen Tab)"


# The frame every page shares


def test_it_renders_the_home_page_with_its_title_as_the_only_h1(client, site_tree):
    soup = get_html(client, site_tree.home)

    assert soup.h1.get_text(strip=True) == "Smart City Wuppertal"
    assert_one_h1_and_no_heading_gaps(soup)


def test_it_declares_german_and_names_the_page_and_site_in_the_title(client, site_tree):
    soup = get_html(client, site_tree.articles)

    assert soup.html["lang"] == "de"
    assert soup.title.get_text() == "Aktuelles – Smart City"


def test_it_describes_the_page_with_its_teaser(client, site_tree):
    page = ContentPageFactory(parent=site_tree.home, teaser="Wer hinter der Website steht.")

    soup = get_html(client, page)

    assert soup.find("meta", attrs={"name": "description"})["content"] == "Wer hinter der Website steht."


def test_it_puts_the_skip_link_first_and_points_it_at_main(client, site_tree):
    soup = get_html(client, site_tree.home)

    first_focusable = soup.body.find(["a", "button", "input", "select", "textarea"])
    assert first_focusable.get_text(strip=True) == "Inhalt anspringen"
    assert first_focusable["href"] == "#main"
    assert soup.find("main")["id"] == "main"


def test_it_links_one_local_stylesheet_and_no_scripts(client, site_tree):
    soup = get_html(client, site_tree.home)

    assert [link["href"] for link in soup.find_all("link", rel="stylesheet")] == ["/static/css/site.css"]
    # JSON-LD is a data block that browsers never execute.
    executable = [script for script in soup.find_all("script") if script.get("type") != "application/ld+json"]
    assert executable == []


def test_it_lists_menu_sections_in_the_main_navigation(client, site_tree):
    site_tree.articles.show_in_menus = True
    site_tree.articles.save_revision().publish()
    site_tree.events.show_in_menus = True
    site_tree.events.save_revision().publish()

    soup = get_html(client, site_tree.home)

    nav = soup.find("nav", attrs={"aria-label": "Hauptnavigation"})
    assert [a.get_text(strip=True) for a in nav.find_all("a")] == ["Aktuelles", "Veranstaltungen"]


def test_it_marks_the_section_of_the_current_page_in_the_navigation(client, site_tree):
    site_tree.articles.show_in_menus = True
    site_tree.articles.save_revision().publish()
    article = ArticlePageFactory(parent=site_tree.articles)

    on_index = get_html(client, site_tree.articles)
    on_article = get_html(client, article)

    nav_link = on_index.find("nav", attrs={"aria-label": "Hauptnavigation"}).a
    assert nav_link["aria-current"] == "page"
    nav_link = on_article.find("nav", attrs={"aria-label": "Hauptnavigation"}).a
    assert nav_link["aria-current"] == "true"


def test_it_shows_breadcrumbs_from_the_start_page_to_the_current_page(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, title="Live-Auftakt")

    soup = get_html(client, article)

    crumbs = soup.find("nav", attrs={"aria-label": "Brotkrumennavigation"}).ol.find_all("li")
    assert [li.get_text(strip=True) for li in crumbs] == ["Startseite", "Aktuelles", "Live-Auftakt"]
    assert crumbs[-1].find(attrs={"aria-current": "page"}) is not None


def test_it_shows_no_breadcrumbs_on_the_start_page(client, site_tree):
    soup = get_html(client, site_tree.home)

    assert soup.find("nav", attrs={"aria-label": "Brotkrumennavigation"}) is None


def test_it_links_the_published_legal_pages_in_the_footer(client, site_tree):
    ContentPageFactory(parent=site_tree.home, title="Datenschutz", slug="datenschutz")
    ContentPageFactory(parent=site_tree.home, title="Impressum", slug="impressum")
    ContentPageFactory(parent=site_tree.home, title="Über uns", slug="ueber-uns")
    ContentPageFactory(parent=site_tree.home, title="Barrierefreiheit", slug="barrierefreiheit", live=False)

    soup = get_html(client, site_tree.home)

    footer_nav = soup.find("footer").find("nav", attrs={"aria-label": "Rechtliches"})
    assert [a.get_text(strip=True) for a in footer_nav.find_all("a")] == ["Impressum", "Datenschutz"]


def test_it_answers_an_unknown_address_with_the_404_page(client, site_tree):
    soup = get_html(client, "/gibt-es-nicht/", status=404)

    assert soup.h1.get_text(strip=True) == "Seite nicht gefunden"
    assert soup.body.a.get_text(strip=True) == "Inhalt anspringen"


def test_the_500_page_renders_without_request_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = get_template("500.html").render()

    soup = BeautifulSoup(html, "html.parser")
    assert soup.h1.get_text(strip=True) == "Technischer Fehler"
    assert soup.a.get_text(strip=True) == "Inhalt anspringen"


# The start page


def test_it_shows_the_latest_articles_on_the_start_page(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Ältere Nachricht", date=datetime.date(2022, 1, 1))
    ArticlePageFactory(parent=site_tree.articles, title="Live-Auftakt", date=datetime.date(2022, 2, 11))

    soup = get_html(client, site_tree.home)

    section = soup.find("section", attrs={"aria-labelledby": "home-aktuelles"})
    assert [h3.get_text(strip=True) for h3 in section.find_all("h3")] == ["Live-Auftakt", "Ältere Nachricht"]
    assert "11.02.2022" in section.get_text()
    assert section.find("a", string="Alle Nachrichten")["href"] == site_tree.articles.url


def test_it_shows_upcoming_events_but_not_past_ones_on_the_start_page(client, site_tree):
    EventPageFactory(parent=site_tree.events, title="Vergangener Workshop")
    EventPageFactory(
        parent=site_tree.events, title="Bürgerdialog", start=timezone.now() + datetime.timedelta(days=7)
    )

    soup = get_html(client, site_tree.home)

    section = soup.find("section", attrs={"aria-labelledby": "home-veranstaltungen"})
    assert [h3.get_text(strip=True) for h3 in section.find_all("h3")] == ["Bürgerdialog"]


def test_it_shows_projects_on_the_start_page(client, site_tree):
    ProjectPageFactory(parent=site_tree.projects, title="Digitaler Zwilling")

    soup = get_html(client, site_tree.home)

    section = soup.find("section", attrs={"aria-labelledby": "home-projekte"})
    assert section.h3.get_text(strip=True) == "Digitaler Zwilling"
    assert "Läuft" in section.get_text()
    assert_one_h1_and_no_heading_gaps(soup)


# Content pages


def test_it_shows_when_a_content_page_was_last_reviewed(client, site_tree):
    page = ContentPageFactory(
        parent=site_tree.home, title="Barrierefreiheit", last_reviewed=datetime.date(2024, 5, 2)
    )

    soup = get_html(client, page)

    assert soup.h1.get_text(strip=True) == "Barrierefreiheit"
    assert soup.find("time", attrs={"datetime": "2024-05-02"}).get_text() == "02.05.2024"


# Body blocks, rendered on a content page


@pytest.fixture
def page_with_blocks(site_tree):
    image = ImageFactory(credit_author="", credit_source="Stadt Wuppertal", description="Das codeks")
    document = wagtail_factories.DocumentFactory(
        title="Smart-City-Strategie", file__filename="strategie.pdf", file__data=b"%PDF" + b"0" * 122_876
    )
    event = EventPageFactory(parent=site_tree.events, title="Live-Auftakt", teaser="Start im Stream.")
    new_tab_link = {
        "text": "Zum Stream",
        "page": None,
        "url": "https://www.wuppertal.de/smart-city",
        "new_tab": True,
    }
    body = [
        {"type": "heading", "value": {"text": "Hintergrund", "level": "h2"}},
        {"type": "heading", "value": {"text": "Förderung", "level": "h3"}},
        {"type": "paragraph", "value": "<p>Wuppertal ist <b>Modellprojekt</b>.</p>"},
        {"type": "image", "value": {"image": image.pk, "caption": "Blick in den Saal"}},
        {
            "type": "quote",
            "value": {"text": "Technik ist ein Werkzeug.", "attribution": "Projektteam", "role": "Stadt"},
        },
        {
            "type": "video",
            "value": {
                "video": "https://video.example.org/auftakt",
                "title": "Auftakt",
                "transcript": "<p>Begrüßung durch die Projektleitung.</p>",
            },
        },
        {
            "type": "call_to_action",
            "value": {"title": "Link zum Stream", "text": "Ein Klick genügt.", "link": new_tab_link},
        },
        {
            "type": "accordion",
            "value": {
                "title": "Erläuterungen und Hinweise",
                "items": [{"title": "Teilnahme", "body": "<p>Keine Anmeldung nötig.</p>"}],
            },
        },
        {"type": "document", "value": {"document": document.pk, "title": "", "description": ""}},
        {"type": "event_teaser", "value": {"event": event.pk, "text": ""}},
        {
            "type": "link_list",
            "value": {
                "title": "Weiterführende Links",
                "links": [
                    {"text": "Aktuelles", "page": site_tree.articles.pk, "url": "", "new_tab": False},
                    {
                        "text": "Förderprogramm",
                        "page": None,
                        "url": "https://www.smart-city-dialog.de/",
                        "new_tab": False,
                    },
                ],
            },
        },
    ]
    return ContentPageFactory(parent=site_tree.home, title="Über das Projekt", body=body)


def test_it_renders_headings_at_the_chosen_level(client, page_with_blocks):
    soup = get_html(client, page_with_blocks)

    assert soup.find("h2", string="Hintergrund") is not None
    assert soup.find("h3", string="Förderung") is not None
    assert_one_h1_and_no_heading_gaps(soup)


def test_it_renders_rich_text_paragraphs(client, page_with_blocks):
    soup = get_html(client, page_with_blocks)

    assert soup.find("b", string="Modellprojekt") is not None


def test_it_renders_an_image_with_caption_and_credit_in_small_print(client, page_with_blocks):
    soup = get_html(client, page_with_blocks)

    figure = soup.find("figure", class_="image-block")
    assert figure.img["alt"] == "Das codeks"
    assert figure.img["width"] and figure.img["height"]
    assert "Blick in den Saal" in figure.figcaption.get_text()
    assert figure.figcaption.small.get_text(strip=True) == "Bild: Stadt Wuppertal"


def test_it_renders_a_quote_with_its_source(client, page_with_blocks):
    soup = get_html(client, page_with_blocks)

    figure = soup.find("blockquote").parent
    assert figure.blockquote.get_text(strip=True) == "Technik ist ein Werkzeug."
    assert figure.figcaption.get_text(strip=True) == "Projektteam, Stadt"


def test_it_falls_back_to_a_link_when_the_video_cannot_be_embedded(client, page_with_blocks):
    soup = get_html(client, page_with_blocks)

    figure = soup.find("figure", class_="video-block")
    assert figure.find("iframe") is None
    assert figure.figcaption.a["href"] == "https://video.example.org/auftakt"
    assert "Auftakt" in figure.figcaption.a.get_text()
    assert "Begrüßung durch die Projektleitung." in figure.details.get_text()


def test_it_announces_links_that_open_a_new_tab(client, page_with_blocks):
    soup = get_html(client, page_with_blocks)

    link = soup.find("div", class_="call-to-action").a
    assert link["href"] == "https://www.wuppertal.de/smart-city"
    assert link["target"] == "_blank"
    assert "noopener" in link["rel"]
    assert link.find(class_="visually-hidden").get_text() == NEW_TAB_HINT


def test_it_renders_notes_as_native_disclosure_widgets(client, page_with_blocks):
    soup = get_html(client, page_with_blocks)

    accordion = soup.find("section", class_="accordion")
    assert accordion.h2.get_text(strip=True) == "Erläuterungen und Hinweise"
    assert accordion.details.summary.get_text(strip=True) == "Teilnahme"


def test_it_shows_file_type_and_size_of_a_document(client, page_with_blocks):
    soup = get_html(client, page_with_blocks)

    link = soup.find("div", class_="document-block").a
    assert "Smart-City-Strategie" in link.get_text()
    assert link.find(class_="document-block__meta").get_text() == "(PDF, 120,0\xa0KB)"


def test_it_renders_an_event_teaser_with_date_and_the_events_own_teaser(client, page_with_blocks):
    soup = get_html(client, page_with_blocks)

    teaser = soup.find("article", class_="event-teaser")
    assert teaser.a.get_text(strip=True) == "Live-Auftakt"
    assert "Montag, 7. März 2022, 17:00 Uhr" in teaser.get_text()
    assert "Start im Stream." in teaser.get_text()


def test_it_renders_a_link_list_with_internal_and_external_links(client, site_tree, page_with_blocks):
    soup = get_html(client, page_with_blocks)

    links = soup.find("div", class_="link-list").find_all("a")
    assert [(a.get_text(strip=True), a["href"]) for a in links] == [
        ("Aktuelles", site_tree.articles.url),
        ("Förderprogramm", "https://www.smart-city-dialog.de/"),
    ]
    assert not any(a.get("target") for a in links)


def test_an_image_credit_carries_its_licence_linked(client, site_tree):
    image = ImageFactory(
        credit_author="Erika Muster",
        credit_source="Wikimedia Commons",
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/deed.de",
    )
    page = ContentPageFactory(parent=site_tree.home, body=[("image", {"image": image, "caption": ""})])

    credit = get_html(client, page).find("figure", class_="image-block").figcaption.small

    assert " ".join(credit.get_text().split()) == "Bild: Erika Muster auf Wikimedia Commons, CC BY 4.0"
    assert credit.a["href"] == "https://creativecommons.org/licenses/by/4.0/deed.de"
    assert credit.a["rel"] == ["license"]
