"""The API's answers for the demo site, compared with a recorded copy (snapshots/demo_api.json):
a change of layout or a refactoring must leave every answer as it was: the same values, keys
in the same order.

The demo site is built for a fixed day, and the database's id sequences start right after
the rows the migrations leave, so ids and dates come out the same on every run. Only the
moments of publishing (the time of the run) and the random ids of StreamField blocks are
replaced by placeholders.

After an intended change of the API, record the answers again and review the difference:

    UPDATE_SNAPSHOTS=1 make test PYTEST_ARGS=tests/api/test_api_snapshot.py
"""

import datetime
import json
import os
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection

from demo.loader import DemoContentLoader

SNAPSHOT = Path(__file__).parent / "snapshots" / "demo_api.json"
DEMO_DAY = datetime.date(2026, 6, 15)
# Set by Wagtail when the demo site is published, i.e. the time of the run.
MOMENTS = {"first_published_at", "last_published_at", "latest_revision_created_at", "published_at"}
LISTS = [
    "/api/v2/pages/?limit=20",
    "/api/v2/pages/?type=articles.ArticlePage&fields=*&limit=20",
    "/api/v2/pages/?type=events.EventPage&fields=*&limit=20",
    "/api/v2/pages/?type=projects.ProjectPage&fields=*&limit=20",
    "/api/v2/pages/?type=home.ContentPage&fields=*&limit=20",
    "/api/v2/images/?limit=20",
    "/api/v2/documents/?limit=20",
    "/api/v2/categories/",
    "/api/v2/themes/",
    "/api/v2/venues/",
    "/api/v2/organisations/",
    "/api/v2/alerts/",
    "/api/v2/alerts/?path=/veranstaltungen/",
]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
DETAILS = ["pages", "images", "categories", "themes", "venues", "organisations"]

pytestmark = pytest.mark.django_db


def restart_id_sequences() -> None:
    """Every id sequence continues right after its table's highest id, as on a fresh database."""
    models = [model for model in apps.get_models(include_auto_created=True) if model._meta.managed]
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)


class Normaliser:
    """Replaces the moments of publishing, and the random ids of StreamField blocks by their
    order of first appearance (the same block keeps its number in a list and its detail)."""

    def __init__(self):
        self.block_ids: dict[str, str] = {}

    def __call__(self, value):
        if isinstance(value, dict):
            return {key: self.item(key, item) for key, item in value.items()}
        if isinstance(value, list):
            return [self(item) for item in value]
        return value

    def item(self, key, value):
        if key in MOMENTS and value:
            return "<time of the run>"
        if key == "id" and isinstance(value, str) and UUID.fullmatch(value):
            return self.block_ids.setdefault(value, f"<block {len(self.block_ids) + 1}>")
        return self(value)


def answers(client) -> dict[str, object]:
    """{url: answer} of every list, every item's detail and the OpenAPI document."""
    recorded = {}
    normalise = Normaliser()

    def get(url):
        response = client.get(url)
        assert response.status_code == 200, url
        recorded[url] = normalise(response.json())
        return recorded[url]

    for url in LISTS:
        get(url)
    for endpoint in DETAILS:
        items, offset, total = [], 0, 1
        while offset < total:
            answer = get(f"/api/v2/{endpoint}/?limit=20&offset={offset}")
            items += answer["items"]
            offset, total = offset + 20, answer["meta"]["total_count"]
        for item in items:
            get(f"/api/v2/{endpoint}/{item['id']}/")
    get("/api/v2/openapi.json")
    return recorded


def test_the_api_answers_for_the_demo_site_as_recorded(client):
    restart_id_sequences()
    DemoContentLoader(today=DEMO_DAY).load()
    cache.clear()

    found = json.dumps(answers(client), ensure_ascii=False, indent=1) + "\n"

    if os.environ.get("UPDATE_SNAPSHOTS"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(found)
    assert found == SNAPSHOT.read_text(), "the API's answers differ from snapshots/demo_api.json"
