"""Query parameters that narrow the page list at /api/v2/pages/ to what an app screen shows:
upcoming events, news of one category, running projects of one theme.

Each page type declares its filters next to its model (`api_filters`, written with
core.api_filters); this module applies them. Each parameter belongs to one or two page types
and needs the matching `type=`. Malformed values are answered with a 400 that names the
parameter and what it accepts; a well-formed value that matches nothing (an unknown slug or
page id) just gives an empty list. Wagtail's exact-match field filters are checked here too.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import DecimalValidator
from django.db.models import DateTimeField, DecimalField, F
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.models import get_page_models

from .languages import LanguageFilter

DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
DATE_FORMAT = "a date as YYYY-MM-DD"
MOMENT_FORMAT = (
    "a date as YYYY-MM-DD (a day in Europe/Berlin) or a date and time with offset such as "
    "2022-03-07T17:00:00+01:00 (write + as %2B in a URL)"
)


# --- Reading a parameter by its kind (core.api_filters.Kind) ------------------------------


# What counts as blank in a text filter: ASCII white space only, the class the OpenAPI
# document's pattern names too (api.openapi.FILTER_SCHEMAS); Python's str.strip() and a
# JSON Schema validator's \s would disagree on other characters.
BLANK = " \t\n\r\f\v"


def _text(query, name, kind=None) -> str | None:
    if name not in query:
        return None
    value = query[name]
    if not value.strip(BLANK):
        raise BadRequestError(f"{name} must not be empty")
    return value


def _boolean(query, name, kind) -> bool | None:
    value = _text(query, name)
    if value is None:
        return None
    try:
        return parse_boolean(value)
    except ValueError:
        raise BadRequestError(f"{name} must be true or false, got {value!r}") from None


def _choice(query, name, kind) -> str | None:
    value = _text(query, name)
    if value is not None and value not in kind.choices.values:
        accepted = ", ".join(kind.choices.values)
        raise BadRequestError(f"{name} must be one of {accepted}, got {value!r}")
    return value


def _page_id(query, name, kind) -> int | None:
    # The value is a page id in range: api.params checks every whole-number parameter
    # before the filters run.
    value = query.get(name)
    return None if value is None else int(value)


def _day_of(value) -> datetime.date | None:
    if DATE_PATTERN.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    return None


def _day(query, name, kind) -> datetime.date | None:
    value = _text(query, name)
    if value is None:
        return None
    day = _day_of(value)
    if day is None:
        raise BadRequestError(f"{name} must be {DATE_FORMAT}, got {value!r}")
    return day


def _moment(query, name, kind) -> datetime.datetime | None:
    """A point in time; a bare date stands for the start or the end of that day in Berlin,
    so that `start_after=D&start_before=D` is the whole day D as the city lives it."""
    value = _text(query, name)
    if value is None:
        return None
    day = _day_of(value)
    if day is not None:
        time = datetime.time.max if kind.end_of_day else datetime.time.min
        return datetime.datetime.combine(day, time, tzinfo=timezone.get_default_timezone())
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise BadRequestError(f"{name} must be {MOMENT_FORMAT}, got {value!r}")
    return in_utc(moment)


def in_utc(moment: datetime.datetime) -> datetime.datetime:
    """The moment in UTC, which PostgreSQL compares whatever offset it had (it refuses
    offsets of 16 hours or more, which ISO 8601 allows). A moment just outside Python's years
    1 to 9999 in UTC stands for the first or last moment there is."""
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        edge = datetime.datetime.min if moment.year == datetime.MINYEAR else datetime.datetime.max
        return edge.replace(tzinfo=datetime.UTC)


READERS = {
    "text": _text,
    "boolean": _boolean,
    "choice": _choice,
    "page id": _page_id,
    "day": _day,
    "moment": _moment,
}


def value_in(query):
    """Reads a declared parameter (core.api_filters.Parameter) from the query by its kind."""
    return lambda parameter: READERS[parameter.kind.name](query, parameter.name, parameter.kind)


# --- The page types' filters ---------------------------------------------------------------


def page_type_filters() -> dict:
    """{page type label: its declared filters (`api_filters` on the model)}, in the order
    Wagtail lists the page types."""
    return {
        model._meta.label: model.api_filters
        for model in get_page_models()
        if getattr(model, "api_filters", None) is not None
    }


def declared_parameters() -> dict[str, list]:
    """{parameter name: [(page type label, its declaration), ...]}: who declares each."""
    declared = {}
    for label, filters in page_type_filters().items():
        for parameter in filters.parameters:
            declared.setdefault(parameter.name, []).append((label, parameter))
    return declared


PAGE_TYPE_FILTERS = page_type_filters()
# The page types each parameter narrows.
PARAMETER_TYPES = {name: tuple(label for label, _ in uses) for name, uses in declared_parameters().items()}
FILTER_PARAMETERS = frozenset(PARAMETER_TYPES)


def _needs_type(name) -> str:
    types = PARAMETER_TYPES[name]
    return f"{name} filters {' or '.join(types)} only: add {' or '.join(f'type={t}' for t in types)}"


class PageTypeFilter(BaseFilterBackend):
    """The filters of one page type (events, articles, projects), with its default order:
    upcoming events by their next date, past events and articles newest first. An `order=`
    given by the client wins, as it is applied afterwards; search results keep their relevance
    order."""

    def filter_queryset(self, request, queryset, view):
        query = request.GET
        page_type = queryset.model._meta.label
        given = [name for name in query if name in FILTER_PARAMETERS]
        for name in given:
            if page_type not in PARAMETER_TYPES[name]:
                raise BadRequestError(_needs_type(name))
        filters = PAGE_TYPE_FILTERS.get(page_type)
        if filters is None:
            return queryset
        if "search" not in query:
            return filters.apply(value_in(query), queryset)
        if not given:
            return queryset
        # The search backend accepts conditions on indexed fields only; a condition on the
        # primary key combines every filter with search=.
        matching = filters.apply(value_in(query), queryset.model.objects.all())
        return queryset.filter(pk__in=matching.values("pk"))


class _OneField:
    """Stands in for the view towards Wagtail's FieldsFilter, offering it one field."""

    def __init__(self, name):
        self.name = name

    def get_available_fields(self, model, db_fields_only=False):
        return [self.name]


