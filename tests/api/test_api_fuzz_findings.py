"""What fuzzing the API against its OpenAPI document found (`make fuzz`, fuzz/run.py), each
now answered as the document says: requests it allows are accepted, requests it forbids are
a 400 (or 405) in JSON."""

import datetime
import re

import pytest
from django.test import Client
from wagtail.models import Page

from api import openapi
from api.router import api_router
from core.factories import CategoryFactory, OrganisationFactory, ThemeFactory
from events.factories import EventPageFactory, VenueFactory
from media.factories import ImageFactory
from tests.api.test_api_parameters import bad_request_message

pytestmark = pytest.mark.django_db

OTHER_ENDPOINTS = [name for name in api_router._endpoints if name != "pages"]


@pytest.fixture
def entries(site_tree):
    """An item on every endpoint but documents."""
    image = ImageFactory()
    return {
        "images": image.pk,
        "categories": CategoryFactory().pk,
        "themes": ThemeFactory().pk,
        "organisations": OrganisationFactory(logo=image).pk,
        "venues": VenueFactory().pk,
        "pages": site_tree.home.pk,
    }


def parameter(path, name):
    """The query parameter `name` of GET `path` in the OpenAPI document."""
    operation = openapi.build_openapi()["paths"][path]["get"]
    [found] = [each for each in operation["parameters"] if each["name"] == name]
    return found


# `meta` in `fields`: the document's own example `*,-meta` was "unknown fields: meta".


@pytest.mark.parametrize("endpoint", ["pages", *OTHER_ENDPOINTS])
def test_fields_without_meta_leaves_meta_out_of_list_items(client, entries, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"fields": "*,-meta"})

    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert items or endpoint == "documents"
    assert all("meta" not in item and "id" in item for item in items)


@pytest.mark.parametrize("endpoint", ["pages", "images", "categories", "themes", "organisations", "venues"])
def test_fields_without_meta_leaves_meta_out_of_a_detail(client, entries, endpoint):
    response = client.get(f"/api/v2/{endpoint}/{entries[endpoint]}/", {"fields": "*,-meta"})

    assert response.status_code == 200, response.content
    assert "meta" not in response.json()


def test_fields_meta_alone_gives_the_whole_meta_object(client, entries):
    response = client.get(f"/api/v2/categories/{entries['categories']}/", {"fields": "_,meta"})

    assert response.json() == {
        "meta": {
            "type": "cms.Category",
            "detail_url": f"http://localhost/api/v2/categories/{entries['categories']}/",
        }
    }


def test_meta_takes_no_nested_fields(client, entries):
    message = bad_request_message(client, "/api/v2/categories/", {"fields": "meta(type)"})

    assert message == "'meta' does not support nested fields"


# `order`: the document offered `next_start` (an event ordering) to every endpoint.


@pytest.mark.parametrize("endpoint", OTHER_ENDPOINTS)
def test_every_order_the_document_names_for_an_endpoint_is_accepted(client, entries, endpoint):
    schema = parameter(f"/api/v2/{endpoint}/", "order")["schema"]
    names = re.search(r"-\?\(\?:([^)]*)\)", schema["pattern"]).group(1).split("|")

    assert "next_start" not in names
    for name in names:
        for order in (name, f"-{name}", f"{name},-id"):
            assert re.fullmatch(schema["pattern"], order)
            response = client.get(f"/api/v2/{endpoint}/", {"order": order})
            assert response.status_code == 200, (order, response.content)


@pytest.mark.parametrize("endpoint", ["pages", *OTHER_ENDPOINTS])
def test_the_documented_examples_of_fields_and_order_are_accepted(client, entries, endpoint):
    for name in ("fields", "order"):
        for example in parameter(f"/api/v2/{endpoint}/", name)["examples"].values():
            response = client.get(f"/api/v2/{endpoint}/", {name: example["value"]})
            assert response.status_code == 200, (name, example, response.content)


def test_the_document_refuses_a_field_name_the_endpoint_does_not_know(entries):
    pattern = parameter("/api/v2/categories/", "fields")["schema"]["pattern"]

    assert re.fullmatch(pattern, "*,-meta")
    assert re.fullmatch(pattern, "_,name,slug")
    assert not re.fullmatch(pattern, "teaser")
    assert not re.fullmatch(pattern, "name,*")


@pytest.mark.parametrize("endpoint", ["pages", *OTHER_ENDPOINTS])
def test_random_order_goes_with_an_offset(client, entries, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"order": "random", "offset": "0"})

    assert response.status_code == 200, response.content


# Requests the document forbids, which the API took.


def test_an_empty_page_type_is_a_bad_request(client, site_tree):
    message = bad_request_message(client, "/api/v2/pages/", {"type": ""})

    assert message == "type must name a page type, e.g. type=articles.ArticlePage"


@pytest.mark.parametrize("path", ["/api/v2/", "/api/v2/openapi.json", "/api/v2/nowhere/"])
def test_another_method_than_get_beside_the_router_is_a_json_refusal(site_tree, path):
    # With the CSRF check on, as a real client meets it: it answered QUERY and POST with the
    # site's HTML 403 page.
    client = Client(enforce_csrf_checks=True)

    response = client.generic("QUERY", path)

    assert response.status_code == (404 if path.endswith("nowhere/") else 405)
    assert response["Content-Type"] == "application/json"
    if response.status_code == 405:
        assert response["Allow"] == "GET, HEAD"
        assert response.json()["message"].startswith("method QUERY not allowed")


