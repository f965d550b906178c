"""The front-end cache: a real Varnish with the repository's VCL in front of a live server.

Varnish (Debian's varnishd) starts once for this module on a free port. It loads
deploy/varnish/default.vcl unchanged; the backend.vcl it includes is written here: the
live server as backend and 127.0.0.1 as the only address allowed to purge. The tests talk
to Varnish as a browser does, with the site's hostname and the port in the Host header,
and publish through Wagtail's own API, which sends the signals an editor's publishing
sends. Tasks run inside the test, except where a test starts the real worker.

The live server reads what the tests write, so the tests commit (transactional_db): each
test starts from the database as the migrations left it (serialized_rollback).
"""

import datetime
import http.client
import io
import json
import select
import subprocess
import time
from dataclasses import dataclass

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from alerts.factories import AlertFactory
from alerts.models import Alert
from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticleProjectLink
from core.factories import CategoryFactory
from events.factories import EventPageFactory
from home.factories import ContentPageFactory
from media.factories import ImageFactory
from preview.models import PreviewSnapshot
from projects.factories import ProjectPageFactory
from tests.deploy.compose import PROJECT_DIR, service_command
from tests.deploy.processes import production_environment, stop
from tests.varnish import needs_varnish, running_varnish

HOSTNAME = "localhost"  # of the Site in tests/conftest.py
# The promise: nobody sees a change later than this after publishing.
PROMISE = 2.0

pytestmark = [
    needs_varnish,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BACKEND_VCL = """
backend default {{ .host = "{host}"; .port = "{port}"; }}
acl purgers {{ "127.0.0.1"; }}
"""


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    text: str

    @property
    def cache(self) -> str:
        return self.headers.get("X-Cache", "")


@dataclass
class Varnish:
    port: int

    def request(self, method: str, path: str, headers=None, source: str = "127.0.0.1") -> Answer:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10, source_address=(source, 0))
        try:
            conn.request(method, path, headers={"Host": f"{HOSTNAME}:{self.port}", **(headers or {})})
            response = conn.getresponse()
            return Answer(response.status, response.headers, response.read().decode())
        finally:
            conn.close()

    def purge_tags(self, *tags: str, **kwargs) -> Answer:
        return self.request("PURGE", "/", headers={"xkey-purge": " ".join(tags)}, **kwargs)

    def empty(self) -> Answer:
        """Purges everything: every answer carries the tag `all`."""
        return self.purge_tags("all")

    def get(self, path: str, **kwargs) -> Answer:
        return self.request("GET", path, **kwargs)

    def cached(self, path: str, **kwargs) -> Answer:
        """GET twice: the second answer must come from the cache."""
        self.get(path, **kwargs)
        answer = self.get(path, **kwargs)
        assert answer.cache == "HIT", f"{path} was not cached: {answer.status} {answer.cache}"
        return answer


@pytest.fixture(scope="module")
def varnish(live_server, tmp_path_factory):
    backend = BACKEND_VCL.format(host=live_server.thread.host, port=live_server.thread.port)
    with running_varnish(
        tmp_path_factory.mktemp("varnish"), backend, ready=lambda port: Varnish(port).empty()
    ) as port:
        yield Varnish(port)


@pytest.fixture(autouse=True)
def front_end_cache(varnish, settings):
    """The CMS purges this Varnish, which starts each test empty."""
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "delivery.frontend_cache.VarnishBackend",
            "LOCATION": f"http://127.0.0.1:{varnish.port}",
        }
    }
    assert varnish.empty().status == 200


def within_promise(check, what: str) -> None:
    """Waits until check() holds; fails when it does not hold within the promise."""
    start = time.monotonic()
    while not check():
        if time.monotonic() - start > PROMISE:
            pytest.fail(f"{what}: no change through Varnish within {PROMISE} s")
        time.sleep(0.05)


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(parent=site_tree.articles, title="Auftakt im codeks", slug="auftakt")


def address(page) -> str:
    return page.get_url_parts()[2]


def api_ids(answer: Answer) -> list[int]:
    return [item["id"] for item in json.loads(answer.text)["items"]]


ARTICLE_LIST_API = "/api/v2/pages/?type=articles.ArticlePage&fields=*"


