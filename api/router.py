"""The headless API at /api/v2/: Wagtail's API v2 with lists that stay cheap as they grow
and images in the one shape of `media.api`."""

from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ForeignKey, ManyToManyField, ManyToOneRel, Q, prefetch_related_objects
from django.urls import NoReverseMatch
from taggit.managers import TaggableManager
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField, PageSerializer
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, get_page_models

from core import fragments
from core.api_fields import detail_only_fields
from core.site_structure import page_model, site_roots
from core.sites import site_for
from core.visibility import expired_page_ids, visible_pages
from media.api import IMAGE_PARTS, RENDITION_SPECS, ImagePartField, renditions_prefetch
from media.visibility import visible_documents

from .filters import (
    FILTER_PARAMETERS,
    CheckedFieldsFilter,
    PageOrderingFilter,
    PageTypeFilter,
    RandomOrderingFilter,
    with_checked_fields,
)
from .languages import TranslationsField
from .list_tags import ListTagsMixin, PageListTagsMixin
from .names import GermanViewNames
from .pagination import LinkedPagination
from .params import CheckedParametersMixin
from .rendering import CompactJSON
from .snippets import directory_endpoints


def _api_relations(model, kinds):
    """The model's API fields that are relations of the given kinds, as (name, field)."""
    for api_field in getattr(model, "api_fields", []):
        try:
            field = model._meta.get_field(api_field.name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, kinds):
            yield api_field.name, field


class RequestPageHtmlUrlField(PageHtmlUrlField):
    def to_representation(self, page):
        # With the request, Wagtail looks up the sites' root paths once per request
        # instead of once per list item.
        try:
            return page.get_full_url(self.context.get("request"))
        except NoReverseMatch:
            return None


def representation_parts(page, view, request) -> tuple:
    """What a page's answer depends on besides the content: list item or detail, and the query
    string, which chooses the fields and whose filters may annotate an item (an event's
    `matched_start` in a date range)."""
    action = getattr(view, "action", None)
    query = request.META.get("QUERY_STRING", "") if request is not None else ""
    return (page.pk, page.live_revision_id, action, query)


class CardPageSerializer(PageSerializer):
    html_url = RequestPageHtmlUrlField(read_only=True)
    translations = TranslationsField()

    def to_representation(self, page):
        # Worked out once per content change for each page revision, and kept for every
        # anonymous reader (core.fragments).
        parts = representation_parts(page, self.context.get("view"), self.context.get("request"))
        return fragments.cached("api-page", parts, lambda: self._representation(page))

    def _representation(self, page):
        data = super().to_representation(page)
        # The page type at the top of every page, whatever `fields` asks for: typed clients
        # tell the page types apart by it (the unions' discriminator in api.openapi).
        page_type = page.specific_class or Page
        return {"id": data.pop("id", page.pk), "type": page_type._meta.label, **data}


