"""Typed clients generated from the OpenAPI document, as app developers make them: a client
package from openapi-python-client and pydantic models from datamodel-code-generator. Each
must read every demo page, list and preview into the type of its page, with that type's
fields, and keep reading when a later release adds a field or a block type."""

import copy
import importlib
import subprocess
import sys
import uuid
from pathlib import Path

import httpx
import pytest
from django.test import Client as DjangoClient
from wagtail.models import Page

from api.openapi import api_page_models, page_type_label
from api.router import CardPagesAPIViewSet
from articles.models import ArticlePage
from preview.models import PreviewSnapshot
from tests.wsgi import site_in_test_transaction

BIN = Path(sys.executable).parent
CLIENT_PACKAGE = "smart_city_api_client"
MODELS_MODULE = "smart_city_api_models"


@pytest.fixture(scope="module")
def document(django_db_setup, django_db_blocker) -> bytes:
    """The live document, as an app developer downloads it."""
    with django_db_blocker.unblock():
        response = DjangoClient().get("/api/v2/openapi.json")
    assert response.status_code == 200
    return response.content


@pytest.fixture(scope="module")
def generated(document, tmp_path_factory):
    """Both generated clients, importable for the module's tests."""
    folder = tmp_path_factory.mktemp("generated")
    (folder / "openapi.json").write_bytes(document)
    # No post hooks: openapi-python-client would format its output with ruff from PATH.
    (folder / "config.yml").write_text("post_hooks: []\n")
    run(
        BIN / "openapi-python-client",
        "generate",
        "--path",
        folder / "openapi.json",
        "--output-path",
        folder / CLIENT_PACKAGE,
        "--meta",
        "none",
        "--config",
        folder / "config.yml",
    )
    run(
        BIN / "datamodel-codegen",
        "--input",
        folder / "openapi.json",
        "--input-file-type",
        "openapi",
        "--output",
        folder / f"{MODELS_MODULE}.py",
        "--output-model-type",
        "pydantic_v2.BaseModel",
        "--formatters",
        "builtin",
    )
    sys.path.insert(0, str(folder))
    try:
        yield (
            importlib.import_module(CLIENT_PACKAGE),
            importlib.import_module(MODELS_MODULE),
        )
    finally:
        sys.path.remove(str(folder))
        for name in list(sys.modules):
            if name.split(".")[0] in (CLIENT_PACKAGE, MODELS_MODULE):
                del sys.modules[name]


def run(*command):
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def site_app(demo, db):
    with site_in_test_transaction() as app:
        yield app


def api_client(package, app=None, answer=None):
    """The generated client, talking to the site over WSGI, or getting `answer` for any request."""
    if answer is not None:
        transport = httpx.MockTransport(lambda request: httpx.Response(200, json=answer))
    else:
        transport = httpx.WSGITransport(app=app)
    return package.Client(base_url="http://localhost", httpx_args={"transport": transport})


def client_module(package, name):
    return importlib.import_module(f"{package.__name__}.{name}")


def schema_class_name(model, suffix="") -> str:
    return ("GenericPage" if model is Page else model.__name__) + suffix


def field_names(model, *, listing):
    """The type-specific API fields of the page type that a default answer carries."""
    names = [field.name for field in getattr(model, "api_fields", [])]
    if listing:
        names = [name for name in names if name not in CardPagesAPIViewSet.detail_only_fields]
    return names


def assert_fields_present(parsed, names, unset=None):
    """Each named field came in the answer (`unset`: the client's marker for one that did
    not; pydantic models list those that did)."""
    if unset is None:
        missing = [name for name in names if name not in parsed.model_fields_set]
    else:
        missing = [name for name in names if getattr(parsed, name) is unset]
    assert not missing, f"{type(parsed).__name__} lacks {missing}"


def live_pages():
    return Page.objects.live().public().filter(depth__gt=1).specific()


# --- openapi-python-client ------------------------------------------------------------


def test_the_client_reads_every_demo_page_as_its_own_type(generated, site_app):
    package, _ = generated
    client = api_client(package, site_app)
    detail = client_module(package, "api.pages.pages_detail")
    unset = client_module(package, "types").UNSET

    pages = list(live_pages())
    assert len(pages) > 15
    for page in pages:
        parsed = detail.sync(page.pk, client=client)

        assert type(parsed).__name__ == type(page).__name__, page.url_path
        assert parsed.type_ == page_type_label(type(page))
        assert_fields_present(parsed, field_names(type(page), listing=False), unset)


