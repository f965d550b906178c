"""The directories' endpoints (core.directory), one per directory apps may list:
/api/v2/categories/, /api/v2/themes/, /api/v2/organisations/ and /api/v2/venues/.

They are made from the directory list, not written out: each gives its entries in the shape
its model's `api_fields` describe, the same shape pages embed them in
(core.api_fields.DirectoryEntryField). They work like Wagtail's other endpoints (`fields`,
`limit`, `offset`, `order`, exact-match filters such as `?slug=`), list every field by default
as entries are small, and come in name order, in the language `?locale=` asks for (German by
default, api.languages).
"""

from django.db.models import Prefetch
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.images import get_image_model

from core import directory
from media.api import RENDITION_SPECS, ImageField

from .filters import CheckedFieldsFilter, RandomOrderingFilter
from .languages import LOCALE_PARAMETER, LanguageFilter
from .list_tags import ListTagsMixin
from .names import GermanViewNames
from .pagination import LinkedPagination
from .params import CheckedParametersMixin
from .rendering import CompactJSON


class DirectoryAPIViewSet(
    ListTagsMixin, CompactJSON, GermanViewNames, CheckedParametersMixin, BaseAPIViewSet
):
    filter_backends = [CheckedFieldsFilter, LanguageFilter, RandomOrderingFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters | {LOCALE_PARAMETER}
    pagination_class = LinkedPagination

    @classmethod
    def get_listing_default_fields(cls, model):
        return [*super().get_listing_default_fields(model), *cls.get_body_fields_names(model)]

    def get_queryset(self):
        entries = self.model.objects.order_by("name", "pk")
        # Images (an organisation's logo) with their renditions for the whole page of
        # results, not per entry.
        images = get_image_model().objects.prefetch_renditions(*RENDITION_SPECS)
        for api_field in self.model.api_fields:
            if isinstance(api_field.serializer, ImageField):
                entries = entries.prefetch_related(Prefetch(api_field.name, queryset=images))
        return entries


def directory_endpoints() -> dict[str, type[DirectoryAPIViewSet]]:
    """The endpoint of each directory with an `api_name`, by that name, in the directories'
    order."""
    endpoints = {}
    for viewset in directory.viewsets():
        if viewset.api_name is None:
            continue
        model = viewset.model
        endpoints[viewset.api_name] = type(
            f"{model.__name__}APIViewSet",
            (DirectoryAPIViewSet,),
            {
                "__doc__": f"The {model._meta.verbose_name_plural} directory.",
                "__module__": __name__,
                "name": viewset.api_name,
                "model": model,
                "view_title": str(model._meta.verbose_name_plural),
                "view_summary": viewset.api_summary,
            },
        )
    return endpoints
