"""A failure of the API itself answers JSON with a request id, never Django's HTML error page
or the exception's text, and the traceback with the same id reaches the log: in-process
here, and on stderr with the production settings."""

import json
import logging
import subprocess
import sys

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.views import BaseAPIViewSet

from api.errors import APIServerErrorMiddleware
from delivery import content_version
from home.models import HomePage
from tests.deploy.compose import PROJECT_DIR
from tests.deploy.processes import production_environment
from tests.s3 import free_port

pytestmark = pytest.mark.django_db

ENDPOINTS = ["pages", "images", "documents", "categories", "themes", "venues", "organisations"]
# What an exception's text may hold and an answer must never show.
SECRET = "postgres://cms:geheim@db.intern:5432/cms"


def fail(*args, **kwargs):
    raise RuntimeError(f"could not connect to {SECRET}")


def assert_json_server_error(response) -> str:
    """The request id of a JSON 500 that gives nothing away."""
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert set(body) == {"message", "request_id"}
    assert len(body["request_id"]) == 32
    assert response["X-Request-ID"] == body["request_id"]
    text = response.content.decode()
    assert SECRET not in text and "Traceback" not in text and "RuntimeError" not in text
    return body["request_id"]


def logged_error(caplog, request_id) -> logging.LogRecord:
    [record] = [record for record in caplog.records if request_id in record.getMessage()]
    assert record.name == "django.request"
    assert record.levelno == logging.ERROR
    return record


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_list_that_fails_answers_json_with_a_request_id(client, site_tree, monkeypatch, caplog, endpoint):
    monkeypatch.setattr(WagtailPagination, "paginate_queryset", fail)

    response = client.get(f"/api/v2/{endpoint}/")

    request_id = assert_json_server_error(response)
    assert "public" not in response.get("Cache-Control", "")
    record = logged_error(caplog, request_id)
    assert record.exc_info[0] is RuntimeError
    assert SECRET in caplog.text and "Traceback" in caplog.text


def test_a_detail_that_fails_answers_json_with_a_request_id(client, site_tree, monkeypatch, caplog):
    monkeypatch.setattr(BaseAPIViewSet, "detail_view", fail)

    response = client.get(f"/api/v2/pages/{site_tree.home.pk}/")

    logged_error(caplog, assert_json_server_error(response))


def test_each_failure_gets_its_own_request_id(client, site_tree, monkeypatch):
    monkeypatch.setattr(BaseAPIViewSet, "detail_view", fail)

    first, second = (client.get(f"/api/v2/pages/{site_tree.home.pk}/") for _ in range(2))

    assert assert_json_server_error(first) != assert_json_server_error(second)


def test_a_middleware_that_fails_under_the_api_answers_json_too(client, site_tree, monkeypatch, caplog):
    # The response cache asks for the content version before any view runs, so a database
    # outage shows up there first.
    monkeypatch.setattr(content_version, "current", fail)
    client.raise_request_exception = False

    response = client.get("/api/v2/pages/")

    logged_error(caplog, assert_json_server_error(response))
    assert SECRET in caplog.text


def test_the_website_keeps_its_html_error_page(client, site_tree, monkeypatch):
    monkeypatch.setattr(HomePage, "serve", fail)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert "Technischer Fehler" in response.content.decode()


def test_errors_django_answers_itself_are_left_to_it():
    request = RequestFactory().get("/api/v2/pages/")

    assert APIServerErrorMiddleware(lambda request: None).process_exception(request, Http404()) is None


# Production: the request id and the traceback on stderr, where the container log collects them

SCRIPT = """
import json
import django
from django.test import Client

django.setup()
response = Client(raise_request_exception=False).get("/api/v2/pages/", secure=True, HTTP_HOST="localhost")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""


def test_production_logs_a_failed_api_request_with_its_traceback_to_stderr():
    """A real failure with the production settings: the database is down (a closed port)."""
    closed = free_port()
    environment = production_environment(DATABASE_URL=f"postgres://cms:geheim@127.0.0.1:{closed}/cms")

    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=PROJECT_DIR, env=environment, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["status"] == 500
    assert str(closed) not in result.stdout and "geheim" not in result.stdout
    request_id = answer["body"]["request_id"]
    log = result.stderr
    assert f"ERROR django.request: Internal Server Error: /api/v2/pages/ (request id {request_id})" in log
    assert "Traceback (most recent call last)" in log
    assert "OperationalError" in log and str(closed) in log