def _comparable(field, value: str) -> str:
    """The value as PostgreSQL can compare it with the field's column, where it would fail
    the query rather than match nothing: a date and time in UTC (`in_utc`); a decimal with
    more digits than the column holds raises."""
    if isinstance(field, DecimalField):
        # The digits only: a value outside the field's range (a longitude of -670) matches nothing.
        DecimalValidator(field.max_digits, field.decimal_places)(field.to_python(value))
    elif isinstance(field, DateTimeField):
        moment = field.to_python(value)
        if moment is not None and timezone.is_aware(moment):
            return in_utc(moment).isoformat()
    return value


class _OneValue:
    """Stands in for the request towards Wagtail's FieldsFilter, which reads its query only."""

    def __init__(self, name, value):
        self.GET = {name: value}


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's exact-match filters on API fields (`?slug=`, `?date=`, `?city=`), minus the
    parameters `PageTypeFilter` reads (Wagtail would take `category=` for a category id), and
    with a value its field cannot hold answered by a 400 instead of a server error."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        # Wagtail gives `locale` a filter of its own.
        fields -= {*FILTER_PARAMETERS, "locale"}
        filtered_by_tag = False
        for name in [name for name in request.GET if name in fields]:
            try:
                value = _comparable(queryset.model._meta.get_field(name), request.GET[name])
                queryset = super().filter_queryset(_OneValue(name, value), queryset, _OneField(name))
            except (ValidationError, ValueError, TypeError) as error:
                raise BadRequestError(
                    f"field filter error. {request.GET[name]!r} is not a valid value for {name}"
                ) from error
            filtered_by_tag = filtered_by_tag or getattr(queryset, "_filtered_by_tag", False)
        if filtered_by_tag:
            # Tells Wagtail's SearchFilter to refuse search=, as FieldsFilter does.
            queryset._filtered_by_tag = True
        return queryset


