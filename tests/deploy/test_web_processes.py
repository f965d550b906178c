"""Two web processes on one database, cache and bucket behave as one site.

Production runs several web containers behind Varnish (`docker compose up --scale
web=N`). Here two of them are started exactly as the compose file starts one
(deploy/start-web.sh: migrate, then gunicorn with production settings), on the test
database, a Redis database of their own and moto's S3 server. What one process does,
the other must show at once: a login, a published edit, and what the shared response
cache held before the edit.
"""

import re
import subprocess
import sys
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest
import redis
import requests
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page, Site

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from cms.signin.two_factor import APP_DEVICE_NAME, RECOVERY_DEVICE_NAME
from home.factories import HomePageFactory
from tests.admin_forms import article_form_data
from tests.database import restore_database
from tests.deploy.compose import PROJECT_DIR
from tests.deploy.processes import production_environment, web_process
from tests.s3 import BUCKET, CREDENTIALS, REGION, create_media_bucket, moto_server, s3_client

REDIS_URL = "redis://127.0.0.1:6379/10"
ADMIN = {"username": "zentrale", "password": "Sehr-geheim-2024"}
# One-time codes of the administrator's second factor, which production requires of superusers.
RECOVERY_CODES = [f"wupper{number:02d}" for number in range(10)]
# Superusers without a second factor yet: one to sign in, one to lock out.
NEWCOMER = {"username": "neu", "password": "Sehr-geheim-2025"}
LOCKED = {"username": "gesperrt", "password": "Sehr-geheim-2026"}
OLD_TITLE = "Sensoren am Döppersberg"
NEW_TITLE = "Sensoren am Döppersberg messen jetzt auch Lärm"
STYLESHEET = re.compile(r'<link rel="stylesheet" href="(/static/css/site\.[0-9a-f]{12}\.css)"')

# The marker makes pytest-django create the test database; the tests themselves only
# talk HTTP, and the data the web processes read is committed by the `content` fixture.
pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Content:
    index_id: int
    article_id: int
    article_slug: str


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """A site with one published article and an administrator, committed so that the
    web processes see them; the database is restored when the module is done."""
    with django_db_blocker.unblock():
        pristine = connection.creation.serialize_db_to_string()
        try:
            home = HomePageFactory(parent=Page.get_first_root_node(), slug="smart-city")
            Site.objects.update_or_create(
                is_default_site=True,
                defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Smart City"},
            )
            Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
            index = ArticleIndexPageFactory(parent=home)
            article = ArticlePageFactory(parent=index, title=OLD_TITLE)
            article.save_revision().publish()
            # Hashed as in production: the test settings' fast hasher is unknown there.
            with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
                admin = get_user_model().objects.create_superuser(email="zentrale@example.org", **ADMIN)
                for user in (NEWCOMER, LOCKED):
                    get_user_model().objects.create_superuser(email=f"{user['username']}@example.org", **user)
            TOTPDevice.objects.create(user=admin, name=APP_DEVICE_NAME, confirmed=True)
            recovery = StaticDevice.objects.create(user=admin, name=RECOVERY_DEVICE_NAME)
            StaticToken.objects.bulk_create(
                StaticToken(device=recovery, token=code) for code in RECOVERY_CODES
            )
            yield Content(index.pk, article.pk, article.slug)
        finally:
            restore_database(pristine)


@pytest.fixture(scope="module")
def shared_cache():
    cache = redis.Redis.from_url(REDIS_URL)
    cache.flushdb()
    yield cache
    cache.flushdb()


@pytest.fixture(scope="module")
def s3_bucket():
    with moto_server() as endpoint:
        create_media_bucket(s3_client(endpoint))
        yield endpoint