class CardPagesAPIViewSet(
    PageListTagsMixin, CompactJSON, GermanViewNames, CheckedParametersMixin, PagesAPIViewSet
):
    """Pages whose `fields=*` lists cost the same number of queries for 2 or 20 items."""

    pagination_class = LinkedPagination

    view_title = "Seiten"
    view_summary = (
        "Die veröffentlichten Seiten der Website: Nachrichten, Veranstaltungen, Projekte und "
        "Inhaltsseiten. Parameter und Felder beschreibt /api/v2/docs/."
    )
    base_serializer_class = CardPageSerializer

    # The page type filters (api.filters) come before Wagtail's ordering, so an
    # `order=` from the client overrides their default order, and before search, which
    # must come last.
    filter_backends = [
        CheckedFieldsFilter,
        PageTypeFilter,
        *(
            PageOrderingFilter if backend is RandomOrderingFilter else backend
            for backend in with_checked_fields(PagesAPIViewSet.filter_backends)
            if backend is not CheckedFieldsFilter
        ),
    ]
    # The page's other languages (api.languages), in detail answers.
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]
    known_query_parameters = PagesAPIViewSet.known_query_parameters | FILTER_PARAMETERS

    # A list serves cards; what the page types declare for their own screen
    # (core.api_fields.DetailAPIField: the body, image credits, a project's goals) would make
    # every list item as heavy as a detail response.
    detail_only_fields = [
        *PagesAPIViewSet.detail_only_fields,
        "translations",
        *detail_only_fields(get_page_models()),
    ]

    def get_serializer_class(self):
        if self.action == "listing_view":
            self._refuse_detail_only_fields()
        return super().get_serializer_class()

    def _refuse_detail_only_fields(self):
        # Wagtail would call them "unknown fields"; say where to find them instead.
        try:
            fields_config = parse_fields_parameter(self.request.GET.get("fields", ""))
        except ValueError:
            return  # Wagtail reports the syntax error itself.
        asked = {name for name, negated, _ in fields_config if not negated}
        detail_only = [name for name in self.detail_only_fields if name in asked]
        if detail_only:
            names = ", ".join(detail_only)
            raise BadRequestError(f"{names}: available in the detail response only (/api/v2/pages/<id>/)")

    def _card_relations(self, model, kinds):
        """The relations among the model's API fields that list items show, loaded with the
        list; detail-only fields load what they need themselves (e.g. projects.api_fields)."""
        return [
            (name, field)
            for name, field in _api_relations(model, kinds)
            if name not in self.detail_only_fields
        ]

    def get_base_queryset(self):
        # Wagtail asks for the visible pages several times per request (queryset,
        # serializer class, serializer context); each time costs a view restriction query.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = self._public_pages(Page)
        return self._base_queryset

    def _public_pages(self, model):
        """The pages of `model` the request may read: Wagtail leaves out drafts and restricted
        pages; an expired page, which the scheduler has yet to unpublish, goes too, as on the
        website (core.visibility). A `site` parameter naming no site is a 400."""
        try:
            if fragments.generation() is None:
                # A signed-in editor or a page password: Wagtail asks each restriction whether
                # the request passes it.
                return get_public_pages_queryset(self.request, model).exclude(id__in=expired_page_ids())
            # An anonymous read passes none; the restrictions, the site and its home pages are
            # remembered until content changes (core.site_structure). Wagtail's look-ups read
            # the request's site from where site_for puts it.
            site_for(self.request)
            site = SiteFilterValidator(site=self.request.GET.get("site"), request=self.request).site_obj
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        if site is None:
            return model._default_manager.none()
        below_home = Q()
        for root in site_roots(site):
            below_home |= Q(path__startswith=root.path, depth__gte=root.depth)
        return visible_pages(model._default_manager.filter(below_home), self.request)

    def get_queryset(self):
        # Asked for several times per request (the list, its tag, the mixed-cards check).
        if not hasattr(self, "_queryset"):
            if self.request.GET.get("type") == "":
                # Wagtail would list every page, as without the parameter.
                raise BadRequestError("type must name a page type, e.g. type=articles.ArticlePage")
            queryset = super().get_queryset()
            foreign_keys = [name for name, _ in self._card_relations(queryset.model, ForeignKey)]
            # Every item's meta names its locale.
            self._queryset = queryset.select_related("locale", *foreign_keys)
        return self._queryset

    def get_object(self):
        if not hasattr(self, "_cached_object") and self._plain_anonymous_detail():
            # The page's own type is remembered, so its specific row comes in one query
            # (Wagtail reads the base row, then the specific one).
            model = page_model(self.kwargs["pk"])
            if model is not None:
                queryset = self.filter_queryset(self._public_pages(model).select_related("locale"))
                page = queryset.filter(pk=self.kwargs["pk"]).first()
                if page is not None:
                    self._cached_object = page
        # Else Wagtail's look-up, and its 404 for a page that is missing or not public.
        return super().get_object()

    def _plain_anonymous_detail(self) -> bool:
        """An anonymous detail request that chooses only the fields: its page is found by id
        alone (a `type=` or a field filter would narrow Wagtail's look-up)."""
        return (
            self.action == "detail_view"
            and fragments.generation() is not None
            and set(self.request.GET) <= {"fields", "format"}
        )

    def paginate_queryset(self, queryset):
        # Prefetching onto the served slice rather than the queryset, so it works the same
        # for search results, which are not querysets.
        items = list(super().paginate_queryset(queryset))
        # Items kept from an earlier reader need nothing more from the database.
        if not self.items_kept(items):
            self._load_card_relations(items)
        return items

    def items_kept(self, pages) -> bool:
        """Whether the answers for all these pages are kept (core.fragments); asked once per
        slice, by the paginator or here."""
        ids = [page.pk for page in pages]
        if getattr(self, "_kept", (None,))[0] != ids:
            parts = [representation_parts(page, self, self.request) for page in pages]
            self._kept = (ids, fragments.all_kept("api-page", parts))
        return self._kept[1]

    def _load_card_relations(self, items) -> None:
        """What the cards of these pages (all of one type) show, in a query per relation."""
        if not items:
            return
        model = type(items[0])
        # To-many relations: tags, themes, and inline children such as an event's further dates.
        to_many = (ManyToManyField, TaggableManager, ManyToOneRel)
        lookups = [name for name, _ in self._card_relations(model, to_many)]
        image_model = get_image_model()
        # Every item's meta names its locale; other foreign keys such as an event's venue.
        lookups += [
            "locale",
            *(
                name
                for name, field in self._card_relations(model, ForeignKey)
                if field.related_model is not image_model
            ),
        ]
        lookups += [
            renditions_prefetch(f"{name}__renditions")
            for name, field in self._card_relations(model, ForeignKey)
            if field.related_model is image_model
        ]
        prefetch_related_objects(items, *lookups)

    def listing_view(self, request):
        if not self._mixed_cards_asked():
            return super().listing_view(request)
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        pages = self.paginate_queryset(self.filter_queryset(queryset))
        return self.get_paginated_response(self.mixed_card_representations(pages))

    def _mixed_cards_asked(self) -> bool:
        """`fields=*` on a list of several page types (no `type=`, or several, as in a site
        search): each item comes as the card of its own type."""
        return self.request.GET.get("fields") == "*" and self.get_queryset().model is Page

    def mixed_card_representations(self, pages) -> list[dict]:
        """Pages of any types as cards, in the list's order (a search's ranking): a query
        per page type for the specific pages, then each type's cards as its list has them."""
        specific = Page.objects.filter(pk__in=[page.pk for page in pages]).defer_streamfields().specific()
        by_type = defaultdict(list)
        for page in specific:
            by_type[type(page)].append(page)
        cards = {}
        for group in by_type.values():
            group_cards = self.card_representations(group)
            cards |= {page.pk: card for page, card in zip(group, group_cards, strict=True)}
        return [cards[page.pk] for page in pages if page.pk in cards]

    def card_representations(self, pages) -> list[dict]:
        """Pages of one type as its list items with `fields=*` give them: the cards a page's
        own screen shows of other pages (core.api_fields.PageCardsField), loaded as a list
        is, in a fixed number of queries."""
        pages = list(pages)
        if not pages:
            return []
        self._load_card_relations(pages)
        serializer_class = self._get_serializer_class(
            self.request.wagtailapi_router, type(pages[0]), parse_fields_parameter("*"), show_details=False
        )
        return serializer_class(pages, many=True, context=self.get_serializer_context()).data


