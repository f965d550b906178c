"""The shared snippets apps build filters and maps from, each at its own endpoint:
/api/v2/categories/, /api/v2/themes/, /api/v2/venues/ and /api/v2/organisations/.

They work like Wagtail's other endpoints (`fields`, `limit`, `offset`, `order`, exact-match
filters such as `?slug=`), list every field by default as snippets are small, and come in
name order.
"""

from django.db.models import Prefetch
from wagtail.api import APIField
from wagtail.api.v2.filters import OrderingFilter
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.images import get_image_model

from core.models import Category, Organisation, Person, Theme
from events.api_fields import CoordinateField
from events.models import Venue
from media.api import RENDITION_SPECS, ImageField
from shapes import URL_OR_EMPTY, nullable, ref, string

from .filters import CheckedFieldsFilter
from .names import GermanViewNames
from .params import CheckedParametersMixin

# The directories (core.directory) apps may not list: contact people are shown with the project
# they are the contact for, not as a list of names, e-mail addresses and phone numbers.
UNLISTED_DIRECTORIES = {Person}


class SnippetAPIViewSet(GermanViewNames, CheckedParametersMixin, BaseAPIViewSet):
    filter_backends = [CheckedFieldsFilter, OrderingFilter]

    @classmethod
    def get_listing_default_fields(cls, model):
        return [*super().get_listing_default_fields(model), *cls.get_body_fields_names(model)]

    def get_queryset(self):
        return self.model.objects.order_by("name", "pk")


class CategoriesAPIViewSet(SnippetAPIViewSet):
    """The kinds of news and events, with the slug the `category=` page filter takes."""

    name = "categories"
    model = Category
    view_title = "Kategorien"
    view_summary = "Die Arten von Nachrichten und Veranstaltungen; ihr Kurzname filtert Seiten (`category=`)."
    body_fields = ["id", "name", "slug"]
    # The JSON shape of each body field, for the OpenAPI document (api.openapi).
    field_shapes = {
        "name": string(),
        "slug": string("The value for `category=` filters."),
    }


class ThemesAPIViewSet(SnippetAPIViewSet):
    """The fields of action of the strategy, with the slug the `theme=` page filter takes."""

    name = "themes"
    model = Theme
    view_title = "Themenfelder"
    view_summary = "Die Handlungsfelder der Strategie; ihr Kurzname filtert Projekte (`theme=`)."
    body_fields = ["id", "name", "slug", "description"]
    # The JSON shape of each body field, for the OpenAPI document (api.openapi).
    field_shapes = {
        "name": string(),
        "slug": string("The value for `theme=` filters."),
        "description": string("May be empty."),
    }


class VenuesAPIViewSet(SnippetAPIViewSet):
    """Event venues with address, coordinates (JSON numbers) and accessibility notes."""

    name = "venues"
    model = Venue
    view_title = "Veranstaltungsorte"
    view_summary = "Veranstaltungsorte mit Adresse, Koordinaten und Hinweisen zur Barrierefreiheit."
    body_fields = [
        "id",
        "name",
        "street",
        "postal_code",
        "city",
        APIField("latitude", serializer=CoordinateField()),
        APIField("longitude", serializer=CoordinateField()),
        "accessibility",
        "url",
    ]
    # The JSON shape of each body field, for the OpenAPI document (api.openapi).
    field_shapes = {
        "name": string(),
        "street": string(),
        "postal_code": string(),
        "city": string(),
        "latitude": nullable({"type": "number"}),
        "longitude": nullable({"type": "number"}),
        "accessibility": string("Notes on accessibility (step-free access, toilets, hearing loop)."),
        "url": string(URL_OR_EMPTY),
    }


class OrganisationsAPIViewSet(SnippetAPIViewSet):
    """Funders, partners and organisers, with the logo in the image shape of `media.api`."""

    name = "organisations"
    model = Organisation
    view_title = "Organisationen"
    view_summary = "Fördergeber, Partner und Veranstalter, mit Logo."
    body_fields = ["id", "name", "short_name", "url", APIField("logo", serializer=ImageField())]
    # The JSON shape of each body field, for the OpenAPI document (api.openapi).
    field_shapes = {
        "name": string(),
        "short_name": string("e.g. „BMWSB“; may be empty."),
        "url": string(URL_OR_EMPTY),
        "logo": nullable(ref("Image")),
    }

    def get_queryset(self):
        # Logos and their renditions for the whole page of results, not per organisation.
        logos = get_image_model().objects.prefetch_renditions(*RENDITION_SPECS)
        return super().get_queryset().prefetch_related(Prefetch("logo", queryset=logos))
