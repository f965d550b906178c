import pytest

from articles.factories import ArticlePageFactory


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_each_endpoint_answers_with_a_json_list(client, site_tree, endpoint):
    response = client.get(f"/api/v2/{endpoint}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"meta", "items"}


def test_the_pages_list_counts_the_published_pages(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Digitale Bürgerdienste")

    body = client.get("/api/v2/pages/", {"type": "articles.ArticlePage"}).json()

    assert body["meta"]["total_count"] == 1
    assert body["items"][0]["title"] == "Digitale Bürgerdienste"


def test_it_rejects_an_unknown_query_parameter_with_a_json_message(client, site_tree):
    response = client.get("/api/v2/pages/", {"nonsense": "1"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "nonsense" in response.json()["message"]


def test_the_index_names_every_endpoint_the_description_and_the_docs(client, site_tree):
    response = client.get("/api/v2/")

    assert response.status_code == 200
    index = response.json()
    assert set(index["endpoints"]) == {
        "pages",
        "images",
        "documents",
        "categories",
        "themes",
        "organisations",
        "venues",
        "occurrences",
        "alerts",
    }
    assert index["endpoints"]["pages"] == "http://localhost/api/v2/pages/"
    assert index["openapi"] == "http://localhost/api/v2/openapi.json"
    assert index["docs"] == "http://localhost/api/v2/docs/"
    for url in [*index["endpoints"].values(), index["openapi"]]:
        assert client.get(url).status_code == 200, url


def test_a_list_links_its_next_and_previous_slices(client, site_tree):
    for number in range(5):
        ArticlePageFactory(parent=site_tree.articles, title=f"Nachricht {number}")
    first = client.get(
        "/api/v2/pages/", {"type": "articles.ArticlePage", "limit": 2, "order": "title"}
    ).json()

    second = client.get(first["meta"]["next"]).json()
    third = client.get(second["meta"]["next"]).json()

    assert first["meta"]["previous"] is None
    assert first["meta"]["next"] == (
        "http://localhost/api/v2/pages/?limit=2&offset=2&order=title&type=articles.ArticlePage"
    )
    assert [item["title"] for item in second["items"]] == ["Nachricht 2", "Nachricht 3"]
    assert [item["title"] for item in third["items"]] == ["Nachricht 4"]
    assert third["meta"]["next"] is None
    assert client.get(third["meta"]["previous"]).json()["items"] == second["items"]


def test_a_list_that_fits_in_one_slice_has_no_neighbours(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles)

    meta = client.get("/api/v2/pages/", {"type": "articles.ArticlePage"}).json()["meta"]

    assert meta == {"total_count": 1, "next": None, "previous": None}