def test_the_preview_token_is_documented_as_non_empty():
    token = parameter("/api/v2/preview/", "token")

    assert token["required"] is True
    assert token["schema"]["minLength"] == 1


# Dates and times with any offset ISO 8601 allows (PostgreSQL refuses 16 hours or more).


def test_an_occurrence_range_takes_any_offset(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events, start=datetime.datetime(2030, 3, 7, 17, 0, tzinfo=datetime.UTC)
    )

    # 2030-03-07T17:00Z is 2030-03-08T15:19 at +22:19.
    response = client.get(
        "/api/v2/occurrences/",
        {"start_after": "2030-03-08T15:18:00+22:19", "start_before": "2030-03-08T15:20:00+22:19"},
    )

    assert response.status_code == 200, response.content
    assert [item["event"]["id"] for item in response.json()["items"]] == [event.pk]


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_a_range_beyond_the_first_or_last_moment_is_answered(client, site_tree, moment):
    response = client.get("/api/v2/occurrences/", {"start_before": moment})

    assert response.status_code == 200, response.content


def test_a_date_time_field_filter_takes_any_offset(client, site_tree):
    published = datetime.datetime(2025, 3, 7, 17, 0, tzinfo=datetime.UTC)
    Page.objects.filter(pk=site_tree.home.pk).update(first_published_at=published)
    far_west = datetime.timezone(-datetime.timedelta(hours=23))

    response = client.get(
        "/api/v2/pages/", {"first_published_at": published.astimezone(far_west).isoformat()}
    )

    assert response.status_code == 200, response.content
    assert [item["id"] for item in response.json()["items"]] == [site_tree.home.pk]


# Search together with filters and orders the search index does not hold.


@pytest.fixture
def pictures(site_tree):
    wide = ImageFactory(title="Rathaus am Abend", file__width=800, file__height=400)
    wide.tags.add("Gebäude")
    narrow = ImageFactory(title="Rathaus am Morgen", file__width=400, file__height=400)
    ImageFactory(title="Schwebebahn", file__width=800, file__height=400)
    return wide, narrow


def image_titles(client, **params):
    response = client.get("/api/v2/images/", {"fields": "_,title", **params})
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_a_search_takes_filters_on_fields_the_search_index_does_not_hold(client, pictures):
    assert image_titles(client, search="Rathaus", width="800") == ["Rathaus am Abend"]
    assert image_titles(client, search="Rathaus", tags="Gebäude") == ["Rathaus am Abend"]


def test_a_search_with_an_order_gives_the_matches_in_that_order(client, pictures):
    assert image_titles(client, search="Rathaus", order="width") == ["Rathaus am Morgen", "Rathaus am Abend"]
    assert image_titles(client, search="Rathaus", order="-width") == ["Rathaus am Abend", "Rathaus am Morgen"]
    assert sorted(image_titles(client, search="Rathaus", order="random")) == [
        "Rathaus am Abend",
        "Rathaus am Morgen",
    ]


# Well-formed values that match nothing give an empty list, as the document allows them.


@pytest.mark.parametrize("parameter", ["child_of", "ancestor_of", "descendant_of", "translation_of"])
def test_a_tree_filter_on_a_page_id_without_a_page_gives_an_empty_list(client, site_tree, parameter):
    response = client.get("/api/v2/pages/", {parameter: "999999"})

    assert response.status_code == 200, response.content
    assert response.json()["items"] == []


def test_a_decimal_filter_outside_the_fields_range_gives_an_empty_list(client, site_tree):
    VenueFactory(longitude="7.150764")

    response = client.get("/api/v2/venues/", {"longitude": "-670"})

    assert response.status_code == 200, response.content
    assert response.json()["items"] == []


def test_a_parameter_given_twice_is_a_bad_request(client, entries):
    message = bad_request_message(client, "/api/v2/categories/find/?id=1&id=2")

    assert message == "id is given 2 times: give it once"


def test_an_address_under_the_api_with_a_line_break_is_a_json_404(client, site_tree):
    response = client.get("/api/v2/categories/%C3%84%0A2/")

    assert response.status_code == 404
    assert response.json() == {"message": "no API endpoint at /api/v2/categories/Ä\n2/"}


def test_the_web_servers_refusal_of_a_long_address_is_documented():
    document = openapi.build_openapi()

    for path, methods in document["paths"].items():
        assert "414" in methods["get"]["responses"], path


@pytest.mark.parametrize(
    ("value", "accepted"), [(" ", False), ("\t\n", False), ("\u00a0", True), ("\x1c", True)]
)
def test_a_text_filter_is_blank_as_the_document_says(client, site_tree, value, accepted):
    pattern = parameter("/api/v2/pages/", "tag")["schema"]["pattern"]
    response = client.get("/api/v2/pages/", {"type": "articles.ArticlePage", "tag": value})

    assert bool(re.search(pattern, value)) is accepted
    assert response.status_code == (200 if accepted else 400), response.content