def test_it_caches_anonymous_pages_and_api_answers(varnish, article):
    first = varnish.get(address(article))
    assert (first.status, first.cache) == (200, "MISS")
    page = varnish.get(address(article))
    assert (page.status, page.cache) == (200, "HIT")
    assert article.title in page.text
    assert "Age" in page.headers

    api = varnish.cached(ARTICLE_LIST_API)
    assert article.pk in api_ids(api)
    # Clients get the app's own lifetime, not Varnish's.
    assert api.headers["Cache-Control"] == "public, max-age=60"
    # The headers the purges compare stay inside Varnish.
    assert "x-path" not in api.headers and "x-host" not in api.headers and "xkey" not in api.headers


def test_it_keeps_one_copy_for_requests_that_get_the_same_answer(varnish, article):
    varnish.get(address(article), headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.8"})

    # Analytics cookies, a leftover csrftoken and the browser's further languages change
    # nothing in the answer.
    same = varnish.get(
        address(article),
        headers={"Accept-Language": "de-AT,de;q=0.7", "Cookie": "_pk_id.1=abc; csrftoken=xyz"},
    )
    assert (same.status, same.cache) == (200, "HIT")
    # Over https (as the TLS proxy says) the app may answer differently: a copy of its own.
    assert varnish.get(address(article), headers={"X-Forwarded-Proto": "https"}).cache == "MISS"


def test_publishing_shows_the_new_title_everywhere_within_two_seconds(varnish, article, site_tree):
    addresses = [address(article), "/aktuelles/", "/", ARTICLE_LIST_API, f"/api/v2/pages/{article.pk}/"]
    for each in addresses:
        assert article.title in varnish.cached(each).text

    start = time.monotonic()
    article.title = new_title = f"{article.title} (verschoben)"
    article.save_revision().publish()
    for each in addresses:
        within_promise(lambda a=each: new_title in varnish.get(a).text, each)
    assert time.monotonic() - start < PROMISE


def test_publishing_refreshes_the_project_the_article_now_belongs_to(varnish, article, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects, title="Datenplattform", slug="datenplattform")
    assert article.title not in varnish.cached(address(project)).text

    article.related_projects.add(ArticleProjectLink(project=project))
    article.save_revision().publish()

    within_promise(lambda: article.title in varnish.get(address(project)).text, "project page")


def test_unpublishing_removes_the_page_and_its_list_entry_within_two_seconds(varnish, article):
    varnish.cached(address(article))
    assert article.pk in api_ids(varnish.cached(ARTICLE_LIST_API))

    article.unpublish()

    within_promise(lambda: varnish.get(address(article)).status == 404, "unpublished page")
    within_promise(lambda: article.pk not in api_ids(varnish.get(ARTICLE_LIST_API)), "API list")


def test_deleting_a_live_page_removes_it_within_two_seconds(varnish, article):
    url = address(article)
    varnish.cached(url)
    assert article.title in varnish.cached("/aktuelles/").text

    article.delete()

    within_promise(lambda: varnish.get(url).status == 404, "deleted page")
    within_promise(lambda: article.title not in varnish.get("/aktuelles/").text, "article index")


def test_moving_a_page_stops_its_old_address_being_served_from_the_cache(varnish, site_tree):
    about = ContentPageFactory(parent=site_tree.home, title="Über das Projekt", slug="ueber-das-projekt")
    page = ContentPageFactory(parent=site_tree.home, title="Förderung", slug="foerderung")
    assert "Förderung" in varnish.cached("/foerderung/").text

    page.move(about, pos="last-child")

    # Wagtail's redirects app sends the old address on to the new one.
    within_promise(lambda: varnish.get("/foerderung/").status == 301, "old address")
    moved = varnish.get("/ueber-das-projekt/foerderung/")
    assert moved.status == 200 and "Förderung" in moved.text


def test_editing_a_directory_entry_bans_the_site(varnish, site_tree):
    category = CategoryFactory(name="Mobilität")
    article = ArticlePageFactory(parent=site_tree.articles, slug="radwege", category=category)
    assert "Mobilität" in varnish.cached(address(article)).text

    category.name = "Verkehr"
    category.save()

    within_promise(lambda: "Verkehr" in varnish.get(address(article)).text, "renamed category")


def test_changing_an_image_a_page_shows_bans_the_site(varnish, site_tree):
    image = ImageFactory(title="Radweg", description="Neuer Radweg an der Nordbahntrasse")
    article = ArticlePageFactory(parent=site_tree.articles, slug="radweg", hero_image=image)
    assert "Neuer Radweg an der Nordbahntrasse" in varnish.cached(address(article)).text

    image.description = "Radweg an der Nordbahntrasse im Herbst"
    image.save()

    within_promise(lambda: "im Herbst" in varnish.get(address(article)).text, "new alt text")


def test_uploading_an_image_nothing_uses_keeps_the_cache(varnish, article):
    assert varnish.cached(address(article)).cache == "HIT"

    ImageFactory(title="Noch unbenutzt")

    assert varnish.get(address(article)).cache == "HIT"


def test_it_never_caches_the_admin_or_signed_in_visitors(varnish, article, admin_client):
    session = {"Cookie": f"sessionid={admin_client.cookies['sessionid'].value}"}
    varnish.cached(address(article))

    for _ in range(2):
        admin = varnish.get("/admin/", headers=session)
        # The dashboard, not the login redirect: the session reached the app.
        assert (admin.status, admin.cache) == (200, "PASS")
        signed_in = varnish.get(address(article), headers=session)
        assert (signed_in.status, signed_in.cache) == (200, "PASS")
        # Anonymous requests to the admin go to the app as well: the login redirect.
        anonymous = varnish.get("/admin/")
        assert (anonymous.status, anonymous.cache) == (302, "PASS")


def test_a_page_password_opens_nothing_to_others_through_varnish(varnish, article, client, settings):
    # Varnish passes requests with a session; behind it, the app's response cache must not
    # hand the insider's answer to the next anonymous request either.
    settings.API_RESPONSE_CACHE = True
    caches["default"].clear()
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, article.pk]),
        {"password": "geheim", "return_url": address(article)},
    )
    session = {"Cookie": f"sessionid={client.cookies['sessionid'].value}"}
    detail = f"/api/v2/pages/{article.pk}/"

    for path in [address(article), detail, ARTICLE_LIST_API]:
        for _ in range(2):
            insider = varnish.get(path, headers=session)
            assert (insider.status, insider.cache) == (200, "PASS"), path
            assert "Auftakt im codeks" in insider.text, path
        anonymous = varnish.get(path)
        assert "Auftakt im codeks" not in anonymous.text, path
    assert varnish.get(detail, headers=session).headers["Cache-Control"] == "private, no-store"


