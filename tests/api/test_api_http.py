"""HTTP for API clients: ETags and 304s, cache lifetimes, and CORS for other sites' front ends."""

import pytest

from articles.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v2/pages/?type=articles.ArticlePage&fields=*"


@pytest.fixture(autouse=True)
def articles(site_tree):
    return ArticlePageFactory.create_batch(2, parent=site_tree.articles)


def test_every_answer_carries_an_etag_and_a_cache_lifetime(client, settings):
    settings.API_CACHE_MAX_AGE = 120
    response = client.get(LIST_URL)

    assert response.status_code == 200
    assert response["ETag"]
    assert "max-age=120" in response["Cache-Control"]
    assert "public" in response["Cache-Control"]


def test_a_client_with_the_current_etag_gets_a_304_without_a_body(client):
    etag = client.get(LIST_URL)["ETag"]

    response = client.get(LIST_URL, headers={"if-none-match": etag})

    assert response.status_code == 304
    assert response.content == b""


def test_a_changed_list_gets_a_new_etag(client, site_tree):
    etag = client.get(LIST_URL)["ETag"]
    # Published as editors publish: the list's count and anchors follow the content version
    # (api.pagination), which a publish moves on.
    ArticlePageFactory(parent=site_tree.articles, title="Neu", live=False).save_revision().publish()

    response = client.get(LIST_URL, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag


def test_errors_are_not_marked_cacheable(client):
    response = client.get("/api/v2/pages/?nonsense=1")

    assert response.status_code == 400
    assert "public" not in response.get("Cache-Control", "")


def test_an_allowed_origin_may_read_the_api_from_the_browser(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]

    response = client.get(LIST_URL, headers={"origin": "https://app.example.org"})

    assert response["Access-Control-Allow-Origin"] == "https://app.example.org"


def test_another_origin_gets_no_cors_permission(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]

    response = client.get(LIST_URL, headers={"origin": "https://evil.example.com"})

    assert "Access-Control-Allow-Origin" not in response


def test_a_preflight_allows_reading_only(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]

    response = client.options(
        LIST_URL,
        headers={"origin": "https://app.example.org", "access-control-request-method": "GET"},
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_pages_outside_the_api_get_no_cors_headers(client, settings, site_tree):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]

    response = client.get(site_tree.home.url, headers={"origin": "https://app.example.org"})

    assert "Access-Control-Allow-Origin" not in response


def test_a_browser_app_may_read_the_validators_and_revalidate(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]

    answer = client.get(LIST_URL, headers={"origin": "https://app.example.org"})
    preflight = client.options(
        LIST_URL,
        headers={
            "origin": "https://app.example.org",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match, if-modified-since",
        },
    )

    exposed = {name.strip().lower() for name in answer["Access-Control-Expose-Headers"].split(",")}
    assert {"etag", "last-modified", "x-request-id"} <= exposed
    allowed = {name.strip().lower() for name in preflight["Access-Control-Allow-Headers"].split(",")}
    assert {"if-none-match", "if-modified-since"} <= allowed
    revalidated = client.get(
        LIST_URL, headers={"origin": "https://app.example.org", "if-none-match": answer["ETag"]}
    )
    assert revalidated.status_code == 304
    assert revalidated["Access-Control-Allow-Origin"] == "https://app.example.org"
