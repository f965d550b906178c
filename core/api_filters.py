"""The vocabulary in which page types declare the filters of their list at /api/v2/pages/
(`api_filters` on the model, next to its `api_fields`): upcoming events, news of one category,
running projects of one theme.

A page type says which query parameters it takes, of which kind each is (a boolean, a slug,
a page id, a day, a moment, one of its choices), what each does (for the OpenAPI document),
and how the values narrow its pages. The API reads and checks the values by their kind (a
malformed one is a 400 that names the parameter and what it accepts; api.filters) and
writes the document's parameters from the same declarations (api.openapi).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q


@dataclass(frozen=True)
class Kind:
    """What a parameter takes."""

    name: str
    choices: Any = None  # for "choice": Django model choices
    end_of_day: bool = False  # for "moment": a bare date means the end of that day


TEXT = Kind("text")  # a non-empty string, e.g. a slug or a tag name
BOOLEAN = Kind("boolean")  # true or false
PAGE_ID = Kind("page id")
DAY = Kind("day")  # YYYY-MM-DD
START_OF = Kind("moment")  # a date and time with offset, or a day meaning its start
END_OF = Kind("moment", end_of_day=True)  # ... or a day meaning its end


def choice(choices) -> Kind:
    return Kind("choice", choices=choices)


# How the OpenAPI document describes a moment's values.
DATE_OR_DATETIME = (
    "A date (`YYYY-MM-DD`, a day in Berlin) or an ISO 8601 date-time with offset "
    "(e.g. `2025-03-07T17:00:00+01:00`)."
)


@dataclass(frozen=True)
class Parameter:
    """A query parameter, described for the OpenAPI document, which adds the `type=` it needs.

    A parameter two page types share is described once: with the same description on both,
    or with one per type that the document joins ("Only events ... or projects ...", each with
    its choices).
    """

    name: str
    kind: Kind
    description: str


@dataclass(frozen=True)
class PageFilter:
    """Narrows a page type's pages by one or more parameters read together (a date range):
    `apply(pages, *values)` runs when any of them is given, with None for the others."""

    parameters: tuple[Parameter, ...]
    apply: Callable[..., Any]


def one(name: str, kind: Kind, apply: Callable, description: str) -> PageFilter:
    return PageFilter((Parameter(name, kind, description),), apply)


@dataclass(frozen=True)
class PageFilters:
    """A page type's filters, applied in this order, then its default `order`."""

    filters: tuple[PageFilter, ...]
    order: Callable[[Any], Any] | None = None

    @property
    def parameters(self) -> list[Parameter]:
        return [parameter for page_filter in self.filters for parameter in page_filter.parameters]

    def apply(self, value_of: Callable[[Parameter], Any], pages):
        """`value_of(parameter)` is the parameter's value in the request, None when absent."""
        for page_filter in self.filters:
            values = [value_of(parameter) for parameter in page_filter.parameters]
            if any(value is not None for value in values):
                pages = page_filter.apply(pages, *values)
        return self.order(pages) if self.order else pages


def having(pages, **lookup) -> Q:
    """Pages with a to-many match, each listed once (through a subquery, not a join)."""
    return Q(pk__in=pages.model.objects.filter(**lookup).values("pk"))


# The filters news and events share, described once for both (api.openapi joins the types).


def category_filter() -> PageFilter:
    return one(
        "category",
        TEXT,
        lambda pages, slug: pages.filter(category__slug=slug),
        "Only articles or events of this category, by slug (see /api/v2/categories/). An "
        "unknown slug gives an empty list.",
    )


def project_filter(apply: Callable) -> PageFilter:
    """`apply(pages, page_id)`: how the page type belongs to a project."""
    return one("project", PAGE_ID, apply, "Only articles or events that belong to this project page id.")


def status_filter(choices, description: str) -> PageFilter:
    return one("status", choice(choices), lambda pages, status: pages.filter(status=status), description)
