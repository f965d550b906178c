"""Settings are read from the environment in one place and refuse unsafe setups."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.env import env_bool, env_list

BASE_DIR = Path(__file__).resolve().parents[2]


def environment_without_deployment_settings() -> dict[str, str]:
    """This process's environment minus what a deployment sets, so a settings module
    sees only the variables a test passes."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "AWS_")) and key != "DATABASE_URL"
    }


def import_settings(module, **env):
    """Import a settings module in a fresh interpreter with exactly the given variables."""
    clean_env = environment_without_deployment_settings()
    return subprocess.run(
        [sys.executable, "-c", f"import {module} as s; print(s.DEBUG, s.LANGUAGE_CODE, s.TIME_ZONE)"],
        cwd=BASE_DIR,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = import_settings("cms.settings.production")

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key_and_debug_off():
    result = import_settings("cms.settings.production", DJANGO_SECRET_KEY="x" * 50)

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "de", "Europe/Berlin"]


def test_the_tests_refuse_to_run_on_sqlite():
    result = import_settings("cms.settings.test", DATABASE_URL="sqlite:////tmp/not-here.sqlite3")

    assert result.returncode != 0
    assert "The tests run on PostgreSQL" in result.stderr


def test_it_rejects_a_boolean_it_cannot_read(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG must be a boolean"):
        env_bool("DJANGO_DEBUG")


def test_it_reads_a_comma_separated_list(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", " cms.example.org, www.example.org ,")
    assert env_list("DJANGO_ALLOWED_HOSTS") == ["cms.example.org", "www.example.org"]


def test_media_go_to_s3_when_a_bucket_is_named():
    result = subprocess.run(
        [sys.executable, "-c", "import cms.settings.dev as s; print(s.STORAGES['default']['BACKEND'])"],
        cwd=BASE_DIR,
        env={**os.environ, "AWS_STORAGE_BUCKET_NAME": "cms-media", "CMS_VAR_DIR": "/tmp/cms-settings-test"},
        capture_output=True,
        text=True,
    )

    assert result.stdout.strip() == "media.storage.S3MediaStorage"


def test_production_passes_the_deployment_checks_with_the_documented_variables():
    clean_env = environment_without_deployment_settings()
    env = {
        **clean_env,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": "k" * 20 + "-production-like-secret-" + "z" * 30,
        "DJANGO_ALLOWED_HOSTS": "smartcity.example.org",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://smartcity.example.org",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_redis_holds_the_cache_and_the_renditions_cache_when_configured():
    code = (
        "import cms.settings.dev as s; "
        "print(s.CACHES['default']['BACKEND'], s.CACHES['renditions']['LOCATION'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/3", "CMS_VAR_DIR": "/tmp/cms-settings-test"},
        capture_output=True,
        text=True,
    )

    expected = ["delivery.cache.FailSoftRedisCache", "redis://127.0.0.1:6379/3"]
    assert result.stdout.split() == expected, result.stderr


def read_production_setting(expression, **env):
    clean_env = environment_without_deployment_settings()
    clean_env.pop("TASKS_BACKEND", None)
    return subprocess.run(
        [sys.executable, "-c", f"import cms.settings.production as s; print({expression})"],
        cwd=BASE_DIR,
        env={**clean_env, "DJANGO_SECRET_KEY": "x" * 50, **env},
        capture_output=True,
        text=True,
    )


def test_production_reuses_database_connections_and_checks_them_first():
    result = read_production_setting(
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['CONN_MAX_AGE'], "
        "s.DATABASES['default']['CONN_HEALTH_CHECKS']",
        DATABASE_URL="postgres://cms:secret@db:5432/cms",
        DATABASE_CONN_MAX_AGE="60",
    )

    assert result.stdout.split() == ["django.db.backends.postgresql", "60", "True"], result.stderr


def test_production_keeps_connections_for_a_minute_by_default():
    result = read_production_setting(
        "s.DATABASES['default']['CONN_MAX_AGE']", DATABASE_URL="postgres://cms:secret@db:5432/cms"
    )

    assert result.stdout.strip() == "60", result.stderr


def test_production_queues_tasks_for_the_worker():
    result = read_production_setting("s.TASKS['default']['BACKEND']")

    assert result.stdout.strip() == "django_tasks_db.DatabaseBackend", result.stderr


def test_an_unknown_task_backend_is_refused_by_name():
    result = read_production_setting("s.TASKS", TASKS_BACKEND="celery")

    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of database, immediate, not 'celery'" in result.stderr


def test_production_sends_e_mail_through_the_configured_server_and_sender():
    result = read_production_setting(
        "s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, s.EMAIL_TIMEOUT, s.DEFAULT_FROM_EMAIL",
        EMAIL_HOST="mail.example.org",
        EMAIL_PORT="587",
        EMAIL_USE_TLS="true",
        DJANGO_DEFAULT_FROM_EMAIL="redaktion@example.org",
    )

    assert result.stdout.split() == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        "587",
        "True",
        "10",
        "redaktion@example.org",
    ], result.stderr