def test_it_never_caches_previews(varnish, article):
    article.title = "Entwurf"
    token = PreviewSnapshot.create_for(article).token

    for _ in range(2):
        preview = varnish.get(f"/api/v2/preview/?token={token}")
        assert (preview.status, preview.cache) == (200, "PASS")
        assert json.loads(preview.text)["title"] == "Entwurf"


def test_it_refuses_purges_from_other_addresses(varnish, article):
    varnish.cached(address(article))

    assert varnish.request("PURGE", address(article), source="127.0.0.2").status == 405
    assert varnish.purge_tags("all", source="127.0.0.2").status == 405
    assert varnish.get(address(article)).cache == "HIT"

    assert varnish.request("PURGE", address(article)).status == 200
    assert varnish.get(address(article)).cache == "MISS"


def test_a_purge_takes_every_query_variant_of_the_path(varnish, site_tree):
    ArticlePageFactory.create_batch(11, parent=site_tree.articles)
    variants = ["/aktuelles/", "/aktuelles/?seite=2", "/aktuelles/?kategorie=x&seite=2"]
    for each in [*variants, "/aktuelles/feed/"]:
        varnish.cached(each)

    assert varnish.request("PURGE", "/aktuelles/").status == 200

    assert [varnish.get(each).cache for each in variants] == ["MISS", "MISS", "MISS"]
    assert varnish.get("/aktuelles/feed/").cache == "HIT"


# --- Exactness: a change purges the answers that show it, and only those


@dataclass
class Site:
    """Sections full of pages, and the addresses of a visitor's and an app's reads of them."""

    articles: list
    events: list
    projects: list

    def addresses(self) -> list[str]:
        return [
            *(address(page) for page in [*self.articles, *self.events, *self.projects]),
            "/",
            "/aktuelles/",
            "/aktuelles/?seite=2",
            "/aktuelles/?seite=3",
            "/aktuelles/feed/",
            "/veranstaltungen/",
            "/projekte/",
            *(
                f"/api/v2/pages/{page.pk}/"
                for page in [*self.articles[-6:], *self.events[:3], *self.projects[:3]]
            ),
            ARTICLE_LIST_API,
            "/api/v2/pages/?type=events.EventPage&fields=*",
            "/api/v2/pages/?type=projects.ProjectPage&fields=*",
            "/api/v2/pages/",
            "/api/v2/categories/",
        ]


