"""Finding projects on "Projekte": by title, twelve to a page, filtered by status and theme."""

import pytest

from core.factories import ThemeFactory
from projects.factories import ProjectPageFactory
from projects.models import ProjectPage
from tests.html import assert_one_h1_and_no_heading_gaps, get_html

pytestmark = pytest.mark.django_db

Status = ProjectPage.Status


def titles(soup) -> list[str]:
    return [card.h2.get_text(strip=True) for card in soup.find_all("article", class_="card")]


@pytest.fixture
def portfolio(site_tree):
    mobility = ThemeFactory(name="Mobilität", slug="mobilitaet")
    participation = ThemeFactory(name="Teilhabe", slug="teilhabe")
    ProjectPageFactory(
        parent=site_tree.projects, title="Zukunftsquartier", status=Status.PLANNED, themes=[participation]
    )
    ProjectPageFactory(
        parent=site_tree.projects,
        title="Digitaler Zwilling",
        status=Status.RUNNING,
        themes=[mobility, participation],
    )
    ProjectPageFactory(parent=site_tree.projects, title="Bürgerportal", status=Status.COMPLETED, themes=[])
    ProjectPageFactory(parent=site_tree.projects, title="Sensorik", status=Status.RUNNING, themes=[mobility])


def test_it_lists_projects_by_title(client, site_tree, portfolio):
    soup = get_html(client, site_tree.projects)

    assert titles(soup) == ["Bürgerportal", "Digitaler Zwilling", "Sensorik", "Zukunftsquartier"]
    assert_one_h1_and_no_heading_gaps(soup)


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("in-planung", ["Zukunftsquartier"]),
        ("laufend", ["Digitaler Zwilling", "Sensorik"]),
        ("abgeschlossen", ["Bürgerportal"]),
    ],
)
def test_it_filters_by_status(client, site_tree, portfolio, status, expected):
    soup = get_html(client, f"{site_tree.projects.url}?status={status}")

    assert titles(soup) == expected


def test_it_filters_by_theme(client, site_tree, portfolio):
    soup = get_html(client, f"{site_tree.projects.url}?thema=teilhabe")

    assert titles(soup) == ["Digitaler Zwilling", "Zukunftsquartier"]
    assert "Teilhabe" in soup.title.get_text()


def test_it_combines_status_and_theme(client, site_tree, portfolio):
    soup = get_html(client, f"{site_tree.projects.url}?status=laufend&thema=mobilitaet")

    assert titles(soup) == ["Digitaler Zwilling", "Sensorik"]
    form = soup.find("form", class_="filter-form")
    assert form.find("select", attrs={"name": "status"}).find("option", selected=True).get_text() == "Läuft"
    assert (
        form.find("select", attrs={"name": "thema"}).find("option", selected=True).get_text() == "Mobilität"
    )


def test_it_offers_only_themes_that_projects_have(client, site_tree, portfolio):
    ThemeFactory(name="Energie", slug="energie")

    soup = get_html(client, site_tree.projects)

    options = soup.find("select", attrs={"name": "thema"}).find_all("option")
    assert [option.get_text() for option in options] == ["Alle Themenfelder", "Mobilität", "Teilhabe"]


@pytest.mark.parametrize(
    "query", ["status=x", "status=running", "thema=energie", "thema=%27%3B--", "status[]=1"]
)
def test_an_unknown_filter_value_shows_all_projects(client, site_tree, portfolio, query):
    soup = get_html(client, f"{site_tree.projects.url}?{query}")

    assert titles(soup) == ["Bürgerportal", "Digitaler Zwilling", "Sensorik", "Zukunftsquartier"]


def test_an_unknown_status_is_explained_next_to_its_field(client, site_tree, portfolio):
    soup = get_html(client, f"{site_tree.projects.url}?status=x")

    select = soup.find("select", attrs={"name": "status"})
    assert "Diesen Status gibt es nicht" in soup.find(id=select["aria-describedby"]).get_text()


def test_it_shows_twelve_projects_a_page(client, site_tree):
    theme = ThemeFactory(name="Mobilität", slug="mobilitaet")
    for number in range(1, 14):
        ProjectPageFactory(parent=site_tree.projects, title=f"Projekt {number:02d}", themes=[theme])

    first = get_html(client, f"{site_tree.projects.url}?thema=mobilitaet")
    second = get_html(client, f"{site_tree.projects.url}?thema=mobilitaet&seite=2")

    assert len(titles(first)) == 12
    assert titles(second) == ["Projekt 13"]
    nav = first.find("nav", attrs={"aria-label": "Seitennavigation"})
    assert (
        nav.find("a", string="Nächste Seite")["href"] == f"{site_tree.projects.url}?thema=mobilitaet&seite=2"
    )


def test_a_page_beyond_the_last_is_not_found_and_a_bad_page_number_gives_the_first(
    client, site_tree, portfolio
):
    get_html(client, f"{site_tree.projects.url}?seite=2", status=404)
    assert titles(get_html(client, f"{site_tree.projects.url}?seite=abc"))[0] == "Bürgerportal"
