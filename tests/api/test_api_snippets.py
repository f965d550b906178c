"""The shared snippets at their own endpoints: what apps need to build filter menus
(categories, themes), maps (venues) and funder logos (organisations)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from api.router import api_router
from core import directory
from core.factories import CategoryFactory, OrganisationFactory, ThemeFactory
from core.models import Category, Organisation, Person, Theme
from events.factories import EventPageFactory, VenueFactory
from events.models import Venue
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory
from projects.models import ProjectFunder

pytestmark = pytest.mark.django_db


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def items(client, endpoint, **params):
    return get_json(client, f"/api/v2/{endpoint}/", **params)["items"]


def test_categories_come_in_name_order_with_the_slug_page_filters_take(client):
    workshop = CategoryFactory(name="Workshop", slug="workshop")
    CategoryFactory(name="Pressemitteilung", slug="pressemitteilung")

    listed = items(client, "categories")

    assert [item["name"] for item in listed] == ["Pressemitteilung", "Workshop"]
    assert listed[1] == {
        "id": workshop.pk,
        "meta": {
            "type": "cms.Category",
            "detail_url": f"http://localhost/api/v2/categories/{workshop.pk}/",
        },
        "name": "Workshop",
        "slug": "workshop",
    }


def test_themes_carry_their_description(client):
    ThemeFactory(name="Mobilität", slug="mobilitaet", description="Wege durch die Stadt.")

    [theme] = items(client, "themes")

    assert (theme["name"], theme["slug"], theme["description"]) == (
        "Mobilität",
        "mobilitaet",
        "Wege durch die Stadt.",
    )


def test_a_venue_has_its_address_coordinates_as_numbers_and_accessibility_notes(client):
    VenueFactory(
        name="codeks",
        street="Kleeblatt 1",
        postal_code="42103",
        latitude="51.256213",
        longitude="7.150764",
        accessibility="Stufenloser Zugang, barrierefreies WC.",
        url="https://codeks.example.org/",
    )

    [venue] = items(client, "venues")

    assert {key: value for key, value in venue.items() if key not in ("id", "meta")} == {
        "name": "codeks",
        "street": "Kleeblatt 1",
        "postal_code": "42103",
        "city": "Wuppertal",
        "latitude": 51.256213,
        "longitude": 7.150764,
        "accessibility": "Stufenloser Zugang, barrierefreies WC.",
        "url": "https://codeks.example.org/",
    }


def test_a_venue_without_coordinates_gives_null(client):
    VenueFactory()

    [venue] = items(client, "venues")

    assert venue["latitude"] is None
    assert venue["longitude"] is None


def test_an_organisation_logo_comes_in_the_image_shape(client):
    logo = ImageFactory(title="Logo BMWSB")
    OrganisationFactory(name="Bundesministerium", short_name="BMWSB", url="https://bmwsb.example/", logo=logo)
    OrganisationFactory(name="KfW")

    ministry, bank = items(client, "organisations")

    assert (ministry["short_name"], ministry["url"]) == ("BMWSB", "https://bmwsb.example/")
    assert ministry["logo"]["id"] == logo.pk
    assert ministry["logo"]["credit"]["line"] == "Gerd Altmann auf Pixabay"
    assert set(ministry["logo"]["renditions"]) == {"thumbnail", "card", "hero"}
    assert bank["logo"] is None


def test_the_organisation_list_costs_the_same_queries_however_long(client):
    def queries_for_a_list_of(count):
        for _ in range(count):
            OrganisationFactory(logo=ImageFactory())
        # The first request renders the renditions, a one-off cost per image.
        items(client, "organisations")
        with CaptureQueriesContext(connection) as captured:
            items(client, "organisations")
        return len(captured)

    assert queries_for_a_list_of(1) == queries_for_a_list_of(5)


def test_the_detail_has_the_same_fields_as_the_list(client):
    theme = ThemeFactory(name="Teilhabe", slug="teilhabe")

    detail = get_json(client, f"/api/v2/themes/{theme.pk}/")

    assert detail == items(client, "themes")[0]


def test_an_unknown_id_is_a_json_404(client):
    response = client.get("/api/v2/venues/999999/")

    assert response.status_code == 404
    assert response.json() == {"message": "No Venue matches the given query."}


def test_fields_limit_offset_and_order_work_like_on_the_other_endpoints(client):
    for name in ["Bildung", "Energie", "Mobilität", "Teilhabe"]:
        ThemeFactory(name=name)

    body = get_json(client, "/api/v2/themes/", fields="-description", limit=2, offset=1, order="-name")

    assert body["meta"]["total_count"] == 4
    assert [item["name"] for item in body["items"]] == ["Mobilität", "Energie"]
    assert "description" not in body["items"][0]


def test_snippets_filter_by_exact_field_values(client):
    CategoryFactory(name="Workshop", slug="workshop")
    CategoryFactory(name="Vortrag", slug="vortrag")

    assert [item["name"] for item in items(client, "categories", slug="vortrag")] == ["Vortrag"]


def test_a_value_a_field_cannot_hold_is_a_bad_request(client):
    response = client.get("/api/v2/venues/", {"latitude": "nördlich"})

    assert response.status_code == 400
    assert "latitude" in response.json()["message"]


def test_each_directory_apps_may_list_has_its_endpoint_and_the_people_none():
    listed = {endpoint.model: name for name, endpoint in api_router._endpoints.items()}

    assert {model: listed.get(model) for model in directory.models()} == {
        Category: "categories",
        Theme: "themes",
        Organisation: "organisations",
        Person: None,
        Venue: "venues",
    }


def without_meta(item: dict) -> dict:
    return {key: value for key, value in item.items() if key != "meta"}


def test_pages_embed_each_entry_in_its_directory_shape(client, site_tree):
    category = CategoryFactory(name="Workshop")
    theme = ThemeFactory(name="Mobilität", description="Wege durch die Stadt.")
    venue = VenueFactory(
        name="Rathaus Barmen", latitude="51.272000", longitude="7.199000", url="https://example.org/"
    )
    logo = ImageFactory()
    funder = OrganisationFactory(name="Bundesministerium", short_name="BMWSB", logo=logo)
    EventPageFactory(parent=site_tree.events, category=category, venue=venue)
    project = ProjectPageFactory(parent=site_tree.projects)
    project.themes.add(theme)
    project.save()
    ProjectFunder.objects.create(project=project, organisation=funder)

    [event] = items(client, "pages", type="events.EventPage", fields="category,venue")
    [listed_project] = items(client, "pages", type="projects.ProjectPage", fields="themes")
    project_detail = get_json(client, f"/api/v2/pages/{project.pk}/")

    assert event["category"] == without_meta(get_json(client, f"/api/v2/categories/{category.pk}/"))
    assert event["venue"] == without_meta(get_json(client, f"/api/v2/venues/{venue.pk}/"))
    assert listed_project["themes"] == [without_meta(get_json(client, f"/api/v2/themes/{theme.pk}/"))]
    organisation = get_json(client, f"/api/v2/organisations/{funder.pk}/")
    assert project_detail["funders"] == [without_meta(organisation)]
