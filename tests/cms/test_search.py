"""The site search at /suche/: German word forms, published public pages only, and a calm
answer to whatever is typed in."""

from urllib.parse import urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from articles.factories import ArticlePageFactory
from home.factories import ContentPageFactory, HomePageFactory
from tests.html import assert_one_h1_and_no_heading_gaps, get_html

pytestmark = pytest.mark.django_db

SEARCH_URL = "/suche/"


def result_titles(soup) -> list[str]:
    return [result.h2.get_text(strip=True) for result in soup.find_all(class_="search-result")]


def summary(soup) -> str:
    return soup.find(class_="search-summary").get_text(" ", strip=True)


def search(client, query, status=200, **params):
    return get_html(client, f"{SEARCH_URL}?{urlencode({'q': query, **params})}", status=status)


@pytest.fixture
def programme_page(site_tree):
    """A page whose text has "Veranstaltungen" only in the plural."""
    return ContentPageFactory(
        parent=site_tree.home,
        title="Über das Projekt",
        teaser="Das Programm lädt regelmäßig zu Veranstaltungen für alle Generationen ein.",
    )


def test_an_empty_query_shows_just_the_form(client, site_tree):
    soup = get_html(client, SEARCH_URL)

    assert soup.h1.get_text(strip=True) == "Suche"
    form = soup.main.find("form", attrs={"role": "search"})
    field = form.find("input", attrs={"name": "q"})
    assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True) == "Suchbegriff"
    assert soup.find(class_="search-summary") is None
    assert soup.find(class_="search-result") is None


def test_it_finds_a_plural_when_searching_for_the_singular(client, programme_page):
    soup = search(client, "Veranstaltung")

    assert "Über das Projekt" in result_titles(soup)


def test_it_finds_inflected_forms_in_the_body_of_an_article(client, site_tree):
    ArticlePageFactory(
        parent=site_tree.articles,
        title="Neues aus dem Rathaus",
        teaser="",
        body=[("paragraph", "<p>Die Stadt fördert neue Mobilitätsangebote in den Quartieren.</p>")],
    )

    soup = search(client, "Quartier")

    assert result_titles(soup) == ["Neues aus dem Rathaus"]


def test_a_result_shows_linked_title_page_type_and_teaser(client, programme_page):
    soup = search(client, "Generationen")

    result = soup.find(class_="search-result")
    assert result.h2.a["href"] == programme_page.url
    assert result.find(class_="search-result__type").get_text(strip=True) == "Inhaltsseite"
    assert "für alle Generationen" in result.find(class_="search-result__teaser").get_text()
    assert_one_h1_and_no_heading_gaps(soup)


def test_it_announces_the_number_of_results_with_the_query(client, site_tree):
    for number in range(3):
        ArticlePageFactory(parent=site_tree.articles, title=f"Datenwerkstatt {number}")

    soup = search(client, "Datenwerkstatt")

    assert summary(soup) == "3 Ergebnisse für „Datenwerkstatt“"
    assert "Datenwerkstatt" in soup.title.get_text()


def test_it_says_so_when_nothing_is_found(client, site_tree):
    soup = search(client, "Quantencomputer")

    assert summary(soup).startswith("Keine Ergebnisse für „Quantencomputer“")
    assert result_titles(soup) == []


