"""Finding news on "Aktuelles": newest first, ten to a page, filtered by category and year."""

import datetime

import pytest

from articles.factories import ArticlePageFactory
from core.factories import CategoryFactory
from tests.html import assert_one_h1_and_no_heading_gaps, get_html

pytestmark = pytest.mark.django_db


def titles(soup) -> list[str]:
    return [card.h2.get_text(strip=True) for card in soup.find_all("article", class_="card")]


def add_articles(site_tree, count, **kwargs):
    """`count` articles, one a day from 1 January 2022, named "Nachricht 1" (the oldest) upwards."""
    for number in range(1, count + 1):
        ArticlePageFactory(
            parent=site_tree.articles,
            title=f"Nachricht {number}",
            date=datetime.date(2022, 1, 1) + datetime.timedelta(days=number),
            **kwargs,
        )


@pytest.fixture
def press_and_workshops(site_tree):
    press = CategoryFactory(name="Pressemitteilung", slug="pressemitteilung")
    workshop = CategoryFactory(name="Workshop", slug="workshop")
    ArticlePageFactory(
        parent=site_tree.articles, title="Förderbescheid", category=press, date=datetime.date(2021, 6, 1)
    )
    ArticlePageFactory(
        parent=site_tree.articles, title="Live-Auftakt", category=press, date=datetime.date(2022, 2, 11)
    )
    ArticlePageFactory(
        parent=site_tree.articles, title="Datenwerkstatt", category=workshop, date=datetime.date(2022, 5, 3)
    )
    return press, workshop


def test_it_lists_the_ten_newest_articles_on_the_first_page(client, site_tree):
    add_articles(site_tree, 12)

    soup = get_html(client, site_tree.articles)

    assert titles(soup) == [f"Nachricht {number}" for number in range(12, 2, -1)]
    assert_one_h1_and_no_heading_gaps(soup)


def test_the_second_page_holds_the_older_articles(client, site_tree):
    add_articles(site_tree, 12)

    soup = get_html(client, f"{site_tree.articles.url}?seite=2")

    assert titles(soup) == ["Nachricht 2", "Nachricht 1"]
    assert "Seite 2" in soup.title.get_text()
    assert "Seite 2 von 2" in soup.find(class_="listing-summary").get_text()


def test_the_page_navigation_marks_the_current_page(client, site_tree):
    add_articles(site_tree, 12)

    soup = get_html(client, f"{site_tree.articles.url}?seite=2")

    nav = soup.find("nav", attrs={"aria-label": "Seitennavigation"})
    current = nav.find("a", attrs={"aria-current": "page"})
    assert current.get_text(" ", strip=True) == "Seite 2"
    assert nav.find("a", string="Vorherige Seite")["href"] == site_tree.articles.url
    assert nav.find("a", string="Nächste Seite") is None


def test_a_list_that_fits_on_one_page_has_no_page_navigation(client, site_tree):
    add_articles(site_tree, 3)

    soup = get_html(client, site_tree.articles)

    assert soup.find("nav", attrs={"aria-label": "Seitennavigation"}) is None


@pytest.mark.parametrize("bad_page", ["abc", "0", "-3", "1.5", "", "9" * 5000])
def test_a_page_number_that_is_no_page_number_gives_the_first_page(client, site_tree, bad_page):
    add_articles(site_tree, 12)

    soup = get_html(client, f"{site_tree.articles.url}?seite={bad_page}")

    assert titles(soup)[0] == "Nachricht 12"


def test_a_page_beyond_the_last_is_not_found(client, site_tree):
    add_articles(site_tree, 12)

    get_html(client, f"{site_tree.articles.url}?seite=3", status=404)


def test_it_filters_by_category(client, site_tree, press_and_workshops):
    soup = get_html(client, f"{site_tree.articles.url}?kategorie=pressemitteilung")

    assert titles(soup) == ["Live-Auftakt", "Förderbescheid"]
    assert soup.find("select", attrs={"name": "kategorie"}).find("option", selected=True).get_text() == (
        "Pressemitteilung"
    )
    assert "Pressemitteilung" in soup.title.get_text()