@pytest.fixture
def full_site(site_tree):
    soon = timezone.now() + datetime.timedelta(days=3)
    return Site(
        articles=[ArticlePageFactory(parent=site_tree.articles, slug=f"nachricht-{n}") for n in range(25)],
        events=[
            EventPageFactory(
                parent=site_tree.events,
                slug=f"termin-{n}",
                start=soon + datetime.timedelta(days=n),
                end=soon + datetime.timedelta(days=n, hours=2),
            )
            for n in range(8)
        ],
        projects=[ProjectPageFactory(parent=site_tree.projects, slug=f"projekt-{n}") for n in range(8)],
    )


def fill(varnish, addresses) -> dict[str, str]:
    """Caches every address; its text by address."""
    return {each: varnish.cached(each).text for each in addresses}


def test_publishing_an_article_leaves_what_does_not_show_it_cached(varnish, full_site):
    article = full_site.articles[-1]  # the newest: on the start page and the first page of lists
    addresses = full_site.addresses()
    before = fill(varnish, addresses)
    showing = {
        address(article),
        f"/api/v2/pages/{article.pk}/",
        # The lists of its section (a new article moves every page of them), type and site.
        "/aktuelles/",
        "/aktuelles/?seite=2",
        "/aktuelles/?seite=3",
        "/aktuelles/feed/",
        "/",
        ARTICLE_LIST_API,
        "/api/v2/pages/",
    }
    assert len(addresses) >= 60 and len(showing) == 9

    start = time.monotonic()
    old_title, article.title = article.title, "Radweg an der Nordbahntrasse eröffnet"
    article.save_revision().publish()
    answers = {each: varnish.get(each) for each in sorted(showing)}
    latency = time.monotonic() - start
    answers |= {each: varnish.get(each) for each in addresses if each not in showing}

    for each in showing:
        assert answers[each].cache == "MISS", each
        if old_title in before[each]:
            assert article.title in answers[each].text, each
    others = [each for each in addresses if each not in showing]
    hits = [each for each in others if answers[each].cache == "HIT"]
    hit_rate = len(hits) / len(others)
    # The measure issue 17 asks for, shown with `-s`.
    cached = f"{len(hits)} of {len(others)} ({hit_rate:.0%})"
    print(f"\nstill cached: {cached}; fresh {latency:.2f} s after publishing")  # noqa: T201
    assert hit_rate >= 0.95, sorted(set(others) - set(hits))
    assert latency < PROMISE


@pytest.fixture
def press(site_tree):
    return ArticleIndexPageFactory(parent=site_tree.home, title="Presse", slug="presse")


def unpublish(article, press):
    article.unpublish()


def delete(article, press):
    article.delete()


def move(article, press):
    article.move(press, pos="last-child")


@pytest.mark.parametrize("change", [unpublish, delete, move])
def test_taking_an_article_away_purges_exactly_what_showed_it(varnish, site_tree, article, press, change):
    other = ArticlePageFactory(parent=site_tree.articles, title="Neue Ladesäulen", slug="ladesaeulen")
    event = EventPageFactory(parent=site_tree.events, slug="lesung")
    project = ProjectPageFactory(parent=site_tree.projects, slug="datenplattform")
    unrelated = [
        address(other),
        address(event),
        address(project),
        "/veranstaltungen/",
        "/projekte/",
        f"/api/v2/pages/{other.pk}/",
        "/api/v2/pages/?type=events.EventPage&fields=*",
    ]
    fill(varnish, [*unrelated, address(article), "/aktuelles/", "/presse/", ARTICLE_LIST_API])
    old_address = address(article)

    change(article, press)

    within_promise(lambda: varnish.get(old_address).status in (301, 404), "its old address")
    within_promise(lambda: article.title not in varnish.get("/aktuelles/").text, "its old section")
    if change is move:
        within_promise(lambda: article.title in varnish.get("/presse/").text, "its new section")
    else:
        within_promise(lambda: article.pk not in api_ids(varnish.get(ARTICLE_LIST_API)), "the API list")
    assert [varnish.get(each).cache for each in unrelated] == ["HIT"] * len(unrelated)


