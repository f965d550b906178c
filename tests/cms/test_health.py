"""/healthz tells a load balancer whether this process can serve, checking the real
database, cache and media storage."""

import pytest

pytestmark = pytest.mark.django_db

CLOSED_REDIS = {
    "default": {
        "BACKEND": "cms.cache.FailSoftRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2},
    }
}


def test_all_parts_answer(client, settings):
    settings.CACHES = {
        "default": {"BACKEND": "cms.cache.FailSoftRedisCache", "LOCATION": "redis://127.0.0.1:6379/12"}
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


def test_without_the_cache_the_site_is_degraded_but_serving(client, settings):
    settings.CACHES = CLOSED_REDIS
    settings.MEDIA_ROOT.mkdir(parents=True, exist_ok=True)

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"]["ok"] is False


def test_without_writable_media_storage_the_process_is_unhealthy(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "not-there"

    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert "not-there" in body["checks"]["storage"]["error"]


def test_only_get_is_answered(client):
    assert client.post("/healthz").status_code == 405
