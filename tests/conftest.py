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
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from wagtail.models import Page, Site

from articles.factories import ArticleIndexPageFactory
from core.editorial.setup import APPROVERS, WRITERS
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


@pytest.fixture
def site_tree(db) -> SiteTree:
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