def test_it_filters_by_year(client, site_tree, press_and_workshops):
    soup = get_html(client, f"{site_tree.articles.url}?jahr=2022")

    assert titles(soup) == ["Datenwerkstatt", "Live-Auftakt"]
    assert soup.find("select", attrs={"name": "jahr"}).find("option", selected=True)["value"] == "2022"


def test_it_combines_category_and_year(client, site_tree, press_and_workshops):
    soup = get_html(client, f"{site_tree.articles.url}?kategorie=pressemitteilung&jahr=2022")

    assert titles(soup) == ["Live-Auftakt"]


def test_it_offers_only_years_that_have_articles_newest_first(client, site_tree, press_and_workshops):
    soup = get_html(client, site_tree.articles)

    options = soup.find("select", attrs={"name": "jahr"}).find_all("option")
    assert [option.get_text() for option in options] == ["Alle Jahre", "2022", "2021"]


def test_it_offers_only_categories_that_have_articles(client, site_tree, press_and_workshops):
    CategoryFactory(name="Unbenutzt", slug="unbenutzt")

    soup = get_html(client, site_tree.articles)

    options = soup.find("select", attrs={"name": "kategorie"}).find_all("option")
    assert [option.get_text() for option in options] == ["Alle Kategorien", "Pressemitteilung", "Workshop"]


def test_the_filter_form_is_labelled_and_can_be_reset(client, site_tree, press_and_workshops):
    soup = get_html(client, f"{site_tree.articles.url}?jahr=2022")

    form = soup.find("form", class_="filter-form")
    assert form["method"] == "get"
    for select in form.find_all("select"):
        assert form.find("label", attrs={"for": select["id"]}).get_text(strip=True)
    assert form.find("button", type="submit").get_text(strip=True) == "Filtern"
    assert form.find("a", string="Alle Filter zurücksetzen")["href"] == site_tree.articles.url


@pytest.mark.parametrize(
    "query",
    ["kategorie=gibt-es-nicht", "jahr=abc", "jahr=1850", "jahr=2022.0", "kategorie=%00", "kategorie="],
)
def test_an_unknown_filter_value_shows_all_articles(client, site_tree, press_and_workshops, query):
    soup = get_html(client, f"{site_tree.articles.url}?{query}")

    assert titles(soup) == ["Datenwerkstatt", "Live-Auftakt", "Förderbescheid"]


def test_an_unknown_category_is_explained_next_to_its_field(client, site_tree, press_and_workshops):
    soup = get_html(client, f"{site_tree.articles.url}?kategorie=gibt-es-nicht&jahr=2022")

    select = soup.find("select", attrs={"name": "kategorie"})
    error = soup.find(id=select["aria-describedby"])
    assert "Diese Kategorie gibt es hier nicht" in error.get_text()
    assert select["aria-invalid"] == "true"
    # The valid filter still applies.
    assert titles(soup) == ["Datenwerkstatt", "Live-Auftakt"]


def test_page_links_keep_the_active_filters(client, site_tree):
    category = CategoryFactory(name="Pressemitteilung", slug="pressemitteilung")
    add_articles(site_tree, 12, category=category)

    soup = get_html(client, f"{site_tree.articles.url}?kategorie=pressemitteilung&jahr=2022")

    nav = soup.find("nav", attrs={"aria-label": "Seitennavigation"})
    assert nav.find("a", string="Nächste Seite")["href"] == (
        f"{site_tree.articles.url}?kategorie=pressemitteilung&jahr=2022&seite=2"
    )


def test_page_links_keep_valid_filters_and_drop_invalid_ones(client, site_tree):
    category = CategoryFactory(name="Pressemitteilung", slug="pressemitteilung")
    add_articles(site_tree, 12, category=category)

    soup = get_html(client, f"{site_tree.articles.url}?kategorie=pressemitteilung&jahr=abc")

    nav = soup.find("nav", attrs={"aria-label": "Seitennavigation"})
    assert nav.find("a", string="Nächste Seite")["href"] == (
        f"{site_tree.articles.url}?kategorie=pressemitteilung&seite=2"
    )


def test_it_says_so_when_no_article_matches_the_filters(client, site_tree, press_and_workshops):
    soup = get_html(client, f"{site_tree.articles.url}?kategorie=workshop&jahr=2021")

    assert titles(soup) == []
    assert "Zu dieser Auswahl gibt es keine Nachrichten." in soup.main.get_text()
