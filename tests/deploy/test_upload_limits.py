"""Uploads against a real web process: gunicorn started as docker-compose.yml starts it
(deploy/start-web.sh, production settings), on the test database and local media.

An editor's 14,000 × 14,000 PNG of 600 KB (196 million pixels, 588 MB decoded) is refused
within two seconds while the worker process stays under 300 MB at its peak, and a request
that announces a body of 200 MB is refused before it is sent.
"""

import http.client
import json
import re
import socket
import time
from pathlib import Path

import pytest
import requests
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection
from django.test import override_settings
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.signin.two_factor import APP_DEVICE_NAME
from tests.database import restore_database
from tests.deploy.processes import production_environment, web_process
from tests.media.images import one_colour_png

pytestmark = pytest.mark.django_db

SECRET_KEY = "upload-limits-test-" + "s" * 40
CSRF_TOKEN = "c" * 32  # an unmasked token: cookie and header carry the same one
MEGABYTE = 1024 * 1024


@pytest.fixture(scope="module")
def editor_session(django_db_setup, django_db_blocker):
    """An administrator signed in with both factors (production requires the second of
    superusers), as the session the web process reads (signed with its secret key); the
    database is restored when the module is done."""
    with django_db_blocker.unblock():
        pristine = connection.creation.serialize_db_to_string()
        try:
            user = get_user_model().objects.create_superuser(
                username="zentrale", email="zentrale@example.org", password="Sehr-geheim-2024"
            )
            device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=True)
            with override_settings(SECRET_KEY=SECRET_KEY):
                session = SessionStore()
                session[DEVICE_ID_SESSION_KEY] = device.persistent_id
                session[SESSION_KEY] = str(user.pk)
                session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
                session[HASH_SESSION_KEY] = user.get_session_auth_hash()
                session.save()
            yield session.session_key
        finally:
            restore_database(pristine)


@pytest.fixture(scope="module")
def var_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("cms-var")


@pytest.fixture(scope="module")
def server(editor_session, var_dir, tmp_path_factory):
    """One web container's process with one gunicorn worker; always stopped."""
    environment = production_environment(
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        CMS_VAR_DIR=str(var_dir),
        WEB_CONCURRENCY="1",
    )
    with web_process(environment, tmp_path_factory.mktemp("web-log") / "web.log") as web:
        yield web.url, web.pid


def worker_pid(master_pid: int) -> int:
    """The one gunicorn worker: the child process of the master (start-web.sh execs it)."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    assert len(children) == 1, children
    return int(children[0])


def peak_memory_mb(pid: int) -> float:
    """The most memory the process has held at any moment (VmHWM, its resident peak)."""
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)[1]) / 1024


def test_an_editor_s_huge_png_is_refused_in_seconds_and_the_worker_stays_small(
    server, editor_session, var_dir
):
    url, master_pid = server
    png = one_colour_png(14_000, 14_000)
    cookies = {"sessionid": editor_session, "csrftoken": CSRF_TOKEN}

    started = time.monotonic()
    answer = requests.post(
        f"{url}/admin/images/multiple/add/",
        files={"files[]": ("stadtplan.png", png, "image/png")},
        cookies=cookies,
        headers={"X-CSRFToken": CSRF_TOKEN, "Referer": f"{url}/admin/images/multiple/add/"},
        timeout=30,
    )
    elapsed = time.monotonic() - started

    assert answer.status_code == 200, answer.text[:2000]
    assert answer.json()["success"] is False
    assert answer.json()["error_message"].startswith("Das Bild ist zu groß: 14.000 × 14.000 Pixel")
    assert elapsed < 2
    assert peak_memory_mb(worker_pid(master_pid)) < 300
    assert [path for path in (var_dir / "media").rglob("*") if path.is_file()] == []


def post_declaring(url: str, path: str, declared: int) -> tuple[http.client.HTTPResponse, bytes, float]:
    """Sends the headers of a POST whose body is `declared` bytes long and the first 64 KB of
    it, then reads the answer; returns it, its body and the seconds it took."""
    port = int(url.rsplit(":", 1)[1])
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conversation:
        conversation.sendall(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n".encode()
            + b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {declared}\r\n\r\n".encode()
            + b"username="
            + b"a" * 65_536
        )
        answer = http.client.HTTPResponse(conversation)
        answer.begin()
        body = answer.read()
    return answer, body, time.monotonic() - started


def test_a_body_larger_than_any_upload_is_refused_before_it_is_sent(server):
    url, master_pid = server

    answer, body, elapsed = post_declaring(url, "/admin/login/", 200 * MEGABYTE)

    assert answer.status == 413
    assert "Die gesendeten Daten sind zu groß (200 MB)" in body.decode()
    assert elapsed < 2
    assert peak_memory_mb(worker_pid(master_pid)) < 300


def test_the_api_refuses_it_in_json(server):
    url, _ = server

    answer, body, _ = post_declaring(url, "/api/v2/pages/", 200 * MEGABYTE)

    assert answer.status == 413
    assert json.loads(body)["message"].startswith("request body too large: 209715200 bytes")
