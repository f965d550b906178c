"""Editors maintain the shared directories (snippets) in the admin."""

import pytest
from django.urls import reverse

from core.models import Category, Organisation
from events.models import Venue

pytestmark = pytest.mark.django_db


def test_it_creates_a_venue_with_address_and_coordinates(admin_client):
    url = reverse("wagtailsnippets_events_venue:add")
    response = admin_client.post(
        url,
        {
            "name": "codeks",
            "street": "Beispielstraße 1",
            "postal_code": "42103",
            "city": "Wuppertal",
            "latitude": "51.256213",
            "longitude": "7.150764",
            "accessibility": "Stufenloser Zugang über den Hof.",
        },
    )

    assert response.status_code == 302
    venue = Venue.objects.get()
    assert venue.address_lines == ["Beispielstraße 1", "42103 Wuppertal"]
    assert str(venue.latitude) == "51.256213"


def test_it_rejects_a_venue_with_only_one_coordinate(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_events_venue:add"),
        {"name": "codeks", "city": "Wuppertal", "latitude": "51.25"},
    )

    assert response.status_code == 200
    assert "longitude" in response.context["form"].errors
    assert not Venue.objects.exists()


def test_it_rejects_a_latitude_outside_the_globe(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_events_venue:add"),
        {"name": "codeks", "city": "Wuppertal", "latitude": "91", "longitude": "7"},
    )

    assert "latitude" in response.context["form"].errors


def test_it_creates_an_organisation_and_shows_its_short_name(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_cms_organisation:add"),
        {"name": "Kreditanstalt für Wiederaufbau", "short_name": "KfW", "url": "https://www.kfw.de"},
    )

    assert response.status_code == 302
    assert str(Organisation.objects.get()) == "Kreditanstalt für Wiederaufbau (KfW)"


def test_it_lists_the_directories_under_one_menu_item(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_cms_category:list"))

    assert response.status_code == 200
    assert "Kategorien" in response.content.decode()


def test_it_refuses_a_second_category_with_the_same_name(admin_client):
    Category.objects.create(name="Pressemitteilung", slug="pressemitteilung")
    response = admin_client.post(
        reverse("wagtailsnippets_cms_category:add"),
        {"name": "Pressemitteilung", "slug": "pressemitteilung-2"},
    )

    assert response.status_code == 200
    assert "name" in response.context["form"].errors


def test_it_derives_a_category_slug_from_the_name_when_left_empty(admin_client):
    response = admin_client.post(
        reverse("wagtailsnippets_cms_category:add"), {"name": "Bürgerbeteiligung", "slug": ""}
    )

    assert response.status_code == 302
    assert Category.objects.get().slug == "buergerbeteiligung"
