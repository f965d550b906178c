"""Shared fixtures: a site tree like the demo's, and the people who use it.

Personas: `admin_client` (superuser), `editor_client` (member of the editorial group
"Redaktion", which writes and submits for review), `approver_client` (member of "Freigabe",
which also approves and publishes; core.editorial.setup), and the plain `client` as an anonymous
visitor.
"""

from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.db import transaction
from django.test import Client, override_settings
from wagtail.models import Page, Site

from articles.factories import ArticleIndexPageFactory
from core import fragments
from core.editorial.setup import APPROVERS, WRITERS
from delivery import middleware
from demo.loader import DemoContentLoader
from events.factories import EventIndexPageFactory
from home.factories import HomePageFactory
from home.models import HomePage
from projects.factories import ProjectIndexPageFactory


@dataclass
class SiteTree:
    home: HomePage
    articles: Page
    events: Page
    projects: Page


@pytest.fixture(autouse=True)
def _media_root(request, settings, tmp_path):
    """Uploads of one test never leak into another, or into the developer's var/. A test on
    the shared demo site reads its images where the demo stored them, so that renditions
    the test asks for can be made from the originals."""
    if "demo" in request.fixturenames:
        settings.MEDIA_ROOT = request.getfixturevalue("demo")
    else:
        settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: what one test's content left there (core.content_cache
    keys on a content version that the next test's rolled-back database counts again) must not
    show in another."""
    cache.clear()


@pytest.fixture
def kept_parts(settings):
    """Anonymous reads keep parts of their answers and remember the site's structure, as in
    production (core.fragments; off in the test settings). A rolled-back test database counts
    the content version from the same number again, so what this process remembered per
    version is forgotten first (the autouse `_empty_cache` empties the shared cache)."""
    settings.FRAGMENT_CACHE = True
    middleware._HORIZON[:] = [None, 0.0]
    fragments._REMEMBERED.current = (None, {})


def build_site_tree() -> SiteTree:
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Smart City Wuppertal", slug="smart-city")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Smart City"},
    )
    # Wagtail's initial data ships a placeholder welcome page; the site no longer uses it.
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return SiteTree(
        home=home,
        articles=ArticleIndexPageFactory(parent=home),
        events=EventIndexPageFactory(parent=home),
        projects=ProjectIndexPageFactory(parent=home),
    )


# Fixtures under which a test sees committed data, or commits itself: a tree built in a
# transaction kept open across such tests would be invisible to it, or swept away by it.
COMMITTING_FIXTURES = {
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def may_share_a_site_tree(items: list[pytest.Item]) -> bool:
    """Whether every test of a module that touches the database asks for the site tree, none
    commits, and no fixture of theirs keeps data across tests: only then does a tree shared
    by the module leave each test the database it would have had on its own."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if not ({"db", *COMMITTING_FIXTURES} & set(item.fixturenames) or marker):
            continue
        if "site_tree" not in item.fixturenames or COMMITTING_FIXTURES & set(item.fixturenames):
            return False
        if marker and marker.kwargs.get("transaction"):
            return False
        for name, definitions in item._fixtureinfo.name2fixturedefs.items():
            definition = definitions[-1]
            ours = not definition.func.__module__.startswith("pytest_django") and name != "shared_site_tree"
            if ours and definition.scope != "function" and "django_db_blocker" in definition.argnames:
                return False
    return True


@pytest.fixture(scope="module")
def shared_site_tree(request, django_db_setup, django_db_blocker):
    """The site tree, built once for a module where that is safe (may_share_a_site_tree) and
    rolled back after it; each test then runs in its own transaction inside it. Building
    the tree takes some 180 queries, and most of the suite's tests ask for it."""
    items = [item for item in request.session.items if item.path == request.path]
    if not may_share_a_site_tree(items):
        yield None
        return
    with django_db_blocker.unblock(), transaction.atomic():
        tree = build_site_tree()
        yield {name: (type(page), page.pk) for name, page in vars(tree).items()}
        transaction.set_rollback(True)
    for each in caches.all():
        each.clear()


@pytest.fixture
def site_tree(shared_site_tree, db) -> SiteTree:
    if shared_site_tree is None:
        return build_site_tree()
    # What an earlier test cached (Wagtail's site root paths, renditions) may name pages it
    # changed. A tree of its own would have started with caches that knew none of them, and
    # with the site root paths cached as building it had cached them (query counts rely on it).
    for each in caches.all():
        each.clear()
    Site.get_site_root_paths()
    return SiteTree(**{name: model.objects.get(pk=pk) for name, (model, pk) in shared_site_tree.items()})


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user(
        username="redaktion", email="redaktion@example.org", password="x"
    )
    user.groups.add(Group.objects.get(name=WRITERS))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def approver(django_user_model):
    user = django_user_model.objects.create_user(
        username="freigabe", password="x", first_name="Ben", last_name="Freigeber"
    )
    user.groups.add(Group.objects.get(name=APPROVERS))
    return user


@pytest.fixture
def approver_client(approver):
    client = Client()
    client.force_login(approver)
    return client


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory) -> Path:
    """The demo site, German and English, loaded once for a test module and rolled back after
    it; the module's tests each run in their own transaction inside it (mark them django_db,
    or ask for `db`). Its value is the media root that holds the demo's images.

    Loading takes several seconds, so a module that needs the demo shares this one load."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root), transaction.atomic():
        DemoContentLoader().load()
        yield media_root
        transaction.set_rollback(True)
    # Wagtail caches the sites' root paths; none of the rolled-back pages may linger there.
    cache.clear()
