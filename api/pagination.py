"""Lists in slices of `limit` items from `offset`, as Wagtail cuts them, with the addresses of
the next and the previous slice in `meta`, so a client pages on without building URLs."""

from collections import OrderedDict

from django.conf import settings
from django.utils.http import urlencode
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination

from media.api import absolute_url


class CountedList(list):
    """A list the paginator counts as it counts a queryset (`count()`)."""

    def count(self, *args):
        return super().count(*args) if args else len(self)


class LinkedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
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
