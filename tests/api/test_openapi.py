"""The API's OpenAPI description at /api/v2/openapi.json: a valid document that covers every
endpoint and the documented contract, a docs page that works offline, and real responses
that match it (schemathesis against the app, in-process)."""

import datetime
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
import schemathesis
import wagtail_factories
from django.contrib.staticfiles import finders
from django.core.exceptions import FieldDoesNotExist
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.models import Page
from werkzeug.test import Client

from accessibility.factories import (
    AccessibilityStatementPageFactory,
    BarrierReportPageFactory,
    EasyLanguagePageFactory,
    SignLanguagePageFactory,
)
from accessibility.models import StatementBarrier
from alerts.factories import AlertFactory
from api import openapi
from api.router import api_router
from articles.factories import ArticlePageFactory
from articles.models import ArticleEventLink, ArticlePage, ArticleProjectLink
from core.blocks import BLOCK_VALUE_SHAPES, BodyBlock
from core.factories import CategoryFactory, OrganisationFactory, PersonFactory, ThemeFactory
from events.factories import EventDateFactory, EventPageFactory, VenueFactory
from events.models import EventPage
from home.factories import ContentPageFactory
from media.api import RENDITIONS
from media.factories import ImageFactory
from preview.models import PreviewSnapshot
from projects.factories import ProjectPageFactory
from projects.models import ProjectFunder, ProjectGoal, ProjectMilestone, ProjectPage, ProjectPartner
from tests.wsgi import site_in_test_transaction

BERLIN = ZoneInfo("Europe/Berlin")
VIDEO_URL = "https://www.youtube.com/watch?v=smart-city"


@pytest.fixture
def description(client, db):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def schema_of(description, name):
    return description["components"]["schemas"][name]


# The document


def test_the_description_is_a_valid_openapi_document(description):
    validate(description)

    assert description["openapi"].startswith("3.1")


def test_every_router_endpoint_is_described_with_listing_detail_and_find(description):
    for name in api_router._endpoints:
        for path in (f"/api/v2/{name}/", f"/api/v2/{name}/{{id}}/", f"/api/v2/{name}/find/"):
            assert "get" in description["paths"][path], path
    assert "get" in description["paths"]["/api/v2/preview/"]


def test_every_body_block_type_has_its_value_shape(description):
    body = schema_of(description, "Body")
    variants = [schema_of(description, ref["$ref"].split("/")[-1]) for ref in body["items"]["oneOf"]]

    assert [variant["properties"]["type"]["const"] for variant in variants[:-1]] == list(
        BodyBlock.base_blocks
    )
    assert variants[-1]["properties"]["type"]["not"] == {"enum": list(BodyBlock.base_blocks)}
    heading = schema_of(description, "HeadingBlock")["properties"]["value"]
    assert set(heading["properties"]) == {"text", "level"}


def test_the_image_shape_names_every_rendition(description):
    assert set(schema_of(description, "Renditions")["properties"]) == set(RENDITIONS)
    assert set(schema_of(description, "Rendition")["properties"]) == {"url", "width", "height", "webp_url"}


def test_event_fields_of_the_contract_are_described(description):
    detail = schema_of(description, "EventPage")["properties"]

    assert {
        "start",
        "end",
        "time_zone",
        "all_day",
        "further_dates",
        "next_start",
        "status",
        "attendance_mode",
        "venue",
        "stream_url",
        "registration",
        "registration_url",
        "registration_email",
        "cost",
        "category",
        "project",
        "body",
        "image_credits",
    } <= set(detail)
    assert detail["status"]["enum"] == ["scheduled", "cancelled", "postponed", "rescheduled", "moved_online"]


def test_body_and_image_credits_are_described_for_details_only(description):
    listing = schema_of(description, "ArticlePageListItem")["properties"]
    detail = schema_of(description, "ArticlePage")["properties"]

    assert {"teaser", "hero_image", "date", "category", "tags"} <= set(listing)
    assert "body" not in listing and "image_credits" not in listing
    assert {"body", "image_credits"} <= set(detail)


def test_project_screen_and_related_pages_are_described_for_details_only(description):
    for page_type, detail_only in [
        ("ProjectPage", {"goals", "milestones", "funders", "partners", "contact"}),
        ("ArticlePage", {"related_events", "related_projects"}),
    ]:
        listing = schema_of(description, f"{page_type}ListItem")["properties"]
        detail = schema_of(description, page_type)["properties"]
        assert detail_only <= set(detail), page_type
        assert detail_only.isdisjoint(listing), page_type
    assert {"funding_programme_url", "website"} <= set(
        schema_of(description, "ProjectPageListItem")["properties"]
    )
    assert set(schema_of(description, "Organisation")["properties"]) == {
        "id",
        "name",
        "short_name",
        "url",
        "logo",
    }


