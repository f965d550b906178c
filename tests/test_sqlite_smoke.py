"""The embedded default (`make run`) stays honest: SQLite, migrations, demo content, a page served.

The suite runs on PostgreSQL, so this test starts the project's own commands in a
subprocess with the development settings and a throwaway SQLite file instead.
"""

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
ARTICLE_TITLE = "07.03.: Live-Auftakt von smart.wuppertal"

VISIT_ARTICLE = f"""
import django
django.setup()
from django.test import Client
from articles.models import ArticlePage
article = ArticlePage.objects.live().get(title={ARTICLE_TITLE!r})
response = Client(HTTP_HOST="localhost").get(article.url)
print(response.status_code)
print(response.content.decode())
"""

LOG_IN_AS_DEV_ADMIN = """
import django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="localhost")
response = client.post("/admin/login/", {"username": "admin", "password": "admin"}, follow=True)
print(response.status_code, response.redirect_chain[-1][0] if response.redirect_chain else "-")
"""


def run(args: list[str], env: dict) -> str:
    result = subprocess.run(
        [sys.executable, *args], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_embedded_default_serves_the_demo_and_lets_the_dev_admin_log_in(tmp_path):
    # Object storage and cache servers belong to production; the embedded default runs without them.
    inherited = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "REDIS_"))}
    env = {
        **inherited,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "CMS_VAR_DIR": str(tmp_path),
    }
    run(["manage.py", "migrate", "--no-input"], env)
    run(["manage.py", "load_demo_content"], env)

    status, html = run(["-c", VISIT_ARTICLE], env).split("\n", 1)

    assert status == "200"
    assert ARTICLE_TITLE in html

    assert "password “admin”" in run(["manage.py", "ensure_dev_admin"], env)
    assert run(["-c", LOG_IN_AS_DEV_ADMIN], env).split() == ["200", "/admin/"]
