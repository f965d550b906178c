"""Serializer fields for page `api_fields` that read only what the list view prefetched,
so a growing list does not issue a query per item."""

import copy
import functools

from rest_framework.fields import ReadOnlyField
from rest_framework.serializers import Serializer
from wagtail.api import APIField

from shapes import integer, nullable, object_schema, string

from .visibility import is_visible


class DetailAPIField(APIField):
    """An API field of the page's own screen, left out of lists, which serve cards: the body,
    the image credits, a project's goals. A list that asks for one is told where it is."""


def detail_only_fields(page_models) -> list[str]:
    """The names of the detail-only API fields of these page types, each once."""
    names = []
    for model in page_models:
        for field in getattr(model, "api_fields", []):
            if isinstance(field, DetailAPIField) and field.name not in names:
                names.append(field.name)
    return names


class DirectoryEntryField(ReadOnlyField):
    """An entry of a directory (core.directory: a category, theme, venue, organisation or
    person) where a page points to it, in the one shape of that directory: the entry as its
    own endpoint gives it, without `meta`. The model's `api_fields` say which fields that is,
    for the endpoint and here alike."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._serializers = {}

    def to_representation(self, entry):
        return self.entry_representation(entry)

    def entry_representation(self, entry) -> dict:
        model = type(entry)
        if model not in self._serializers:
            self._serializers[model] = entry_serializer_class(model)(context=self.context)
        return self._serializers[model].to_representation(entry)


class DirectoryEntryListField(DirectoryEntryField):
    """Directory entries a page points to through a many-to-many field (a project's themes),
    in their directory's shape."""

    def to_representation(self, entries):
        return [self.entry_representation(entry) for entry in entries.all()]


@functools.cache
def entry_serializer_class(model) -> type[Serializer]:
    """A serializer of the directory `model`'s `id` and `api_fields`, in that order."""
    fields = {"id": ReadOnlyField()}
    for api_field in model.api_fields:
        # Copied, as DRF orders declared fields by when each was made.
        serializer = api_field.serializer
        fields[api_field.name] = copy.deepcopy(serializer) if serializer else ReadOnlyField()
    return type(f"{model.__name__}EntrySerializer", (Serializer,), fields)


class TagNamesField(ReadOnlyField):
    """Tag names in alphabetical order, like Wagtail's own tags field, but sorted here
    so prefetched tags are used instead of a fresh query per page."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


def page_link_representation(page, request=None) -> dict | None:
    """A link to another page as apps read it: enough to show and open it, and the API
    address to fetch it. Targets visitors may not see (core.visibility) give None: the API
    never reveals them."""
    if not is_visible(page, request):
        return None
    # Imported here: wagtail.api.v2.utils loads the Page model, and this module is
    # imported while models are still loading.
    from wagtail.api.v2.utils import get_object_detail_url

    router = getattr(request, "wagtailapi_router", None) if request is not None else None
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_full_url(request),
        "type": page.specific_class._meta.label if page.specific_class else None,
        "detail_url": get_object_detail_url(router, request, type(page), page.pk) if router else None,
    }


class PageLinkField(ReadOnlyField):
    """A page foreign key (e.g. an event's project) as a page link."""

    def to_representation(self, page):
        return page_link_representation(page, self.context.get("request"))


class PageLinkListField(ReadOnlyField):
    """Pages an inline panel points to (e.g. an article's related events), as page links in
    the editor's order. Targets visitors may not see are left out rather than given as null:
    the list shows what there is to open."""

    def __init__(self, target: str, **kwargs):
        self.target = target  # the page foreign key on each link, e.g. "event"
        super().__init__(**kwargs)

    def to_representation(self, links):
        # Prefetched rather than joined, so that a draft's links (in memory, in the app
        # preview) load their pages in one query as well.
        request = self.context.get("request")
        pages = [getattr(link, self.target) for link in links.prefetch_related(self.target)]
        self.load(pages)
        return [link for link in (self.link_representation(page, request) for page in pages) if link]

    def load(self, pages) -> None:
        """Load, for all pages at once, what `link_representation` reads beyond the page."""

    def link_representation(self, page, request) -> dict | None:
        return page_link_representation(page, request)


class PageCardsField(ReadOnlyField):
    """Other pages a page's screen shows (a project's latest news), as cards: each in the
    shape of its type's list item with `fields=*`. The page's method of the field's name
    gives them; the pages endpoint serving the page renders them as its list does
    (`card_representations`)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        # A draft never saved points to nothing yet.
        if page.pk is None:
            return []
        return self.context["view"].card_representations(getattr(page, self.field_name)())


# --- JSON shapes (api.openapi) ------------------------------------------------------


def page_link_properties() -> dict:
    return {
        "id": integer(),
        "title": string(),
        "url": nullable(string("The page's absolute address on the website.", format="uri")),
        "type": nullable(string("Page type, e.g. `projects.ProjectPage`.")),
        "detail_url": nullable(string("The page in this API.", format="uri")),
    }


def api_schemas() -> dict:
    """The shape of page links in page fields."""
    return {
        "PageLink": object_schema(
            page_link_properties(),
            "A link to another page of the site. Fields that point to a page give null "
            "instead when the page is unpublished or deleted.",
        ),
    }
