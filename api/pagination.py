"""Lists in slices of `limit` items from `offset`, as Wagtail cuts them, with the addresses of
the next and the previous slice in `meta`, so a client pages on without building URLs.

A page type whose list is sorted by a stored column first (`api_list_anchored`: the news,
newest first) is cut as the website cuts it (core.listing.KeyAnchors): its count and seek
anchors are kept until the content changes, a slice reads the ids from the anchor before its
offset on, then the full rows of those ids only. `offset=50000` reads a few hundred narrow
rows instead of sorting and skipping fifty thousand full ones.
"""

from collections import OrderedDict
from collections.abc import Callable

from django.conf import settings
from django.db.models import QuerySet
from django.utils.http import urlencode
from django.utils.translation import get_language
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.search.backends.base import BaseSearchResults

from core import fragments
from core.content_cache import ContentCache
from core.listing import KeyAnchors
from media.api import absolute_url

# Parameters that only cut or shape the answer, not which pages are listed in which order.
SLICE_PARAMETERS = {"offset", "limit", "fields", "format"}


def list_parameters(request) -> list[tuple[str, str]]:
    """The parameters that choose which pages are listed and in which order, sorted."""
    return sorted((name, value) for name, value in request.GET.items() if name not in SLICE_PARAMETERS)


class CountedList(list):
    """A list the paginator counts as it counts a queryset (`count()`)."""

    def count(self, *args):
        return super().count(*args) if args else len(self)


class AnchoredList:
    """A page type's list as Wagtail's paginator counts and slices it, cut on narrow rows.

    In an anonymous read, `kept(pages)` says whether the answers for these pages are kept
    (core.fragments), given pages with only their id and live revision: then those are the
    slice, and no full row is read. Which ids and revisions a slice holds is kept too, under
    `scope` (the list's type, language and filters), so a list read again asks the database
    for nothing but the content version."""

    def __init__(
        self, queryset, anchors: KeyAnchors, kept: Callable[[list], bool] | None = None, scope: str = ""
    ):
        self.queryset = queryset
        self.anchors = anchors
        self.kept = kept
        self.scope = scope

    def count(self) -> int:
        return self.anchors.total

    def __getitem__(self, window: slice) -> list:
        pages, skip = self.anchors.seek(self.queryset, window.start)
        pages = pages[skip : skip + window.stop - window.start]
        if self.kept is None:
            ids = pages.values("pk")
        else:
            rows = fragments.cached(
                "api-list-slice",
                (self.scope, window.start, window.stop),
                lambda: list(pages.select_related(None).values_list("pk", "live_revision_id")),
            )
            narrow = [_narrow_page(self.queryset.model, pk, revision) for pk, revision in rows]
            if self.kept(narrow):
                return narrow
            ids = [page.pk for page in narrow]
        # The full rows of the slice's ids, sorted again (an anchored list sorts by stored
        # columns only). The router loads what the cards show onto the slice
        # (api.router, _load_card_relations).
        rows = self.queryset.model._default_manager.filter(pk__in=ids).order_by(*self.queryset.query.order_by)
        if isinstance(self.queryset.query.select_related, dict):
            rows = rows.select_related(*_paths(self.queryset.query.select_related))
        return list(rows)


def _narrow_page(model, pk, live_revision_id):
    """The page as `.only("live_revision_id")` loads it (every other field deferred), from
    values kept earlier."""
    values = {"id": pk, "live_revision_id": live_revision_id, model._meta.pk.attname: pk}
    names = [field.attname for field in model._meta.concrete_fields if field.attname in values]
    return model.from_db(model._default_manager.db, names, [values[name] for name in names])


def _paths(related: dict, prefix: str = "") -> list[str]:
    """The relations of a queryset's `select_related` tree as lookups ("hero_image", "a__b")."""
    return [
        path
        for name, below in related.items()
        for path in [prefix + name, *_paths(below, f"{prefix}{name}__")]
    ]


def anchored(queryset, request, view=None):
    """The list as an AnchoredList where its page type allows it and the client keeps its
    order (no `order=`, no `search=`), else as it is. The view may say which slices it has
    kept (`items_kept`)."""
    if not isinstance(queryset, QuerySet) or not getattr(queryset.model, "api_list_anchored", False):
        return queryset
    if "order" in request.GET or "search" in request.GET:
        return queryset
    scope = f"api-list:{queryset.model._meta.label}:{get_language()}:{urlencode(list_parameters(request))}"
    anchors = ContentCache(scope).get("anchors", lambda: KeyAnchors.of(queryset))
    # Only an anonymous read keeps answers (core.fragments).
    kept = getattr(view, "items_kept", None) if fragments.generation() is not None else None
    return AnchoredList(queryset, anchors, kept, scope)


class KeptSearch:
    """A search's results as Wagtail's paginator counts and slices them, with the count and
    each slice's ids worked out once per content change (core.fragments): ranking every
    match of a common word takes long on a large site. The pages of a slice are read by id."""

    def __init__(self, results: BaseSearchResults, request):
        self.results = results
        self.params = tuple(list_parameters(request))
        self.path = request.path

    def count(self) -> int:
        return fragments.cached("api-search-count", (self.path, self.params), self.results.count)

    def __getitem__(self, window: slice) -> list:
        parts = (self.path, self.params, window.start, window.stop)
        ids = fragments.cached("api-search-ids", parts, lambda: [page.pk for page in self.results[window]])
        # The queryset the search ran on: the same pages, relations and visibility.
        pages = self.results.query_compiler.queryset.filter(pk__in=ids).in_bulk()
        return [pages[pk] for pk in ids if pk in pages]


def kept_search(results, request):
    """Search results of an anonymous read as a KeptSearch, anything else as it is (an empty
    search has no query to keep)."""
    searched = isinstance(results, BaseSearchResults) and results.query_compiler is not None
    if searched and fragments.generation() is not None:
        return KeptSearch(results, request)
    return results


class LinkedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        queryset = kept_search(anchored(queryset, request, view), request)
        # Wagtail checks `offset` and `limit` (a 400 when malformed) and cuts the slice.
        page = super().paginate_queryset(queryset, request, view)
        limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
        self.request = request
        self.offset = int(request.GET.get("offset", 0))
        self.limit = int(request.GET.get("limit", min(20, limit_max) if limit_max else 20))
        return page

    def get_paginated_response(self, data):
        meta = OrderedDict(
            [
                ("total_count", self.total_count),
                ("next", self._link(self.offset + self.limit) if self._has_next() else None),
                ("previous", self._link(max(self.offset - self.limit, 0)) if self.offset > 0 else None),
            ]
        )
        return Response(OrderedDict([("meta", meta), ("items", data)]))

    def _has_next(self) -> bool:
        return self.limit > 0 and self.offset + self.limit < self.total_count

    def _link(self, offset: int) -> str:
        """This list's address with another offset, every other parameter as the client sent it."""
        query = self.request.GET.copy()
        query["offset"] = str(offset)
        query.setlist("limit", [str(self.limit)])
        return absolute_url(
            self.request, f"{self.request.path}?{urlencode(sorted(query.lists()), doseq=True)}"
        )