@pytest.fixture
def worker(varnish, transactional_db, settings):
    """The compose file's worker (`db_worker --interval 1`) on production settings and the
    test database, purging this Varnish; the test process queues tasks in the database."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    process = subprocess.Popen(
        # Without the random wait before the first poll, the worker is polling once it says it started.
        [*service_command("worker"), "--no-startup-delay"],
        cwd=PROJECT_DIR,
        env=production_environment(
            TASKS_BACKEND="database", FRONTEND_CACHE_URL=f"http://127.0.0.1:{varnish.port}"
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        _wait_for_output(process, "Starting worker")
        yield process
    finally:
        stop(process)


def _wait_for_output(process: subprocess.Popen, text: str) -> None:
    deadline = time.monotonic() + 30
    output = ""
    while text not in output:
        ready, _, _ = select.select([process.stdout], [], [], max(0, deadline - time.monotonic()))
        line = process.stdout.readline() if ready else ""
        if not line:
            pytest.fail(f"the worker did not start: {output}")
        output += line


def test_the_worker_purges_within_two_seconds(varnish, article, site_tree, worker):
    project = ProjectPageFactory(parent=site_tree.projects, title="Stadtdaten", slug="stadtdaten")
    addresses = [address(article), "/aktuelles/", ARTICLE_LIST_API, address(project)]
    for each in addresses:
        varnish.cached(each)

    start = time.monotonic()
    article.title = new_title = f"{article.title} (verschoben)"
    # The article names the project for the first time: the worker has not yet brought
    # the reference index up to date when the purge is queued.
    article.related_projects.add(ArticleProjectLink(project=project))
    article.save_revision().publish()
    for each in addresses:
        within_promise(lambda a=each: new_title in varnish.get(a).text, each)
    assert time.monotonic() - start < PROMISE


def publish_alert(**fields) -> Alert:
    """A draft alert, then published as the editor's "Veröffentlichen" does."""
    alert = AlertFactory(live=False, **fields)
    alert.save_revision().publish()
    alert.refresh_from_db()
    return alert


def test_a_site_wide_alert_shows_on_cached_pages_and_goes_again_within_two_seconds(varnish, article):
    addresses = [address(article), "/aktuelles/", "/"]
    for each in addresses:
        assert "Sturmwarnung" not in varnish.cached(each).text

    alert = publish_alert(title="Sturmwarnung")
    for each in addresses:
        within_promise(lambda a=each: "Sturmwarnung" in varnish.get(a).text, each)

    alert.unpublish()
    for each in addresses:
        within_promise(lambda a=each: "Sturmwarnung" not in varnish.get(a).text, each)


def test_a_changed_alert_shows_its_new_text_within_two_seconds(varnish, article):
    alert = publish_alert(title="Sperrung", text="Die Brücke ist gesperrt.")
    assert "Die Brücke ist gesperrt." in varnish.cached(address(article)).text

    alert.text = "Die Brücke ist wieder offen."
    alert.save_revision().publish()

    within_promise(lambda: "wieder offen" in varnish.get(address(article)).text, "changed alert")


def test_a_section_alert_purges_its_section_and_keeps_the_rest_cached(varnish, article, site_tree):
    event = EventPageFactory(parent=site_tree.events, title="Konzert im Park", slug="konzert")
    varnish.cached(address(event))
    varnish.cached(address(site_tree.events))
    varnish.cached(address(article))

    publish_alert(title="Konzert verlegt", page=site_tree.events)

    within_promise(lambda: "Konzert verlegt" in varnish.get(address(event)).text, "event page")
    within_promise(lambda: "Konzert verlegt" in varnish.get(address(site_tree.events)).text, "event index")
    assert varnish.get(address(article)).cache == "HIT"


def test_moving_an_alert_to_another_section_purges_both(varnish, article, site_tree):
    event = EventPageFactory(parent=site_tree.events, title="Lesung", slug="lesung")
    alert = publish_alert(title="Umzug", page=site_tree.articles)
    assert "Umzug" in varnish.cached(address(article)).text
    assert "Umzug" not in varnish.cached(address(event)).text

    alert.page = site_tree.events
    alert.save_revision().publish()

    within_promise(lambda: "Umzug" not in varnish.get(address(article)).text, "old section")
    within_promise(lambda: "Umzug" in varnish.get(address(event)).text, "new section")


def test_an_ended_alert_leaves_the_cached_pages_when_the_scheduler_runs(varnish, article):
    alert = publish_alert(title="Baustelle")
    assert "Baustelle" in varnish.cached(address(article)).text

    Alert.objects.filter(pk=alert.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
    call_command("scheduler", "--once", stdout=io.StringIO())

    within_promise(lambda: "Baustelle" not in varnish.get(address(article)).text, "ended alert")


def test_the_worker_purges_an_alerts_section_within_two_seconds(varnish, site_tree, worker):
    event = EventPageFactory(parent=site_tree.events, title="Lesung", slug="lesung")
    varnish.cached(address(event))

    start = time.monotonic()
    publish_alert(title="Lesung entfällt", page=site_tree.events)

    within_promise(lambda: "Lesung entfällt" in varnish.get(address(event)).text, "event page")
    assert time.monotonic() - start < PROMISE
