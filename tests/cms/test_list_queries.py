"""Lists cost the same number of queries however many cards they show."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticlePageFactory
from core.factories import CategoryFactory
from events.factories import EventPageFactory, VenueFactory
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory

pytestmark = pytest.mark.django_db

FUTURE = datetime.datetime(2099, 1, 1, 10, 0, tzinfo=datetime.UTC)


def queries_to_render(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_articles(site_tree, count):
    category = CategoryFactory(name="Pressemitteilung")
    for _ in range(count):
        ArticlePageFactory(parent=site_tree.articles, category=category, hero_image=ImageFactory())


def add_events(site_tree, count):
    venue = VenueFactory()
    for _ in range(count):
        EventPageFactory(parent=site_tree.events, venue=venue, hero_image=ImageFactory(), start=FUTURE)


def add_projects(site_tree, count):
    for _ in range(count):
        ProjectPageFactory(parent=site_tree.projects, hero_image=ImageFactory())


@pytest.mark.parametrize(
    ("add", "section"),
    [(add_articles, "articles"), (add_events, "events"), (add_projects, "projects")],
)
def test_an_index_page_costs_the_same_queries_for_two_or_eight_cards(client, site_tree, add, section):
    url = getattr(site_tree, section).url
    add(site_tree, 2)
    client.get(url)  # renditions are created on the first view; count the steady state
    with_two = queries_to_render(client, url)

    add(site_tree, 6)
    client.get(url)
    with_eight = queries_to_render(client, url)

    assert with_eight == with_two


def test_the_home_page_costs_the_same_queries_for_one_or_three_cards_per_list(client, site_tree):
    add_articles(site_tree, 1)
    client.get("/")
    with_one = queries_to_render(client, "/")

    for _ in range(2):
        ArticlePageFactory(parent=site_tree.articles, hero_image=ImageFactory())
    client.get("/")
    with_three = queries_to_render(client, "/")

    assert with_three == with_one