def test_every_word_of_the_query_must_match(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Datenwerkstatt Mobilität")
    ArticlePageFactory(parent=site_tree.articles, title="Datenwerkstatt Energie")

    assert result_titles(search(client, "Datenwerkstatt Energie")) == ["Datenwerkstatt Energie"]


def test_it_never_finds_unpublished_pages(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Geheimplan Seilbahn", live=False)

    assert result_titles(search(client, "Geheimplan")) == []


def test_it_finds_the_published_text_not_the_draft(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, title="Radwegekonzept")
    article.title = "Radwegekonzept mit Sperrvermerk"
    article.save_revision()

    assert result_titles(search(client, "Sperrvermerk")) == []
    assert result_titles(search(client, "Radwegekonzept")) == ["Radwegekonzept"]


def test_it_never_finds_pages_behind_a_password(client, site_tree):
    private = ContentPageFactory(parent=site_tree.home, title="Interne Planungsrunde")
    ContentPageFactory(parent=private, title="Protokoll der Planungsrunde")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="geheim")

    assert result_titles(search(client, "Planungsrunde")) == []


def test_it_never_finds_pages_of_another_site(client, site_tree):
    other_home = HomePageFactory(parent=Page.get_first_root_node(), title="Nachbarstadt Zukunftsforum")

    assert other_home.live
    assert result_titles(search(client, "Zukunftsforum")) == []


def test_it_shows_ten_results_a_page_and_keeps_the_query_on_page_links(client, site_tree):
    for number in range(12):
        ArticlePageFactory(parent=site_tree.articles, title=f"Ladesäule {number}")

    first = search(client, "Ladesäule")
    next_link = first.find("nav", attrs={"aria-label": "Seitennavigation"}).find("a", string="Nächste Seite")
    second = get_html(client, next_link["href"])

    assert len(result_titles(first)) == 10
    assert next_link["href"] == "/suche/?q=Lades%C3%A4ule&seite=2"
    assert len(result_titles(second)) == 2
    assert summary(second) == "12 Ergebnisse für „Ladesäule“, Seite 2 von 2"
    search(client, "Ladesäule", seite=3, status=404)


def test_result_pages_are_kept_out_of_search_engines(client, site_tree):
    soup = search(client, "Veranstaltung")

    assert soup.find("meta", attrs={"name": "robots"})["content"].startswith("noindex")


@pytest.mark.parametrize(
    "query",
    [
        "a" * 5000,
        "!!!???",
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "\x00",
        "Daten\x00werkstatt",
        "%_%",
        "\\",
        ":* & | ! ( ) <->",
        "😀🏙️",
        "<script>alert(1)</script>",
        "   ",
        "wort " * 200,
        "\u202e\ufeff\u200b",
    ],
)
def test_it_answers_absurd_queries_calmly(client, site_tree, query):
    ArticlePageFactory(parent=site_tree.articles, title="Datenwerkstatt")

    soup = search(client, query)

    assert soup.h1.get_text(strip=True) == "Suche"
    assert soup.find("script", string="alert(1)") is None


def test_it_cuts_a_very_long_query_and_says_so(client, site_tree):
    soup = search(client, "Datenwerkstatt " + "x" * 5000)

    field = soup.main.find("input", attrs={"name": "q"})
    assert len(field["value"]) == 200
    assert field["maxlength"] == "200"
    assert "sehr lang" in summary(soup)


def test_the_header_has_a_labelled_search_form(client, site_tree):
    soup = get_html(client, site_tree.home)

    form = soup.find("header").find("form", attrs={"role": "search"})
    assert form["action"] == SEARCH_URL
    field = form.find("input", attrs={"name": "q"})
    assert form.find("label", attrs={"for": field["id"]}).get_text(strip=True) == "Suchbegriff"
    assert form.find("button", type="submit").get_text(strip=True) == "Suchen"


def test_the_search_page_costs_the_same_queries_for_two_or_eight_results(client, site_tree):
    def queries_for_search():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{SEARCH_URL}?q=Datenwerkstatt")
        assert response.status_code == 200
        return len(queries)

    for number in range(2):
        ArticlePageFactory(parent=site_tree.articles, title=f"Datenwerkstatt {number}")
    client.get(f"{SEARCH_URL}?q=Datenwerkstatt")
    with_two = queries_for_search()

    for number in range(2, 8):
        ArticlePageFactory(parent=site_tree.articles, title=f"Datenwerkstatt {number}")
    with_eight = queries_for_search()

    assert with_eight == with_two
