"""/healthz tells a load balancer whether this process can serve, checking the real
database, cache and media storage. The address is public: the answer holds statuses and
timings only, and why a check failed goes to the log."""

import logging

import pytest
from django.db import connections

from cms import health
from tests.s3 import BUCKET, CREDENTIALS, free_port, use_s3_storage

pytestmark = pytest.mark.django_db

CLOSED_REDIS = {
    "default": {
        "BACKEND": "delivery.cache.FailSoftRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2},
    }
}


def test_all_parts_answer(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "delivery.cache.FailSoftRedisCache", "LOCATION": "redis://127.0.0.1:6379/12"}
    }
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["ok"] for name, check in body["checks"].items()} == {
        "database": True,
        "storage": True,
        "cache": True,
    }
    assert all(check["ms"] >= 0 for check in body["checks"].values())
    assert "no-cache" in response["Cache-Control"]


def test_a_probe_may_ask_by_the_container_address_which_the_site_refuses_elsewhere(client, settings):
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)

    # Varnish's probes and load balancers ask http://<container address>:8000/healthz.
    probe = client.get("/healthz", HTTP_HOST="172.31.240.5:8000")

    assert probe.status_code == 200
    assert probe.json()["checks"]["database"]["ok"] is True
    assert client.get("/", HTTP_HOST="172.31.240.5:8000").status_code == 400


def test_it_answers_get_only(client):
    assert client.post("/healthz").status_code == 405


def test_without_the_cache_the_site_is_degraded_but_serving(client, settings):
    settings.CACHES = CLOSED_REDIS
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"]["ok"] is False


def test_without_writable_media_storage_the_site_is_degraded_but_serving(client, settings, tmp_path, caplog):
    settings.MEDIA_ROOT = tmp_path / "not-there"

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["storage"]["ok"] is False
    assert "not-there" not in response.content.decode()
    assert "not-there" in caplog.text


def test_without_s3_the_site_is_degraded_and_the_answer_names_no_endpoint(
    client, settings, monkeypatch, caplog
):
    for name, value in CREDENTIALS.items():
        monkeypatch.setenv(name, value)
    closed = free_port()
    settings.AWS_STORAGE_BUCKET_NAME = BUCKET
    settings.AWS_S3_ENDPOINT_URL = f"http://127.0.0.1:{closed}"
    use_s3_storage(settings)

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["checks"]["storage"]["ok"] is False
    assert set(body["checks"]["storage"]) == {"ok", "ms"}
    text = response.content.decode()
    assert "127.0.0.1" not in text and str(closed) not in text and BUCKET not in text
    [record] = [record for record in caplog.records if record.name == "cms.health"]
    assert record.levelno == logging.WARNING
    assert f"127.0.0.1:{closed}" in caplog.text and "EndpointConnectionError" in caplog.text


def test_without_the_database_the_process_is_unhealthy_and_the_answer_names_no_server(
    client, settings, monkeypatch, caplog
):
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)
    closed = free_port()
    database = connections["default"]
    unreachable = type(database)(
        {**database.settings_dict, "HOST": "127.0.0.1", "PORT": str(closed), "PASSWORD": "geheim"}
    )
    monkeypatch.setattr(health, "connection", unreachable)

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["database"]["ok"] is False
    text = response.content.decode()
    assert "127.0.0.1" not in text and str(closed) not in text and "geheim" not in text
    [record] = [record for record in caplog.records if record.name == "cms.health"]
    assert record.levelno == logging.ERROR
    assert f'"127.0.0.1", port {closed} failed' in caplog.text


def test_only_get_is_answered(client):
    assert client.post("/healthz").status_code == 405
