"""What a visitor sees on a project overview and on the project list ("Projekte")."""

import datetime

import pytest

from articles.factories import ArticlePageFactory
from articles.models import ArticleProjectLink
from core.factories import OrganisationFactory, PersonFactory, ThemeFactory
from events.factories import EventPageFactory
from projects.factories import ProjectMilestoneFactory, ProjectPageFactory
from projects.models import ProjectFunder, ProjectGoal, ProjectPage, ProjectPartner
from tests.html import assert_one_h1_and_no_heading_gaps, facts, get_html, section

pytestmark = pytest.mark.django_db


@pytest.fixture
def model_project(site_tree):
    """The seed's funded model project, with what a project overview carries."""
    project = ProjectPageFactory(
        parent=site_tree.projects,
        title="Modellprojekt Smart City Wuppertal",
        status=ProjectPage.Status.RUNNING,
        start_date=datetime.date(2021, 9, 1),
        end_date=datetime.date(2026, 12, 31),
        funding_programme="Modellprojekte Smart Cities made in Germany",
        funding_programme_url="https://www.smart-city-dialog.de/",
        contact=PersonFactory(name="Erika Muster", email="erika.muster@example.org", phone="0202 563 0"),
    )
    project.themes.set([ThemeFactory(name="Mobilität"), ThemeFactory(name="Teilhabe")])
    project.save_revision().publish()
    ProjectFunder.objects.create(project=project, organisation=OrganisationFactory(name="KfW"))
    ProjectFunder.objects.create(
        project=project,
        organisation=OrganisationFactory(
            name="Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen",
            short_name="BMWSB",
            url="https://www.bmwsb.bund.de/",
        ),
    )
    ProjectPartner.objects.create(project=project, organisation=OrganisationFactory(name="codeks"))
    ProjectGoal.objects.create(project=project, text="Digitale Teilhabe für alle Altersgruppen")
    ProjectMilestoneFactory(project=project, date=datetime.date(2022, 3, 7), title="Auftakt", done=True)
    ProjectMilestoneFactory(project=project, date=datetime.date(2023, 6, 1), title="Strategie", done=False)
    return project


def test_it_shows_the_title_as_the_only_h1(client, model_project):
    soup = get_html(client, model_project)

    assert soup.h1.get_text(strip=True) == "Modellprojekt Smart City Wuppertal"
    assert_one_h1_and_no_heading_gaps(soup)


def test_it_shows_status_period_and_themes(client, model_project):
    soup = get_html(client, model_project)

    assert facts(soup)["Status"] == "Läuft"
    assert facts(soup)["Laufzeit"] == "01.09.2021 bis 31.12.2026"
    assert facts(soup)["Themenfelder"] == "Mobilität, Teilhabe"


def test_it_links_the_funding_programme(client, model_project):
    soup = get_html(client, model_project)

    link = soup.find("a", string="Modellprojekte Smart Cities made in Germany")
    assert link["href"] == "https://www.smart-city-dialog.de/"


def test_it_lists_funders_and_partners(client, model_project):
    soup = get_html(client, model_project)

    assert facts(soup)["Fördergeber"] == (
        "KfW Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen (BMWSB)"
    )
    assert soup.find("a", string="Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen (BMWSB)")
    assert facts(soup)["Partner"] == "codeks"


def test_it_lists_the_goals(client, model_project):
    soup = get_html(client, model_project)

    goals = section(soup, "ziele").find_all("li")
    assert [li.get_text(strip=True) for li in goals] == ["Digitale Teilhabe für alle Altersgruppen"]


def test_it_lists_milestones_in_order_with_date_and_done_state_in_words(client, model_project):
    soup = get_html(client, model_project)

    milestones = section(soup, "meilensteine").ol.find_all("li", recursive=False)
    assert [" ".join(li.get_text().split()) for li in milestones] == [
        "07.03.2022: Auftakt (erreicht)",
        "01.06.2023: Strategie (geplant)",
    ]


def test_it_shows_how_to_reach_the_contact_person(client, model_project):
    soup = get_html(client, model_project)

    contact = section(soup, "ansprechperson")
    assert "Erika Muster" in contact.get_text()
    assert contact.find("a", href="mailto:erika.muster@example.org") is not None
    assert contact.find("a", href="tel:02025630") is not None