def test_the_client_reads_every_list_into_its_item_types(generated, site_app):
    package, _ = generated
    client = api_client(package, site_app)
    listing = client_module(package, "api.pages.pages_list")
    unset = client_module(package, "types").UNSET

    for model in api_page_models():
        if model is Page:
            continue
        answer = listing.sync(client=client, type_=page_type_label(model), fields="*")
        assert answer.items, model
        for item in answer.items:
            assert type(item).__name__ == schema_class_name(model, "ListItem")
            assert_fields_present(item, field_names(model, listing=True), unset)

    # Without `type=`, every item still comes as the type it is.
    mixed = listing.sync(client=client, limit=20)
    assert {type(item).__name__ for item in mixed.items} >= {"HomePageListItem", "ArticleIndexPageListItem"}
    for item in mixed.items:
        assert type(item).__name__ == item.type_.split(".")[1] + "ListItem"


def test_the_client_reads_a_draft_of_the_app_preview(generated, site_app):
    package, _ = generated
    client = api_client(package, site_app)
    preview = client_module(package, "api.pages.preview")
    unset = client_module(package, "types").UNSET
    article = ArticlePage.objects.live().first()
    article.title = "Entwurf"

    parsed = preview.sync(client=client, token=PreviewSnapshot.create_for(article).token)

    assert type(parsed).__name__ == "ArticlePagePreview"
    assert parsed.title == "Entwurf"
    assert_fields_present(parsed, field_names(ArticlePage, listing=False), unset)


# --- datamodel-code-generator ---------------------------------------------------------


def test_the_models_read_every_demo_page_list_and_preview_as_their_types(generated, client, demo, db):
    _, models = generated

    for page in live_pages():
        answer = client.get(f"/api/v2/pages/{page.pk}/").json()
        parsed = models.PageDetail.model_validate(answer).root
        assert type(parsed).__name__ == type(page).__name__
        assert_fields_present(parsed, field_names(type(page), listing=False))

    for model in api_page_models():
        if model is Page:
            continue
        answer = client.get("/api/v2/pages/", {"type": page_type_label(model), "fields": "*"}).json()
        for item in answer["items"]:
            parsed = models.PageListItem.model_validate(item).root
            assert type(parsed).__name__ == schema_class_name(model, "ListItem")
            assert_fields_present(parsed, field_names(model, listing=True))

    article = ArticlePage.objects.live().first()
    token = PreviewSnapshot.create_for(article).token
    draft = models.PagePreview.model_validate(client.get("/api/v2/preview/", {"token": token}).json()).root
    assert type(draft).__name__ == "ArticlePagePreview"


# --- Additions a later release may make -------------------------------------------------


@pytest.fixture
def answer_of_a_later_release(client, demo, db):
    """A real article answer with what a later release might add: a field at the top, one
    in `meta`, one in a block's value, and a block type this release does not know."""
    article = next(page for page in ArticlePage.objects.live() if len(page.body) > 2)
    answer = client.get(f"/api/v2/pages/{article.pk}/").json()
    later = copy.deepcopy(answer)
    later["reading_time"] = 4
    later["meta"]["canonical_url"] = later["meta"]["html_url"]
    later["body"][0]["value"] = (
        {**later["body"][0]["value"], "anchor": "start"}
        if isinstance(later["body"][0]["value"], dict)
        else later["body"][0]["value"]
    )
    later["body"].insert(1, {"type": "poll", "id": str(uuid.uuid4()), "value": {"question": "Wohin?"}})
    return answer, later


def test_the_client_keeps_reading_when_a_field_and_a_block_type_are_added(
    generated, answer_of_a_later_release
):
    package, _ = generated
    answer, later = answer_of_a_later_release
    detail = client_module(package, "api.pages.pages_detail")
    models = client_module(package, "models")

    parsed = detail.sync(answer["id"], client=api_client(package, answer=later))

    assert isinstance(parsed, models.ArticlePage)
    assert parsed.title == answer["title"]
    assert [block.type_ for block in parsed.body] == [block["type"] for block in later["body"]]
    unknown = parsed.body[1]
    assert isinstance(unknown, models.UnknownBlock)
    others = parsed.body[:1] + parsed.body[2:]
    assert not any(isinstance(block, models.UnknownBlock) for block in others)
    assert parsed.additional_properties == {"reading_time": 4}


def test_the_models_keep_reading_when_a_field_and_a_block_type_are_added(
    generated, answer_of_a_later_release
):
    _, models = generated
    answer, later = answer_of_a_later_release

    parsed = models.PageDetail.model_validate(later).root

    assert isinstance(parsed, models.ArticlePage)
    assert [block.type for block in parsed.body.root] == [block["type"] for block in later["body"]]
    assert isinstance(parsed.body.root[1], models.UnknownBlock)
    others = parsed.body.root[:1] + parsed.body.root[2:]
    assert not any(isinstance(block, models.UnknownBlock) for block in others)