class RandomOrderingFilter(OrderingFilter):
    """Wagtail's `order=`, with `order=random` taken with an `offset` too (the document allows
    both together): each answer is a new draw, so the offset skips part of it, no more."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("order") == "random":
            return queryset.order_by("?")
        return super().filter_queryset(request, queryset, view)


class FilteredSearchFilter(SearchFilter):
    """Wagtail's `search=`, together with every filter and order the endpoint takes, as the
    document offers them. Wagtail's search refuses a list filtered or ordered by a field the
    search index does not hold (`cannot filter by 'height' while searching`), or filtered by
    tag; here the search runs over the filtered list by id, which the index holds, and with
    `order=` the database puts the matches in that order."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        listed = queryset.model.objects.filter(pk__in=queryset.values("pk")).order_by()
        # The related rows the endpoint reads with each item (a page's locale, ...).
        listed.query.select_related = queryset.query.select_related
        if "order" not in request.GET:
            # In order of relevance.
            return super().filter_queryset(request, listed, view)
        matches = super().filter_queryset(request, listed, view)
        return queryset.filter(pk__in=[match.pk for match in matches])


# What Wagtail's tree filters say when the page of their id is not among the visible pages.
TREE_FILTERS_MISSING_PAGE = {
    ChildOfFilter: "parent page doesn't exist",
    AncestorOfFilter: "descendant page doesn't exist",
    DescendantOfFilter: "ancestor page doesn't exist",
    TranslationOfFilter: "translation_of page doesn't exist",
}


def _missing_page_matches_nothing(tree_filter):
    """Wagtail's tree filter (`child_of`, ...), with a page id no visible page has answered
    with an empty list, as every other filter answers a well-formed value that matches nothing
    (an unknown project or category), rather than a 400 for a request the document allows."""
    missing = TREE_FILTERS_MISSING_PAGE[tree_filter]

    def filter_queryset(self, request, queryset, view):
        try:
            return tree_filter.filter_queryset(self, request, queryset, view)
        except BadRequestError as error:
            if str(error) == missing:
                return queryset.none()
            raise

    return type(tree_filter.__name__, (tree_filter,), {"filter_queryset": filter_queryset})


TREE_FILTERS = {
    tree_filter: _missing_page_matches_nothing(tree_filter) for tree_filter in TREE_FILTERS_MISSING_PAGE
}


def with_checked_fields(filter_backends) -> list:
    """A Wagtail endpoint's filter backends with its field filters, ordering, search, tree
    filters and locale filter swapped for ours."""
    ours = {
        LocaleFilter: LanguageFilter,
        FieldsFilter: CheckedFieldsFilter,
        OrderingFilter: RandomOrderingFilter,
        SearchFilter: FilteredSearchFilter,
        **TREE_FILTERS,
    }
    return [ours.get(backend, backend) for backend in filter_backends]


class PageOrderingFilter(RandomOrderingFilter):
    """Wagtail's `order=`, plus the orderings a page type computes (its model's
    `api_orderings`: e.g. events by their next date, `order=next_start`). Pages without a
    value for a computed ordering come last, in either direction."""

    def filter_queryset(self, request, queryset, view):
        computed = getattr(queryset.model, "api_orderings", {})
        fields = [field for field in request.GET.get("order", "").split(",") if field]
        if not any(field.lstrip("-") in computed for field in fields):
            return super().filter_queryset(request, queryset, view)
        allowed = view.get_available_fields(queryset.model, db_fields_only=True)
        expressions = []
        for field in fields:
            name = field.lstrip("-")
            if name in computed:
                queryset = computed[name](queryset)
                expressions.append(
                    F(name).desc(nulls_last=True) if field.startswith("-") else F(name).asc(nulls_last=True)
                )
            elif name in allowed:
                expressions.append(field)
            else:
                raise BadRequestError(f"cannot order by '{field}' (unknown field)")
        return queryset.order_by(*expressions, "pk")