def test_the_page_filters_are_described_as_parameters(description):
    names = {parameter["name"] for parameter in description["paths"]["/api/v2/pages/"]["get"]["parameters"]}

    assert {"type", "fields", "limit", "offset", "order", "search", "child_of", "descendant_of"} <= names
    assert {"upcoming", "start_after", "start_before", "attendance_mode", "status", "category"} <= names
    assert {"project", "tag", "date_after", "date_before", "theme"} <= names


def test_each_declared_page_filter_is_documented_with_the_types_that_declare_it(description, client):
    documented = {
        parameter["name"]: parameter
        for parameter in description["paths"]["/api/v2/pages/"]["get"]["parameters"]
    }
    declared = {}
    for model in (ArticlePage, EventPage, ProjectPage):
        for parameter in model.api_filters.parameters:
            declared.setdefault(parameter.name, []).append(model._meta.label)

    for name, labels in declared.items():
        for label in labels:
            assert f"type={label}" in documented[name]["description"], name
        # Without its type, the endpoint refuses the parameter and names the types it needs.
        response = client.get("/api/v2/pages/", {name: "1"})
        assert response.status_code == 400
        assert all(f"type={label}" in response.json()["message"] for label in labels), name


def test_an_api_field_without_a_shape_stops_the_build_with_its_name(monkeypatch):
    article_fields = {**ArticlePage.api_field_shapes}
    del article_fields["tags"]
    monkeypatch.setattr(ArticlePage, "api_field_shapes", article_fields)

    with pytest.raises(openapi.MissingSchema, match="'tags' of articles.ArticlePage"):
        openapi.build_openapi()


def test_a_block_type_without_a_shape_stops_the_build_with_its_name(monkeypatch):
    monkeypatch.delitem(BLOCK_VALUE_SHAPES, "quote")

    with pytest.raises(openapi.MissingSchema, match="Body block type 'quote'"):
        openapi.build_openapi()


# The docs page


class _Resources(HTMLParser):
    """The addresses a page loads or links to, and the Redoc element's schema URL."""

    def __init__(self):
        super().__init__()
        self.urls = []
        self.spec_url = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.urls += [attrs[name] for name in ("src", "href") if attrs.get(name)]
        if tag == "redoc":
            self.spec_url = attrs.get("spec-url")


def test_the_docs_page_reads_the_description_with_local_files_only(client, db):
    response = client.get("/api/v2/docs/")

    assert response.status_code == 200
    page = _Resources()
    page.feed(response.content.decode())
    assert page.spec_url == "/api/v2/openapi.json"
    assert page.urls, "the page loads Redoc from the static files"
    for url in page.urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, f"{url} is on another host"
    [script] = [url for url in page.urls if url.endswith(".js")]
    assert finders.find(script.removeprefix("/static/")), f"{script} is not among the static files"


def test_the_docs_page_forbids_the_browser_to_contact_other_hosts(client, db):
    policy = client.get("/api/v2/docs/")["Content-Security-Policy"]

    directives = dict(directive.split(" ", 1) for directive in policy.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["img-src"] == "'self' data:"


# Inputs the fuzzing below found to give server errors, now answered in JSON


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("/api/v2/pages/find/?id=null", "id"),
        ("/api/v2/images/find/?id=1.5", "id"),
        ("/api/v2/documents/find/?id=abc", "id"),
        ("/api/v2/pages/find/?html_path=/a%00b/", "html_path"),
        ("/api/v2/pages/?search=Smart%00City", "search"),
        ("/api/v2/images/?search=Stadt&search_operator=xor", "search_operator"),
        ("/api/v2/images/?renditions=x", "renditions"),
    ],
)
def test_a_malformed_lookup_or_search_is_a_400_naming_the_parameter(client, site_tree, url, named):
    response = client.get(url)

    assert response.status_code == 400
    assert named in response.json()["message"]


def test_an_unknown_address_under_the_api_is_a_json_404(client, site_tree):
    response = client.get("/api/v2/pages/abc/")

    assert response.status_code == 404
    assert response.json() == {"message": "no API endpoint at /api/v2/pages/abc/"}


def test_an_api_address_without_its_final_slash_still_redirects(client, site_tree):
    response = client.get("/api/v2/pages")

    assert response.status_code == 301
    assert response["Location"] == "/api/v2/pages/"


# Real responses against the description


