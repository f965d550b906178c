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
