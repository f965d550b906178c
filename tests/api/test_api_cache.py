"""Last-Modified on every API answer, and the response cache that publishing invalidates.

The response cache is off in the test settings so that other tests measure real work;
these tests switch it on, with the in-memory cache and with a real Redis. Its entries are
invalidated once a change is committed; the tests run the changes' on-commit work
(`committed`), as a real commit would.
"""

import datetime

import pytest
from django.core.cache import caches
from django.utils.http import http_date, parse_http_date
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory
from core.factories import CategoryFactory
from delivery import content_version
from media.factories import ImageFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v2/pages/?type=articles.ArticlePage&fields=*"
REDIS_TEST_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
def response_cache(settings):
    settings.API_RESPONSE_CACHE = True
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def article(site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, title="Sensoren am Döppersberg")
    article.save_revision().publish()
    return article


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs the on-commit work of what is done inside, as committing it would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def titles(client):
    return [item["title"] for item in client.get(LIST_URL).json()["items"]]


def last_modified(response) -> datetime.datetime:
    return datetime.datetime.fromtimestamp(parse_http_date(response["Last-Modified"]), datetime.UTC)


@pytest.mark.parametrize(
    "url",
    [LIST_URL, "/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"],
)
def test_every_api_answer_says_when_content_last_changed(client, article, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Last-Modified"] == http_date(content_version.current().changed_at.timestamp())


def test_a_detail_carries_last_modified_too(client, article):
    response = client.get(f"/api/v2/pages/{article.pk}/")

    assert response.status_code == 200
    assert response["Last-Modified"] == http_date(content_version.current().changed_at.timestamp())


def test_a_client_that_only_knows_the_date_gets_a_304(client, article):
    stamp = client.get(LIST_URL)["Last-Modified"]

    response = client.get(LIST_URL, headers={"if-modified-since": stamp})

    assert response.status_code == 304


def test_publishing_moves_last_modified_forward(client, article, site_tree):
    before = content_version.current()
    ArticlePageFactory(parent=site_tree.articles).save_revision().publish()

    after = content_version.current()
    assert after.number > before.number
    assert after.changed_at >= before.changed_at


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda page: page.unpublish(), id="unpublish"),
        pytest.param(lambda page: page.delete(), id="delete"),
        pytest.param(lambda page: page.move(page.get_parent().get_parent(), pos="last-child"), id="move"),
    ],
)
def test_taking_a_page_away_or_moving_it_counts_as_a_change(article, change):
    before = content_version.current().number

    change(article)

    assert content_version.current().number > before


def test_saving_a_draft_changes_nothing_anyone_can_see(article):
    before = content_version.current().number
    article.title = "Entwurf"
    article.save_revision()

    assert content_version.current().number == before


def test_editing_an_image_or_a_snippet_counts_as_a_change(article):
    before = content_version.current().number
    image = ImageFactory()
    category = CategoryFactory()
    category.name = "Umbenannt"
    category.save()

    assert content_version.current().number >= before + 3
    image.delete()


def test_a_repeated_anonymous_read_is_served_from_the_cache(
    client, article, response_cache, django_assert_num_queries
):
    first = client.get(LIST_URL)

    with django_assert_num_queries(1):  # only the content version
        second = client.get(LIST_URL)

    assert second.content == first.content
    assert second["Content-Type"] == "application/json"
    assert second["Last-Modified"] == first["Last-Modified"]


def test_publishing_makes_a_cached_list_current_at_once(
    client, article, response_cache, site_tree, committed
):
    assert titles(client) == ["Sensoren am Döppersberg"]

    with committed():
        new = ArticlePageFactory(parent=site_tree.articles, title="Neuer Radweg", live=False)
    assert titles(client) == ["Sensoren am Döppersberg"]
    with committed():
        new.save_revision().publish()
    assert sorted(titles(client)) == ["Neuer Radweg", "Sensoren am Döppersberg"]

    new.refresh_from_db()
    with committed():
        new.unpublish()
    assert titles(client) == ["Sensoren am Döppersberg"]


def test_an_edited_image_shows_in_a_cached_detail_at_once(client, site_tree, response_cache, committed):
    image = ImageFactory(description="Alter Alternativtext")
    article = ArticlePageFactory(parent=site_tree.articles, hero_image=image)
    article.save_revision().publish()
    url = f"/api/v2/pages/{article.pk}/"
    assert client.get(url).json()["hero_image"]["alt"] == "Alter Alternativtext"

    image.description = "Neuer Alternativtext"
    with committed():
        image.save()

    assert client.get(url).json()["hero_image"]["alt"] == "Neuer Alternativtext"


def test_restricting_a_page_takes_it_out_of_a_cached_list_at_once(client, article, response_cache, committed):
    assert titles(client) == ["Sensoren am Döppersberg"]

    with committed():
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
    assert titles(client) == []

    with committed():
        restriction.delete()
    assert titles(client) == ["Sensoren am Döppersberg"]


def test_signed_in_editors_are_never_served_from_the_cache(
    editor_client, article, response_cache, django_assert_max_num_queries
):
    editor_client.get(LIST_URL)

    with django_assert_max_num_queries(100) as captured:
        editor_client.get(LIST_URL)

    assert len(captured) > 1


def test_errors_are_not_cached(client, article, response_cache, django_assert_max_num_queries):
    client.get("/api/v2/pages/?nonsense=1")

    with django_assert_max_num_queries(100) as captured:
        response = client.get("/api/v2/pages/?nonsense=1")

    assert response.status_code == 400
    assert len(captured) > 1


def test_the_cache_works_in_redis(client, article, settings, site_tree, django_assert_num_queries, committed):
    settings.API_RESPONSE_CACHE = True
    settings.CACHES = {
        "default": {"BACKEND": "delivery.cache.FailSoftRedisCache", "LOCATION": REDIS_TEST_URL}
    }
    caches["default"].clear()
    first = client.get(LIST_URL)

    with django_assert_num_queries(1):
        assert client.get(LIST_URL).content == first.content
    with committed():
        ArticlePageFactory(parent=site_tree.articles, title="Neu").save_revision().publish()
    assert len(client.get(LIST_URL).json()["items"]) == 2
    caches["default"].clear()


def test_a_cache_that_is_gone_costs_speed_not_answers(client, article, settings):
    settings.API_RESPONSE_CACHE = True
    # Nothing listens on port 1: every cache call fails.
    settings.CACHES = {
        "default": {
            "BACKEND": "delivery.cache.FailSoftRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }

    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert [item["title"] for item in response.json()["items"]] == ["Sensoren am Döppersberg"]


def test_a_cached_detail_outlives_changes_to_other_pages(
    client, article, response_cache, site_tree, committed, django_assert_num_queries
):
    url = f"/api/v2/pages/{article.pk}/"
    client.get(url)

    with committed():
        ArticlePageFactory(parent=site_tree.articles, title="Neuer Radweg").save_revision().publish()
        CategoryFactory(name="Verkehr")

    with django_assert_num_queries(1):  # only the content version, for Last-Modified
        assert client.get(url).json()["title"] == "Sensoren am Döppersberg"
    # The list shows the new article at once.
    assert "Neuer Radweg" in titles(client)


def test_a_cached_detail_dies_with_its_page(client, article, response_cache, committed):
    url = f"/api/v2/pages/{article.pk}/"
    client.get(url)

    article.title = "Sensoren an der Nordbahntrasse"
    with committed():
        article.save_revision().publish()

    assert client.get(url).json()["title"] == "Sensoren an der Nordbahntrasse"
