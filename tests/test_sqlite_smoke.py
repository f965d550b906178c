"""The embedded default (`make run`) stays honest: SQLite, migrations, demo content, a page
served, and every address the API gives out reachable on the address it serves on.

The suite runs on PostgreSQL, so this test runs the Makefile's `demo` step and the
development server in subprocesses, with a throwaway SQLite file instead.
"""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
ARTICLE_TITLE = "07.03.: Live-Auftakt von smart.wuppertal"
# A file system in memory, where Linux has one: SQLite syncs each migration's commit to disk,
# and waiting for those syncs made up about a quarter of the `make demo` step.
MEMORY_FILE_SYSTEM = Path("/dev/shm")

LOG_IN_AS_DEV_ADMIN = """
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="localhost")
response = client.post("/admin/login/", {"username": "admin", "password": "admin"}, follow=True)
print(response.status_code, response.redirect_chain[-1][0] if response.redirect_chain else "-")
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(args: list[str], env: dict) -> str:
    result = subprocess.run(args, cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture
def var_dir(tmp_path):
    """Where the SQLite file and the media go: in memory if possible, else on disk."""
    if not os.access(MEMORY_FILE_SYSTEM, os.W_OK):
        yield tmp_path
        return
    with tempfile.TemporaryDirectory(dir=MEMORY_FILE_SYSTEM, prefix="cms-sqlite-smoke-") as folder:
        yield Path(folder)


@pytest.fixture
def embedded_default(var_dir):
    """The environment of `make run`: development settings, SQLite, local media."""
    # Object storage and cache servers belong to production; the embedded default runs without them.
    inherited = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "REDIS_"))}
    return {
        **inherited,
        "DATABASE_URL": f"sqlite:///{var_dir / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "CMS_VAR_DIR": str(var_dir),
    }


@pytest.fixture
def served(embedded_default):
    """`make run` on a free port: the demo step of the Makefile, then the development server."""
    port = free_port()
    made = run(
        ["make", "--no-print-directory", "demo", f"PORT={port}", f"PY={sys.executable}"], embedded_default
    )
    # The first run prints the development admin's credentials.
    assert "password “admin”" in made
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=PROJECT_DIR,
        env=embedded_default,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://localhost:{port}"
    try:
        for _ in range(100):
            try:
                urlopen(base + "/healthz", timeout=2).close()
                break
            except (URLError, ConnectionError):
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch(url: str):
    with urlopen(url, timeout=10) as response:
        return response.status, response.geturl(), response.read()


def test_the_embedded_default_serves_the_demo_and_every_address_it_gives_out(served, embedded_default):
    answer = json.loads(fetch(served + "/api/v2/pages/?type=articles.ArticlePage&fields=*")[2])
    article = next(item for item in answer["items"] if item["title"] == ARTICLE_TITLE)

    status, _, html = fetch(article["meta"]["html_url"])
    assert status == 200
    assert ARTICLE_TITLE in html.decode()
    detail = json.loads(fetch(article["meta"]["detail_url"])[2])
    assert detail["title"] == ARTICLE_TITLE
    assert fetch(article["hero_image"]["renditions"]["card"]["url"])[0] == 200
    # `find/` redirects to the page's detail in the API.
    path = urlsplit(article["meta"]["html_url"]).path
    status, landed_on, found = fetch(f"{served}/api/v2/pages/find/?html_path={path}")
    assert (status, landed_on) == (200, article["meta"]["detail_url"])
    assert json.loads(found)["id"] == article["id"]
    for url in (article["meta"]["html_url"], article["meta"]["detail_url"], landed_on):
        assert url.startswith(served + "/")

    assert run([sys.executable, "-c", LOG_IN_AS_DEV_ADMIN], embedded_default).split() == ["200", "/admin/"]
