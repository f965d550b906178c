"""Every anonymous answer names what it shows in its xkey header (cachetags,
delivery.middleware): the exact tags of the pages, lists and directory entries of a small
site, the answers that carry none, and the collector itself."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

import cachetags
from alerts.factories import AlertFactory, InfoScreenFactory
from alerts.models import Alert
from articles.factories import ArticlePageFactory
from articles.models import ArticlePage, ArticleProjectLink
from core.factories import CategoryFactory
from core.models import Category
from delivery.middleware import xkey_header
from events.factories import EventPageFactory
from events.models import EventPage
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


def tags(response) -> set[str]:
    return set(response["xkey"].split())


def type_tag(model) -> str:
    return f"t{ContentType.objects.get_for_model(model).pk}"


def entry(instance) -> str:
    return f"s{ContentType.objects.get_for_model(type(instance)).pk}-{instance.pk}"


def scopes(page) -> set[str]:
    """The scope tags of a page: its path's prefixes below the tree's root, itself included."""
    return {f"a{page.path[:end]}" for end in range(8, len(page.path) + 1, 4)}


@pytest.fixture
def site(site_tree):
    """A category, an image, a project with one article naming it, an upcoming event, and a
    site-wide alert."""
    site_tree.category = CategoryFactory(name="Mobilität")
    site_tree.image = ImageFactory()
    site_tree.project = ProjectPageFactory(parent=site_tree.projects, title="Datenplattform", slug="daten")
    site_tree.article = ArticlePageFactory(
        parent=site_tree.articles,
        slug="radweg",
        category=site_tree.category,
        hero_image=site_tree.image,
        related_projects=[ArticleProjectLink(project=site_tree.project)],
    )
    start = timezone.now() + datetime.timedelta(days=7)
    site_tree.event = EventPageFactory(
        parent=site_tree.events, slug="lesung", start=start, end=start + datetime.timedelta(hours=2)
    )
    site_tree.alert = AlertFactory(title="Sturmwarnung")
    return site_tree


def on_every_page(site) -> set[str]:
    """What every page of the site shows: the start page in the breadcrumbs, the menu (the
    start page's children), the site-wide alerts."""
    return {"all", "alerts", entry(site.alert), f"c{site.home.pk}", f"p{site.home.pk}"}


def test_an_article_names_itself_its_sections_its_category_and_its_image(client, site):
    article = site.article

    assert tags(client.get("/aktuelles/radweg/")) == {
        *on_every_page(site),
        *scopes(article),
        f"p{site.articles.pk}",
        f"p{article.pk}",
        entry(site.category),
        f"i{site.image.pk}",
        f"p{site.project.pk}",  # its related project, as a card
    }


def test_the_news_list_names_its_children_list_and_each_card(client, site):
    assert tags(client.get("/aktuelles/")) == {
        *on_every_page(site),
        *scopes(site.articles),
        f"p{site.articles.pk}",
        f"c{site.articles.pk}",
        f"p{site.article.pk}",
        entry(site.category),
        f"i{site.image.pk}",
    }


def test_the_event_list_names_its_children_list_and_the_upcoming_event(client, site):
    assert tags(client.get("/veranstaltungen/")) == {
        *on_every_page(site),
        *scopes(site.events),
        f"p{site.events.pk}",
        f"c{site.events.pk}",
        f"p{site.event.pk}",
    }


def test_a_project_names_the_list_of_pages_pointing_to_it(client, site):
    assert tags(client.get("/projekte/daten/")) == {
        *on_every_page(site),
        *scopes(site.project),
        f"p{site.projects.pk}",
        f"p{site.project.pk}",
        f"r{site.project.pk}",
        # The article naming the project, as a card.
        f"p{site.article.pk}",
        entry(site.category),
        f"i{site.image.pk}",
    }


def test_the_start_page_names_the_lists_of_the_types_it_teases(client, site):
    assert tags(client.get("/")) == {
        *on_every_page(site),
        *scopes(site.home),
        type_tag(ArticlePage),
        type_tag(EventPage),
        type_tag(ProjectPage),
        # The sections it links, and the cards of the newest article, event and projects.
        *(f"p{page.pk}" for page in (site.articles, site.events, site.projects)),
        *(f"p{page.pk}" for page in (site.article, site.event, site.project)),
        entry(site.category),
        f"i{site.image.pk}",
    }


def test_an_api_detail_names_only_what_it_shows(client, site):
    assert tags(client.get(f"/api/v2/pages/{site.article.pk}/")) == {
        "all",
        f"p{site.article.pk}",
        entry(site.category),
        f"i{site.image.pk}",
        f"p{site.project.pk}",  # its related project, linked
    }


def test_an_api_list_of_one_type_names_the_type(client, site):
    answer = client.get("/api/v2/pages/?type=articles.ArticlePage&fields=*")

    assert tags(answer) == {
        "all",
        type_tag(ArticlePage),
        f"p{site.article.pk}",
        entry(site.category),
        f"i{site.image.pk}",
    }


def test_a_list_of_every_page_type_names_pages_instead_of_each_page(client, site):
    assert tags(client.get("/api/v2/pages/")) == {"all", "pages"}
    assert tags(client.get("/sitemap.xml")) == {"all", "pages"}


def test_a_directory_endpoint_names_its_type_and_entries(client, site):
    assert tags(client.get("/api/v2/categories/")) == {"all", type_tag(Category), entry(site.category)}


def test_the_alerts_endpoint_names_the_alert_lists_and_each_alert(client, site):
    assert tags(client.get("/api/v2/alerts/")) == {"all", type_tag(Alert), entry(site.alert)}


def test_a_page_carries_the_scope_of_every_section_an_alert_can_be_for(client, site):
    section_alert = AlertFactory(title="Baustelle", page=site.events)

    answer = tags(client.get("/veranstaltungen/lesung/"))

    # The alert for the events section shows; an alert for the news section would purge a
    # scope tag this page does not carry.
    assert {entry(section_alert), f"a{site.events.path}", f"a{site.event.path}"} <= answer
    assert f"a{site.articles.path}" not in answer


def test_answers_others_cannot_get_carry_no_tags(admin_client, site):
    assert "xkey" not in admin_client.get("/aktuelles/radweg/")
    assert "xkey" not in admin_client.get(f"/api/v2/pages/{site.article.pk}/")


def test_a_header_too_long_for_varnish_keeps_the_answer_from_shared_caches(client, site, monkeypatch):
    monkeypatch.setattr("delivery.middleware.MAX_XKEY_LENGTH", 20)

    answer = client.get("/aktuelles/radweg/")

    assert "xkey" not in answer
    assert "private" in answer["Cache-Control"]


def test_the_header_lists_each_tag_once_in_order():
    assert xkey_header(["p2", "c1", "p2", "all"]) == "all c1 p2"
    # Whatever purges a page purges `pages`: the page tags add nothing to a mixed list.
    assert xkey_header(["pages", "p1", "p2", "i3"]) == "all i3 pages"


def test_collections_nest_and_record_does_nothing_outside_one():
    cachetags.record("p1")
    with cachetags.collect() as outer:
        cachetags.record("p2")
        with cachetags.collect() as fragment:
            cachetags.record("i3")
        cachetags.record("c4")

    assert fragment == {"i3"}
    assert outer == {"p2", "i3", "c4"}


def test_an_info_screen_names_itself_the_news_and_event_lists_and_the_alerts(client, site):
    screen = InfoScreenFactory(slug="rathaus")

    answer = tags(client.get("/infoscreen/rathaus/"))

    assert {entry(screen), type_tag(ArticlePage), type_tag(EventPage), "alerts", entry(site.alert)} <= answer