@pytest.fixture
def content(site_tree):
    """A small site with every page type, every block type and both media kinds, so the
    generated requests meet every shape the description promises."""
    category = CategoryFactory(name="Workshop", slug="workshop")
    theme = ThemeFactory(name="Mobilität", slug="mobilitaet")
    ministry = OrganisationFactory(
        name="Bundesministerium", short_name="BMWSB", url="https://www.bmwsb.bund.de/"
    )
    hero = ImageFactory(focal_point_x=600, focal_point_y=400, focal_point_width=200, focal_point_height=100)
    uncredited = ImageFactory(credit_author="", credit_source="", is_decorative=True)
    document = wagtail_factories.DocumentFactory(title="Strategie", file__filename="strategie.pdf")
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        max_width=None,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/smart-city"></iframe>',
        provider_name="YouTube",
        title="Smart City",
        thumbnail_url="https://i.ytimg.com/vi/smart-city/hqdefault.jpg",
        width=640,
        height=360,
    )
    project = ProjectPageFactory(
        parent=site_tree.projects,
        hero_image=hero,
        end_date=datetime.date(2027, 12, 31),
        contact=PersonFactory(organisation=ministry, photo=hero),
    )
    project.themes.add(theme)
    project.goals = [ProjectGoal(text="Daten offen teilen")]
    project.milestones = [ProjectMilestone(date=datetime.date(2022, 3, 7), title="Auftakt", done=True)]
    project.funders = [ProjectFunder(organisation=ministry)]
    project.partners = [ProjectPartner(organisation=OrganisationFactory(name="KfW", logo=uncredited))]
    project.save()
    event = EventPageFactory(
        parent=site_tree.events,
        category=category,
        venue=VenueFactory(latitude="51.256213", longitude="7.150764"),
        project=project,
        hero_image=uncredited,
        start=datetime.datetime(2030, 3, 7, 17, 0, tzinfo=BERLIN),
    )
    EventDateFactory(event=event, start=datetime.datetime(2030, 3, 14, 17, 0, tzinfo=BERLIN), note="Teil 2")
    draft = ArticlePageFactory(parent=site_tree.articles, title="Entwurf", live=False)
    link = {"text": "Projekt", "page": project.pk, "url": "", "new_tab": False}
    article = ArticlePageFactory(
        parent=site_tree.articles,
        category=category,
        hero_image=hero,
        body=[
            {"type": "heading", "value": {"text": "Worum es geht", "level": "h2"}},
            {"type": "paragraph", "value": f'<p>Siehe <a linktype="page" id="{project.pk}">Projekt</a>.</p>'},
            {"type": "image", "value": {"image": hero.pk, "caption": "Die Stadt"}},
            {
                "type": "quote",
                "value": {"text": "Technik ist ein Werkzeug.", "attribution": "Team", "role": ""},
            },
            {"type": "video", "value": {"video": VIDEO_URL, "title": "Auftakt", "transcript": "<p>Text</p>"}},
            {"type": "call_to_action", "value": {"title": "Mitmachen", "text": "", "link": link}},
            {
                "type": "accordion",
                "value": {"title": "Hinweise", "items": [{"title": "Teilnahme", "body": "<p>Frei</p>"}]},
            },
            {"type": "document", "value": {"document": document.pk, "title": "", "description": "PDF"}},
            {"type": "event_teaser", "value": {"event": event.pk, "text": ""}},
            {"type": "event_teaser", "value": {"event": draft.pk, "text": "Entfällt"}},
            {"type": "link_list", "value": {"title": "", "links": [link, {**link, "page": draft.pk}]}},
        ],
    )
    article.tags.add("Daten")
    article.related_events = [ArticleEventLink(event=event)]
    article.related_projects = [ArticleProjectLink(project=project)]
    article.save()
    ContentPageFactory(parent=site_tree.home, title="Impressum")
    statement = AccessibilityStatementPageFactory(parent=site_tree.home)
    statement.barriers = [StatementBarrier(what="PDF-Dokumente", reason="Nicht geprüft.")]
    statement.save()
    BarrierReportPageFactory(parent=site_tree.home)
    easy_language = [
        ("heading", "Willkommen"),
        ("paragraph", {"text": "Das ist die Website.", "image": hero}),
        ("paragraph", {"text": "Ohne Bild.", "image": None}),
        ("word", {"word": "Website", "explanation": "Seiten im Internet."}),
    ]
    EasyLanguagePageFactory(parent=site_tree.home, body=easy_language)
    video = {"video": VIDEO_URL, "title": "In Gebärdensprache", "transcript": "<p>Text</p>"}
    SignLanguagePageFactory(parent=site_tree.home, videos=[("video", video)])
    AlertFactory(title="Unwetter", severity="danger", link_url="https://www.dwd.de/")
    AlertFactory(
        title="Termin verlegt",
        page=site_tree.events,
        link_page=event,
        expire_at=datetime.datetime(2099, 1, 1, tzinfo=BERLIN),
    )
    return SimpleNamespace(article=article, event=event, project=project)