class CustomImageSerializer(ImageSerializer):
    alt = ImagePartField("alt")
    decorative = ImagePartField("decorative")
    width = ImagePartField("width")
    height = ImagePartField("height")
    focal_point = ImagePartField("focal_point")
    credit = ImagePartField("credit")
    renditions = ImagePartField("renditions")


class CustomImagesAPIViewSet(
    ListTagsMixin, CompactJSON, GermanViewNames, CheckedParametersMixin, ImagesAPIViewSet
):
    """Images in the same shape as a page's image fields, so clients parse one format."""

    pagination_class = LinkedPagination

    view_title = "Bilder"
    view_summary = "Die Bilder der Mediathek mit Alternativtext, Bildnachweis und fertigen Bildgrößen."
    filter_backends = with_checked_fields(ImagesAPIViewSet.filter_backends)

    base_serializer_class = CustomImageSerializer
    body_fields = ["id", "title", *IMAGE_PARTS]
    listing_default_fields = [*ImagesAPIViewSet.listing_default_fields, *IMAGE_PARTS]

    def get_queryset(self):
        return super().get_queryset().prefetch_renditions(*RENDITION_SPECS)


class CheckedDocumentsAPIViewSet(
    ListTagsMixin, CompactJSON, GermanViewNames, CheckedParametersMixin, DocumentsAPIViewSet
):
    """Wagtail's documents endpoint, with its query parameters checked (api.params) and
    a field filter value its field cannot hold answered by a 400."""

    pagination_class = LinkedPagination

    view_title = "Dokumente"
    view_summary = "Die öffentlichen Dokumente der Mediathek mit Adresse, Größe und Dateityp."
    filter_backends = with_checked_fields(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        # Documents of a restricted collection are not announced: their titles and file
        # names are as confidential as their content.
        return visible_documents(super().get_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CardPagesAPIViewSet)
api_router.register_endpoint("images", CustomImagesAPIViewSet)
api_router.register_endpoint("documents", CheckedDocumentsAPIViewSet)
for name, endpoint in directory_endpoints().items():
    api_router.register_endpoint(name, endpoint)
