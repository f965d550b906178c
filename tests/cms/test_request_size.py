"""Request bodies larger than the largest upload are refused from their Content-Length,
before a byte of them is read (cms.middleware); tests/deploy/test_upload_limits.py sends
one to gunicorn."""

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

pytestmark = pytest.mark.django_db

MEGABYTE = 1024 * 1024


class UnreadableBody:
    """A request body that fails the test when anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def post_declaring(client, path: str, declared: int):
    return client.post(path, CONTENT_LENGTH=str(declared), **{"wsgi.input": UnreadableBody()})


def test_the_limit_is_the_largest_upload_plus_the_other_fields_of_a_form():
    largest_upload = max(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
    limit = settings.MAX_REQUEST_BODY_SIZE

    assert limit == largest_upload + settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_it_refuses_a_large_post_to_the_login_page_in_german_without_reading_it(client):
    response = post_declaring(client, "/admin/login/", 200 * MEGABYTE)

    assert response.status_code == 413
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "Anfrage zu groß"
    assert "Die gesendeten Daten sind zu groß (200 MB) und wurden nicht angenommen." in page.get_text()
    assert "Bilder dürfen höchstens 20 MB groß sein" in page.get_text()


def test_it_answers_api_clients_in_json(client):
    response = post_declaring(client, "/api/v2/pages/", 200 * MEGABYTE)

    assert response.status_code == 413
    limit = settings.MAX_REQUEST_BODY_SIZE
    assert response.json() == {
        "message": f"request body too large: {200 * MEGABYTE} bytes, at most {limit} are accepted"
    }


def test_a_body_within_the_limit_reaches_the_view(client):
    response = client.post("/admin/login/", {"username": "niemand", "password": "falsch"})

    assert response.status_code == 200
    assert response.context["form"].errors
