"""Query parameters a client gets wrong are a 400 with a JSON `message` that names the
parameter and what it accepts, on every endpoint: whole numbers out of range (an offset
beyond PostgreSQL's bigint was a server error), digits a database cannot take, and NUL
characters in any parameter."""

import pytest

from api.params import BIGINT_MAX
from events.factories import VenueFactory
from media.factories import ImageFactory
from preview.models import PreviewSnapshot

pytestmark = pytest.mark.django_db

ENDPOINTS = ["pages", "images", "documents", "categories", "themes", "venues", "organisations"]
BEYOND_BIGINT = str(BIGINT_MAX + 1)
WHOLE_NUMBER = f"a whole number from 0 to {BIGINT_MAX}"
AN_ID = f"an id from 1 to {BIGINT_MAX}"
A_PAGE_ID = f"a page id from 1 to {BIGINT_MAX}"


def bad_request_message(client, url, params=None):
    response = client.get(url, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()["message"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize(
    ("parameter", "value", "accepted"),
    [
        ("offset", BEYOND_BIGINT, WHOLE_NUMBER),
        ("offset", "9" * 5000, WHOLE_NUMBER),
        ("offset", "-1", WHOLE_NUMBER),
        ("offset", "1e3", WHOLE_NUMBER),
        ("offset", " 20", WHOLE_NUMBER),
        # Arabic-Indic digits, which Python's int() reads as 20.
        ("offset", "٢٠", WHOLE_NUMBER),
        ("limit", BEYOND_BIGINT, "a whole number from 0 to 20"),
        ("limit", "21", "a whole number from 0 to 20"),
        ("limit", "zwanzig", "a whole number from 0 to 20"),
        ("id", BEYOND_BIGINT, AN_ID),
        ("id", "0", AN_ID),
        ("id", "-1", AN_ID),
    ],
)
def test_a_whole_number_out_of_range_is_a_json_bad_request(
    client, site_tree, endpoint, parameter, value, accepted
):
    message = bad_request_message(client, f"/api/v2/{endpoint}/", {parameter: value})

    assert message.startswith(f"{parameter} must be {accepted}")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("parameter", ["offset", "limit", "fields", "order", "search", "id", "title"])
def test_a_null_character_in_any_parameter_is_a_json_bad_request(client, site_tree, endpoint, parameter):
    # `title` is a field filter of pages and an unknown parameter elsewhere: refused either way.
    message = bad_request_message(client, f"/api/v2/{endpoint}/", {parameter: "a\x00b"})

    assert message == f"{parameter} must not contain null characters"


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_the_largest_offset_gives_an_empty_page(client, site_tree, endpoint):
    for params in ({"offset": BIGINT_MAX}, {"offset": BIGINT_MAX, "search": "Stadt"}):
        response = client.get(f"/api/v2/{endpoint}/", params)

        assert response.status_code == 200, response.content
        assert response.json()["items"] == []


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_null_character_is_refused_in_details_and_finds_too(client, site_tree, endpoint):
    detail = f"/api/v2/{endpoint}/{site_tree.home.pk}/"

    assert (
        bad_request_message(client, detail, {"fields": "\x00"}) == "fields must not contain null characters"
    )
    assert bad_request_message(client, f"/api/v2/{endpoint}/find/", {"id": "1\x00"}).startswith("id must not")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("value", [BEYOND_BIGINT, "0", "abc"])
def test_find_by_id_takes_ids_in_range_only(client, site_tree, endpoint, value):
    message = bad_request_message(client, f"/api/v2/{endpoint}/find/", {"id": value})

    assert message.startswith(f"id must be {AN_ID}")


def test_a_null_character_in_a_parameter_name_is_refused(client, site_tree):
    message = bad_request_message(client, "/api/v2/pages/", {"ty\x00pe": "x"})

    assert "must not contain null characters" in message


@pytest.mark.parametrize("parameter", ["locale", "site", "type", "html_path", "child_of"])
def test_a_null_character_in_a_page_parameter_is_refused(client, site_tree, parameter):
    message = bad_request_message(client, "/api/v2/pages/", {parameter: "de\x00"})

    assert message == f"{parameter} must not contain null characters"


@pytest.mark.parametrize("parameter", ["child_of", "descendant_of", "translation_of"])
@pytest.mark.parametrize("value", [BEYOND_BIGINT, "0", "-1", "wurzel"])
def test_a_tree_filter_takes_a_page_id_or_root(client, site_tree, parameter, value):
    message = bad_request_message(client, "/api/v2/pages/", {parameter: value})

    assert message.startswith(f"{parameter} must be {A_PAGE_ID} or root")


def test_a_tree_filter_still_takes_root_and_page_ids(client, site_tree):
    by_root = client.get("/api/v2/pages/", {"child_of": "root"})
    by_id = client.get("/api/v2/pages/", {"child_of": site_tree.home.pk})

    assert by_root.status_code == by_id.status_code == 200
    assert by_root.json()["items"] == by_id.json()["items"] != []


@pytest.mark.parametrize(
    ("params", "accepted"),
    [
        ({"ancestor_of": BEYOND_BIGINT}, A_PAGE_ID),
        ({"type": "articles.ArticlePage", "project": BEYOND_BIGINT}, A_PAGE_ID),
        ({"type": "events.EventPage", "project": "0"}, A_PAGE_ID),
        ({"alias_of": BEYOND_BIGINT}, AN_ID),
        ({"type": "events.EventPage", "venue": BEYOND_BIGINT}, AN_ID),
        ({"type": "projects.ProjectPage", "contact": "-5"}, AN_ID),
        ({"type": "events.EventPage", "further_dates": "zwei"}, AN_ID),
    ],
)
def test_page_parameters_that_take_ids_are_bounded(client, site_tree, params, accepted):
    name = next(name for name in params if name != "type")

    message = bad_request_message(client, "/api/v2/pages/", params)

    assert message.startswith(f"{name} must be {accepted}")


@pytest.mark.parametrize(
    ("endpoint", "parameter", "value", "accepted"),
    [
        ("images", "width", BEYOND_BIGINT, WHOLE_NUMBER),
        ("images", "height", "-1", WHOLE_NUMBER),
        ("images", "renditions", "x", AN_ID),
        ("organisations", "logo", BEYOND_BIGINT, AN_ID),
    ],
)
def test_field_filters_on_whole_numbers_are_bounded(client, site_tree, endpoint, parameter, value, accepted):
    message = bad_request_message(client, f"/api/v2/{endpoint}/", {parameter: value})

    assert message.startswith(f"{parameter} must be {accepted}")


def test_field_filters_on_whole_numbers_still_match(client, site_tree):
    image = ImageFactory(file__width=640, file__height=480)
    ImageFactory()

    response = client.get("/api/v2/images/", {"width": "640", "id": str(image.pk)})

    assert [item["id"] for item in response.json()["items"]] == [image.pk]


@pytest.mark.parametrize(
    ("url", "parameter", "value"),
    [
        # More digits than the column holds: PostgreSQL fails the comparison.
        ("/api/v2/venues/", "latitude", "1e999999999"),
        # Offsets of 16 hours or more, which PostgreSQL refuses, are compared in UTC
        # (tests/api/test_api_fuzz_findings.py).
    ],
)
def test_a_field_filter_value_the_database_cannot_compare_is_a_bad_request(
    client, site_tree, url, parameter, value
):
    message = bad_request_message(client, url, {parameter: value})

    assert message == f"field filter error. {value!r} is not a valid value for {parameter}"


def test_a_decimal_field_filter_still_matches(client, site_tree):
    VenueFactory(name="Rathaus", latitude="51.256213")

    response = client.get("/api/v2/venues/", {"latitude": "51.256213"})

    assert [item["name"] for item in response.json()["items"]] == ["Rathaus"]


def test_a_null_character_in_a_preview_token_is_a_bad_request(client, site_tree):
    token = PreviewSnapshot.create_for(site_tree.home).token

    message = bad_request_message(client, "/api/v2/preview/", {"token": token + "\x00"})

    assert message == "token must not contain null characters"
