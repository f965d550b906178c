"""The info screen at /infoscreen/<slug>/ as the server renders it: German, in the screen's
format, alerts in full above the rotating news and events, and without JavaScript a refresh
that turns to the next item."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from alerts.factories import AlertFactory, InfoScreenFactory
from alerts.models import InfoScreen, Orientation
from articles.factories import ArticlePageFactory
from articles.models import ArticleProjectLink
from core.factories import CategoryFactory
from events.factories import EventPageFactory
from projects.factories import ProjectPageFactory

pytestmark = pytest.mark.django_db


def soup_of(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def visible_titles(soup) -> list[str]:
    return [item.h3.get_text(strip=True) for item in soup.select(".screen__item:not([hidden])")]


def test_it_shows_the_first_item_in_german_in_landscape(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Neue Ladesäulen am Rathaus")
    InfoScreenFactory(slug="foyer", name="Rathaus Foyer", orientation=Orientation.LANDSCAPE)

    soup = soup_of(client, "/infoscreen/foyer/")

    assert soup.html["lang"] == "de"
    assert soup.title.get_text() == "Rathaus Foyer – Infobildschirm"
    assert "screen--landscape" in soup.body["class"]
    assert visible_titles(soup) == ["Neue Ladesäulen am Rathaus"]
    assert soup.select_one(".screen__kind").get_text(strip=True) == "Nachricht"
    # No navigation on a screen nobody clicks.
    assert soup.find("nav") is None and soup.find("a") is None


def test_it_renders_a_portrait_screen_in_portrait(client, site_tree):
    InfoScreenFactory(slug="stele", orientation=Orientation.PORTRAIT)

    soup = soup_of(client, "/infoscreen/stele/")

    assert "screen--portrait" in soup.body["class"]


def test_it_answers_404_for_an_unknown_screen(client, site_tree):
    assert client.get("/infoscreen/gibt-es-nicht/").status_code == 404


def test_it_shows_current_alerts_in_full_above_the_items(client, site_tree):
    AlertFactory(title="Sturmwarnung", text="Der Markt fällt heute aus.")
    AlertFactory(title="Vorbei", expire_at=timezone.now() - datetime.timedelta(minutes=1))
    InfoScreenFactory(slug="foyer")

    soup = soup_of(client, "/infoscreen/foyer/")

    alerts = soup.select_one("[data-screen-alerts]")
    assert not alerts.has_attr("hidden")
    assert [alert.h3.get_text(strip=True) for alert in alerts.select("li")] == ["Sturmwarnung"]
    assert alerts.select_one(".screen__alert-text").get_text(strip=True) == "Der Markt fällt heute aus."


def test_it_leaves_out_alerts_when_the_screen_does_not_show_them(client, site_tree):
    AlertFactory(title="Sturmwarnung")
    InfoScreenFactory(slug="foyer", show_alerts=False)

    soup = soup_of(client, "/infoscreen/foyer/")

    assert soup.select("[data-screen-alerts] li") == []


def test_it_shows_upcoming_events_with_their_date(client, site_tree):
    start = timezone.now() + datetime.timedelta(days=2)
    EventPageFactory(parent=site_tree.events, title="Bürgerdialog", start=start, end=None)
    EventPageFactory(parent=site_tree.events, title="Längst vorbei")
    InfoScreenFactory(slug="foyer", show_news=False)

    soup = soup_of(client, "/infoscreen/foyer/")

    titles = [item.h3.get_text(strip=True) for item in soup.select(".screen__item")]
    assert titles == ["Bürgerdialog"]
    assert "Veranstaltung · " in soup.select_one(".screen__kind").get_text()


def test_without_javascript_it_refreshes_to_the_next_item(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Älter", date=datetime.date(2024, 1, 1))
    ArticlePageFactory(parent=site_tree.articles, title="Neuer", date=datetime.date(2024, 2, 1))
    InfoScreenFactory(slug="foyer", seconds_per_item=15)

    first = soup_of(client, "/infoscreen/foyer/")
    second = soup_of(client, "/infoscreen/foyer/?n=1")

    refresh = BeautifulSoup(first.head.noscript.decode_contents(), "html.parser").meta
    assert refresh["content"] == "15;url=?n=1"
    assert visible_titles(first) == ["Neuer"]
    assert visible_titles(second) == ["Älter"]


def test_a_screen_without_any_content_is_refused_with_a_german_error(site_tree):
    screen = InfoScreenFactory.build(show_alerts=False, show_news=False, show_events=False)

    with pytest.raises(ValidationError) as error:
        screen.full_clean()

    assert error.value.message_dict["show_news"] == ["Bitte mindestens einen Inhalt auswählen."]


def all_titles(soup) -> list[str]:
    return [item.h3.get_text(strip=True) for item in soup.select(".screen__item")]


def test_a_screen_narrowed_to_one_project_shows_only_its_news_and_events(client, site_tree):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    project = ProjectPageFactory(parent=site_tree.projects, title="Sensoren im Quartier")
    other = ProjectPageFactory(parent=site_tree.projects, title="Parken")
    for title, linked in [("Sensoren gehen in Betrieb", project), ("Neue Parkzonen", other)]:
        article = ArticlePageFactory(parent=site_tree.articles, title=title)
        ArticleProjectLink.objects.create(article=article, project=linked)
    ArticlePageFactory(parent=site_tree.articles, title="Ohne Projekt")
    EventPageFactory(parent=site_tree.events, title="Sensor-Workshop", start=tomorrow, project=project)
    EventPageFactory(parent=site_tree.events, title="Parken-Forum", start=tomorrow, project=other)
    InfoScreenFactory(slug="foyer", project=project)

    soup = soup_of(client, "/infoscreen/foyer/")

    assert all_titles(soup) == ["Sensoren gehen in Betrieb", "Sensor-Workshop"]
    # The script asks the API for the same narrowing when it polls.
    assert soup.select_one("[data-screen]")["data-page-filters"] == f"project={project.pk}"


def test_a_screen_narrowed_to_one_category_shows_only_its_news_and_events(client, site_tree):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    workshops, press = CategoryFactory(name="Workshop"), CategoryFactory(name="Pressemitteilung")
    ArticlePageFactory(parent=site_tree.articles, title="Workshop-Rückblick", category=workshops)
    ArticlePageFactory(parent=site_tree.articles, title="Pressemitteilung", category=press)
    EventPageFactory(parent=site_tree.events, title="Workshop Daten", start=tomorrow, category=workshops)
    EventPageFactory(parent=site_tree.events, title="Pressetermin", start=tomorrow, category=press)
    InfoScreenFactory(slug="foyer", category=workshops)

    soup = soup_of(client, "/infoscreen/foyer/")

    assert all_titles(soup) == ["Workshop-Rückblick", "Workshop Daten"]
    assert soup.select_one("[data-screen]")["data-page-filters"] == "category=workshop"


def test_a_screen_without_narrowing_asks_the_api_for_everything(client, site_tree):
    InfoScreenFactory(slug="foyer")

    soup = soup_of(client, "/infoscreen/foyer/")

    assert soup.select_one("[data-screen]")["data-page-filters"] == ""


def test_a_screen_narrowed_to_a_project_and_a_category_is_refused_with_a_german_error(site_tree):
    project = ProjectPageFactory(parent=site_tree.projects)
    screen = InfoScreenFactory.build(project=project, category=CategoryFactory())

    with pytest.raises(ValidationError) as error:
        screen.full_clean()

    assert error.value.message_dict["category"] == [
        "Bitte entweder ein Projekt oder eine Kategorie wählen, nicht beides."
    ]


def test_it_costs_the_same_queries_however_many_items_it_shows(
    client, site_tree, django_assert_max_num_queries
):
    for number in range(10):
        ArticlePageFactory(parent=site_tree.articles, title=f"Nachricht {number}")
        EventPageFactory(parent=site_tree.events, start=timezone.now() + datetime.timedelta(days=number + 1))
    AlertFactory.create_batch(3)
    InfoScreenFactory(slug="foyer")

    # The screen, the alerts, and for the articles and the events each their list and the view
    # restrictions that `public()` reads: six, whatever the number of items.
    with django_assert_max_num_queries(6):
        response = client.get("/infoscreen/foyer/")

    assert response.status_code == 200


def info_screen_form(**fields) -> dict:
    return {
        "name": "Rathaus Foyer",
        "slug": "foyer",
        "show_alerts": "on",
        "show_news": "on",
        "show_events": "on",
        "project": "",
        "category": "",
        "seconds_per_item": "12",
        "orientation": Orientation.LANDSCAPE,
        **fields,
    }


def test_an_administrator_narrows_a_screen_to_a_project_in_the_admin(admin_client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects)
    add_url = reverse("wagtailsnippets_alerts_infoscreen:add")
    form = admin_client.get(add_url)
    assert "Nur dieses Projekt" in form.content.decode()

    response = admin_client.post(add_url, info_screen_form(project=project.pk))

    assert response.status_code == 302
    assert InfoScreen.objects.get(slug="foyer").project_id == project.pk


def test_the_admin_names_the_field_when_a_screen_gets_a_project_and_a_category(admin_client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects)
    add_url = reverse("wagtailsnippets_alerts_infoscreen:add")

    response = admin_client.post(add_url, info_screen_form(project=project.pk, category=CategoryFactory().pk))

    assert response.status_code == 200
    assert response.context["form"].errors["category"] == [
        "Bitte entweder ein Projekt oder eine Kategorie wählen, nicht beides."
    ]
    assert not InfoScreen.objects.exists()