@pytest.fixture
def wsgi_app(content):
    with site_in_test_transaction() as app:
        yield app


def closed(schema):
    """A copy of the schema in which every object lists all its keys: the published document
    leaves objects open for later additions, the tests hold this release's answers to it."""
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    copy = {key: closed(value) for key, value in schema.items()}
    if copy.get("type") == "object" and "properties" in copy:
        copy.setdefault("additionalProperties", False)
    return copy


def closed_description(wsgi_app):
    """The served document, closed (see `closed`), for schemathesis to call the app with."""
    document = Client(wsgi_app).get("/api/v2/openapi.json").json
    loaded = schemathesis.openapi.from_dict(closed(document))
    loaded.app = wsgi_app
    loaded.location = "/api/v2/openapi.json"
    return loaded


def test_the_published_objects_are_open_for_additions(description):
    def objects(schema):
        if isinstance(schema, dict):
            if schema.get("type") == "object":
                yield schema
            for value in schema.values():
                yield from objects(value)
        elif isinstance(schema, list):
            for item in schema:
                yield from objects(item)

    found = list(objects(description))
    assert len(found) > 50
    assert not [schema for schema in found if schema.get("additionalProperties") is False]


def has_the_common_body(model) -> bool:
    """Whether the page type's body is the shared BodyBlock (pages in Leichte Sprache have
    blocks of their own, with their own shape)."""
    try:
        return isinstance(model._meta.get_field("body").stream_block, BodyBlock)
    except FieldDoesNotExist:
        return False


def test_every_page_and_media_item_of_the_site_matches_the_description(wsgi_app, content):
    """Every page type in lists and in detail, and every item of the other endpoints, once:
    the fuzzing below seldom hits the ids of real objects."""
    schema = closed_description(wsgi_app)
    client = Client(wsgi_app)

    def conforming(operation_path, url):
        response = client.get(url)
        assert response.status_code == 200, url
        schema[operation_path]["GET"].validate_response(response)
        return response.json

    block_types = set()
    for page_type in openapi.api_page_models():
        label = page_type._meta.label
        for item in conforming("/api/v2/pages/", f"/api/v2/pages/?type={label}&fields=*")["items"]:
            page = conforming("/api/v2/pages/{id}/", f"/api/v2/pages/{item['id']}/")
            if has_the_common_body(page_type):
                block_types |= {block["type"] for block in page.get("body", [])}
    for name in api_router._endpoints:
        for item in conforming(f"/api/v2/{name}/", f"/api/v2/{name}/?fields=*")["items"]:
            conforming(f"/api/v2/{name}/{{id}}/", f"/api/v2/{name}/{item['id']}/")

    assert block_types == set(BodyBlock.base_blocks)
    event_path = urlsplit(content.event.url).path
    for url in ("/api/v2/alerts/", f"/api/v2/alerts/?path={event_path}"):
        for item in conforming("/api/v2/alerts/", url)["items"]:
            conforming("/api/v2/alerts/{id}/", f"/api/v2/alerts/{item['id']}/")


def test_drafts_for_the_app_preview_match_the_description(wsgi_app, content):
    schema = closed_description(wsgi_app)
    client = Client(wsgi_app)
    saved = content.article
    saved.title = "Geänderter Titel"
    parent = saved.get_parent()
    # Placed below its parent as Wagtail's admin places a page previewed while being created.
    unsaved = ArticlePage(
        title="Noch nicht gespeichert",
        slug="neu",
        date=datetime.date(2025, 1, 1),
        depth=parent.depth + 1,
        path=Page._get_children_path_interval(parent.path)[1],
    )

    for page in (saved, unsaved):
        token = PreviewSnapshot.create_for(page).token
        response = client.get("/api/v2/preview/", query_string={"token": token})

        assert response.status_code == 200
        assert response.json["title"] == page.title
        schema["/api/v2/preview/"]["GET"].validate_response(response)


@pytest.fixture
def api_schema(request, wsgi_app):
    # Schemathesis 4.32 names each operation's subtest through the test node's `_nodeid`,
    # which pytest 9 no longer sets.
    request.node._nodeid = request.node.nodeid
    # Schemathesis' deterministic coverage cases (boundaries, missing and malformed values,
    # a POST to show the API is read-only) plus up to 15 generated requests per operation.
    schema = closed_description(wsgi_app)
    schema.config.phases.coverage.unexpected_methods = {"post"}
    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    # Repeatable runs that leave no example database behind.
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_real_responses_match_the_description(case):
    case.call_and_validate(
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