@pytest.fixture(scope="module")
def static_root(django_db_setup, tmp_path_factory):
    """The folder the image collects static files into. collectstatic needs nothing
    else, so it runs while the database and S3 are prepared; `servers` waits for it."""
    var_dir = tmp_path_factory.mktemp("cms-var")
    collecting = subprocess.Popen(
        [sys.executable, "manage.py", "collectstatic", "--no-input"],
        cwd=PROJECT_DIR,
        env=production_environment(CMS_VAR_DIR=str(var_dir)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield var_dir, collecting
    finally:
        if collecting.poll() is None:
            collecting.kill()
        collecting.communicate()


@pytest.fixture(scope="module")
def environment(static_root, content, shared_cache, s3_bucket) -> dict:
    """What .env gives the web containers, pointed at this machine's services."""
    return production_environment(
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        REDIS_URL=REDIS_URL,
        API_RESPONSE_CACHE="true",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=s3_bucket,
        AWS_S3_REGION_NAME=REGION,
        **CREDENTIALS,
        CMS_VAR_DIR=str(static_root[0]),
        WEB_CONCURRENCY="1",
    )


@pytest.fixture(scope="module")
def servers(environment, static_root, tmp_path_factory):
    """Two web processes started as docker-compose.yml starts one; always stopped."""
    # The image holds the collected static files before any container starts.
    _, collecting = static_root
    output, _ = collecting.communicate(timeout=60)
    assert collecting.returncode == 0, output

    logs = tmp_path_factory.mktemp("web-logs")
    with (
        web_process({**environment, "DATABASE_URL": named_connection(environment, "a")}, logs / "a.log") as a,
        web_process({**environment, "DATABASE_URL": named_connection(environment, "b")}, logs / "b.log") as b,
    ):
        yield [a.url, b.url]


def named_connection(environment: dict, name: str) -> str:
    """The database URL with the server's name on its connections (pg_stat_activity)."""
    url = environment["DATABASE_URL"]
    return f"{url}{'&' if '?' in url else '?'}application_name=cms-web-{name}"


class Browser:
    """A browser as it is behind the TLS proxy. The site marks its cookies Secure, and a
    browser sends them back because it speaks https to the proxy; the processes here
    are reached over plain HTTP, so this one keeps and sends its cookies itself.
    Redirects are not followed: the tests look at them."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def get(self, url: str) -> requests.Response:
        return self._send("GET", url)

    def post(self, url: str, data: dict) -> requests.Response:
        return self._send("POST", url, data=data)

    def _send(self, method: str, url: str, **kwargs) -> requests.Response:
        response = requests.request(
            method, url, cookies=self.cookies, allow_redirects=False, timeout=10, **kwargs
        )
        self.cookies.update(response.cookies.get_dict())
        return response


def csrf_token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]


def redirect_path(response: requests.Response) -> str:
    assert response.status_code == 302, response.text[:2000]
    return urlsplit(response.headers["Location"]).path


def sign_in_with_password(browser: Browser, server: str, user: dict) -> requests.Response:
    form = browser.get(f"{server}/admin/login/")
    return browser.post(
        f"{server}/admin/login/",
        data={**user, "csrfmiddlewaretoken": csrf_token(form.text), "next": "/admin/"},
    )


def log_in(browser: Browser, server: str) -> None:
    """Signs the administrator in: password, then (production requires it of superusers) a
    second factor, here one of the one-time recovery codes."""
    assert redirect_path(sign_in_with_password(browser, server, ADMIN)) == "/admin/"
    asked = browser.get(f"{server}/admin/")
    assert redirect_path(asked) == "/admin/zwei-faktor/pruefen/"
    form = browser.get(server + asked.headers["Location"])
    answer = browser.post(
        f"{server}/admin/zwei-faktor/pruefen/",
        data={"code": RECOVERY_CODES.pop(), "next": "/admin/", "csrfmiddlewaretoken": csrf_token(form.text)},
    )
    assert redirect_path(answer) == "/admin/"


def test_both_processes_reach_the_database_the_cache_and_the_bucket(servers):
    for server in servers:
        answer = requests.get(f"{server}/healthz", timeout=5)

        assert answer.status_code == 200, answer.text
        assert answer.json()["status"] == "ok"
        assert {name: check["ok"] for name, check in answer.json()["checks"].items()} == {
            "database": True,
            "cache": True,
            "storage": True,
        }


def test_each_process_keeps_its_database_connection_between_requests(servers):
    """Production keeps connections (DATABASE_CONN_MAX_AGE, 60 s by default): one gunicorn
    worker answers every request on one connection instead of opening one each time."""
    for _ in range(5):
        assert requests.get(f"{servers[0]}/healthz", timeout=10).status_code == 200

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cms-web-a'")
        (open_connections,) = cursor.fetchone()

    assert open_connections == 1  # WEB_CONCURRENCY=1; closed after each request it would be 0


def test_the_container_health_check_passes_against_both(servers, environment):
    for server in servers:
        check = subprocess.run(
            [sys.executable, "deploy/healthcheck.py", "web"],
            cwd=PROJECT_DIR,
            env={**environment, "PORT": str(urlsplit(server).port)},
            capture_output=True,
        )

        assert check.returncode == 0, check.stderr


def test_both_serve_hashed_static_files_for_browsers_to_keep(servers, content):
    for server in servers:
        page = requests.get(f"{server}/api/v2/pages/{content.article_id}/", timeout=5).json()
        html = requests.get(server + urlsplit(page["meta"]["html_url"]).path, timeout=5).text
        stylesheet = STYLESHEET.search(html)[1]

        answer = requests.get(server + stylesheet, headers={"Accept-Encoding": "gzip"}, timeout=5)

        assert answer.status_code == 200
        assert answer.headers["Content-Type"].startswith("text/css")
        assert answer.headers["Content-Encoding"] == "gzip"
        assert "immutable" in answer.headers["Cache-Control"]
        max_age = int(re.search(r"max-age=(\d+)", answer.headers["Cache-Control"])[1])
        assert max_age >= 365 * 24 * 3600
        assert answer.text == (PROJECT_DIR / "core" / "static" / "css" / "site.css").read_text()


def test_a_login_on_one_process_is_valid_on_the_other(servers):
    first, second = servers
    editor = Browser()

    log_in(editor, first)
    answer = editor.get(f"{second}/admin/")

    assert answer.status_code == 200
    assert redirect_path(Browser().get(f"{second}/admin/")) == "/admin/login/"


def test_production_leads_a_superuser_without_a_second_factor_to_its_setup(servers):
    newcomer = Browser()

    assert redirect_path(sign_in_with_password(newcomer, servers[0], NEWCOMER)) == "/admin/"
    assert redirect_path(newcomer.get(f"{servers[0]}/admin/pages/")) == "/admin/zwei-faktor/einrichten/"
    setup = newcomer.get(f"{servers[1]}/admin/zwei-faktor/einrichten/")
    assert setup.status_code == 200
    assert "QR-Code für die App" in setup.text


def test_wrong_passwords_on_both_processes_count_together_until_the_lockout(servers):
    """Five wrong passwords for one user name from one client, spread over two processes,
    lock it out on both; the right password is refused then. The client's own
    X-Forwarded-For does not change who it is (no trusted proxy in front here)."""
    first, second = servers
    attacker = Browser()
    answers = [
        sign_in_with_password(attacker, server, {**LOCKED, "password": f"falsch-{number}"})
        for number, server in enumerate([first, second, first, second, first])
    ]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 429]
    for server in servers:
        form = attacker.get(f"{server}/admin/login/")
        refused = requests.post(
            f"{server}/admin/login/",
            data={**LOCKED, "csrfmiddlewaretoken": csrf_token(form.text), "next": "/admin/"},
            cookies=attacker.cookies,
            headers={"X-Forwarded-For": "203.0.113.77"},
            allow_redirects=False,
            timeout=10,
        )
        assert refused.status_code == 429
        assert "Zu viele falsche Passwörter" in refused.text


def test_an_edit_published_on_one_process_shows_on_the_other_at_once(servers, content, shared_cache):
    first, second = servers
    detail_url = f"{second}/api/v2/pages/{content.article_id}/"
    list_url = f"{second}/api/v2/pages/?type=articles.ArticlePage&fields=teaser"
    shared_cache.flushdb()
    visitor = Browser()
    page_path = urlsplit(visitor.get(detail_url).json()["meta"]["html_url"]).path
    # The second process answers with the old title and keeps the API answers in Redis.
    assert visitor.get(detail_url).json()["title"] == OLD_TITLE
    assert [item["title"] for item in visitor.get(list_url).json()["items"]] == [OLD_TITLE]
    assert OLD_TITLE in visitor.get(second + page_path).text
    assert len(shared_cache.keys("*api-response:*")) == 2

    editor = Browser()
    log_in(editor, first)
    edit_url = f"{first}/admin/pages/{content.article_id}/edit/"
    form = editor.get(edit_url)
    answer = editor.post(
        edit_url,
        data={
            **article_form_data(title=NEW_TITLE, slug=content.article_slug),
            "csrfmiddlewaretoken": csrf_token(form.text),
            "action-publish": "action-publish",
        },
    )
    # Back to the news index: the edit was published, and the form did not come back with errors.
    assert redirect_path(answer) == f"/admin/pages/{content.index_id}/"

    assert visitor.get(detail_url).json()["title"] == NEW_TITLE
    assert [item["title"] for item in visitor.get(list_url).json()["items"]] == [NEW_TITLE]
    assert NEW_TITLE in visitor.get(second + page_path).text
