"""The headless API at /api/v2/: Wagtail's API v2 with lists that stay cheap as they grow
and images in the one shape of `media.api`."""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, ManyToManyField, Prefetch, prefetch_related_objects
from taggit.managers import TaggableManager
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from media.api import IMAGE_PARTS, RENDITION_SPECS, ImagePartField


def _renditions_prefetch(lookup: str) -> Prefetch:
    """The renditions of the API's fixed sizes, loaded for a whole list in one query."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=RENDITION_SPECS)
    return Prefetch(lookup, queryset=renditions, to_attr="prefetched_renditions")


def _api_relations(model, kinds):
    """The model's API fields that are relations of the given kinds, as (name, field)."""
    for api_field in getattr(model, "api_fields", []):
        try:
            field = model._meta.get_field(api_field.name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, kinds):
            yield api_field.name, field


class CardPagesAPIViewSet(PagesAPIViewSet):
    """Pages whose `fields=*` lists cost the same number of queries for 2 or 20 items."""

    def get_base_queryset(self):
        # Wagtail asks for the visible pages several times per request (queryset,
        # serializer class, serializer context); each time costs a view restriction query.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def get_queryset(self):
        queryset = super().get_queryset()
        foreign_keys = [name for name, _ in _api_relations(queryset.model, ForeignKey)]
        # Every item's meta names its locale.
        return queryset.select_related("locale", *foreign_keys)

    def paginate_queryset(self, queryset):
        # Prefetching onto the served slice rather than the queryset, so it works the same
        # for search results, which are not querysets.
        items = list(super().paginate_queryset(queryset))
        if not items:
            return items
        model = type(items[0])
        lookups = [name for name, _ in _api_relations(model, (ManyToManyField, TaggableManager))]
        image_model = get_image_model()
        lookups += [
            _renditions_prefetch(f"{name}__renditions")
            for name, field in _api_relations(model, ForeignKey)
            if field.related_model is image_model
        ]
        prefetch_related_objects(items, *lookups)
        return items


class CustomImageSerializer(ImageSerializer):
    alt = ImagePartField("alt")
    decorative = ImagePartField("decorative")
    width = ImagePartField("width")
    height = ImagePartField("height")
    focal_point = ImagePartField("focal_point")
    credit = ImagePartField("credit")
    renditions = ImagePartField("renditions")


class CustomImagesAPIViewSet(ImagesAPIViewSet):
    """Images in the same shape as a page's image fields, so clients parse one format."""

    base_serializer_class = CustomImageSerializer
    body_fields = ["id", "title", *IMAGE_PARTS]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, *IMAGE_PARTS]

    def get_queryset(self):
        return super().get_queryset().prefetch_renditions(*RENDITION_SPECS)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CardPagesAPIViewSet)
api_router.register_endpoint("images", CustomImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
