"""A page password opens a page to the visitor who entered it, and to nobody else.

The API response cache and shared caches keep only answers computed for a truly anonymous
request. A visitor who entered a page's password, and a signed-in editor, get answers of
their own: computed fresh, never stored, and marked `Cache-Control: private, no-store`.
These tests use Redis, the response cache of production.
"""

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

REDIS_TEST_URL = "redis://127.0.0.1:6379/12"
SECRET = "Geheimsache"
PASSWORD = "geheim"


@pytest.fixture
def redis_response_cache(settings):
    settings.API_RESPONSE_CACHE = True
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "delivery.cache.FailSoftRedisCache", "LOCATION": REDIS_TEST_URL},
    }
    caches["default"].clear()
    yield
    caches["default"].clear()


@pytest.fixture
def protected(site_tree):
    article = ArticlePageFactory(
        parent=site_tree.articles,
        title=f"{SECRET} im Stadtrat",
        slug="stadtrat",
        teaser=f"{SECRET}: Anreißer",
    )
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return article, restriction


@pytest.fixture
def insider(protected):
    """A visitor who has entered the article's password on the website."""
    article, restriction = protected
    insider = Client()
    response = insider.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, article.pk]),
        {"password": PASSWORD, "return_url": article.url},
    )
    assert response.status_code == 302
    assert SECRET in insider.get(article.url).content.decode()
    return insider


def api_reads(article):
    """Every way the API can give the protected article away."""
    return [
        f"/api/v2/pages/{article.pk}/",
        "/api/v2/pages/?type=articles.ArticlePage&fields=*",
        "/api/v2/pages/",
        f"/api/v2/pages/?search={SECRET}",
        "/api/v2/pages/find/?html_path=/aktuelles/stadtrat/",
    ]


def test_a_password_entered_by_one_visitor_opens_the_api_to_nobody_else(
    client, protected, insider, redis_response_cache
):
    article, _ = protected

    for url in api_reads(article):
        # The insider reads first, so a shared cache would now hold the protected answer.
        insider_answer = insider.get(url, follow=True)
        assert SECRET in insider_answer.content.decode(), url

        anonymous = client.get(url, follow=True)

        assert SECRET not in anonymous.content.decode(), url


def test_answers_for_a_session_with_a_page_password_are_private(protected, insider, redis_response_cache):
    article, _ = protected

    for url in api_reads(article):
        response = insider.get(url)
        assert response["Cache-Control"] == "private, no-store", url


def test_answers_for_a_session_with_a_page_password_are_never_served_from_the_cache(
    protected, insider, redis_response_cache, django_assert_max_num_queries
):
    article, _ = protected
    url = f"/api/v2/pages/{article.pk}/"
    insider.get(url)

    with django_assert_max_num_queries(100) as captured:
        insider.get(url)

    assert len(captured) > 2


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/", "/api/v2/pages/?type=articles.ArticlePage&fields=*", "/api/v2/images/"]
)
def test_a_signed_in_editors_answers_are_private(editor_client, protected, url):
    response = editor_client.get(url)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_signed_in_editors_errors_are_private_too(editor_client, protected):
    response = editor_client.get("/api/v2/pages/?nonsense=1")

    assert response.status_code == 400
    assert response["Cache-Control"] == "private, no-store"


def test_an_anonymous_visitor_with_a_session_but_no_password_shares_the_public_answer(
    client, protected, redis_response_cache
):
    # A session alone (a visit to a password form, say) opens nothing, so the answer is
    # the public one and may be cached.
    client.get(protected[0].url)
    client.cookies["sessionid"] = "an-unknown-session"

    response = client.get("/api/v2/pages/")

    assert response["Cache-Control"].startswith("public")
    assert SECRET not in response.content.decode()