def test_it_lists_news_that_name_the_project(client, site_tree, model_project):
    article = ArticlePageFactory(
        parent=site_tree.articles, title="Live-Auftakt", date=datetime.date(2022, 2, 11)
    )
    ArticlePageFactory(parent=site_tree.articles, title="Anderes Thema")
    ArticleProjectLink.objects.create(article=article, project=model_project)

    soup = get_html(client, model_project)

    news = section(soup, "projekt-nachrichten")
    assert [h3.get_text(strip=True) for h3 in news.find_all("h3")] == ["Live-Auftakt"]
    assert news.h3.a["href"] == article.url
    assert "11.02.2022" in news.get_text()
    assert_one_h1_and_no_heading_gaps(soup)


def test_it_lists_events_that_belong_to_the_project(client, site_tree, model_project):
    EventPageFactory(parent=site_tree.events, title="Live-Auftakt im codeks", project=model_project)

    soup = get_html(client, model_project)

    events = section(soup, "projekt-veranstaltungen")
    assert events.h3.get_text(strip=True) == "Live-Auftakt im codeks"
    assert "Montag, 7. März 2022, 17:00 Uhr" in events.get_text()


def test_a_project_named_by_many_shows_the_newest_news_and_next_events_and_links_the_lists(
    client, site_tree, model_project
):
    for day in range(1, 9):
        article = ArticlePageFactory(
            parent=site_tree.articles, title=f"Meldung {day}", date=datetime.date(2024, 5, day)
        )
        ArticleProjectLink.objects.create(article=article, project=model_project)
    now = datetime.datetime.now(datetime.UTC)
    for day in range(1, 8):
        EventPageFactory(
            parent=site_tree.events,
            title=f"Termin {day}",
            project=model_project,
            start=now + datetime.timedelta(days=day),
        )
    EventPageFactory(
        parent=site_tree.events, title="Vorbei", project=model_project, start=now - datetime.timedelta(days=3)
    )

    soup = get_html(client, model_project)

    news = section(soup, "projekt-nachrichten")
    assert [h3.get_text(strip=True) for h3 in news.find_all("h3")] == [
        f"Meldung {day}" for day in (8, 7, 6, 5, 4)
    ]
    assert news.find("a", string="Alle Nachrichten")["href"] == site_tree.articles.url
    events = section(soup, "projekt-veranstaltungen")
    assert [h3.get_text(strip=True) for h3 in events.find_all("h3")] == [
        f"Termin {day}" for day in range(1, 6)
    ]
    assert events.find("a", string="Alle Veranstaltungen")["href"] == site_tree.events.url


def test_a_project_with_few_events_ahead_shows_its_latest_past_ones_after_them(
    client, site_tree, model_project
):
    now = datetime.datetime.now(datetime.UTC)
    EventPageFactory(
        parent=site_tree.events,
        title="Demnächst",
        project=model_project,
        start=now + datetime.timedelta(days=2),
    )
    for days in (30, 10, 60):
        EventPageFactory(
            parent=site_tree.events,
            title=f"Vor {days} Tagen",
            project=model_project,
            start=now - datetime.timedelta(days=days),
        )

    events = section(get_html(client, model_project), "projekt-veranstaltungen")

    assert [h3.get_text(strip=True) for h3 in events.find_all("h3")] == [
        "Demnächst",
        "Vor 10 Tagen",
        "Vor 30 Tagen",
        "Vor 60 Tagen",
    ]


def test_it_leaves_out_empty_sections(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects)

    soup = get_html(client, project)

    for heading_id in (
        "ziele",
        "meilensteine",
        "projekt-nachrichten",
        "projekt-veranstaltungen",
        "ansprechperson",
    ):
        assert section(soup, heading_id) is None


def test_the_index_lists_projects_by_title_with_their_status(client, site_tree):
    ProjectPageFactory(parent=site_tree.projects, title="Zukunftsquartier", status=ProjectPage.Status.PLANNED)
    ProjectPageFactory(parent=site_tree.projects, title="Digitaler Zwilling")

    soup = get_html(client, site_tree.projects)

    cards = soup.find_all("article", class_="card")
    assert [card.h2.get_text(strip=True) for card in cards] == ["Digitaler Zwilling", "Zukunftsquartier"]
    assert [card.find(class_="card__meta").get_text(strip=True) for card in cards] == ["Läuft", "In Planung"]
    assert_one_h1_and_no_heading_gaps(soup)
