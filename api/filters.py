"""Query parameters that narrow the page list at /api/v2/pages/ to what an app screen shows:
upcoming events, news of one category, running projects of one theme.

Each parameter belongs to one or two page types and needs the matching `type=`. Malformed
values are answered with a 400 that names the parameter and what it accepts; a well-formed
value that matches nothing (an unknown slug or page id) just gives an empty list.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db.models import DateTimeField, DecimalField, Q
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.utils import BadRequestError, parse_boolean

from articles.models import ArticlePage
from events.choices import attendable
from events.models import EventDate, EventPage
from projects.models import ProjectPage

EVENTS = EventPage._meta.label
ARTICLES = ArticlePage._meta.label
PROJECTS = ProjectPage._meta.label

# The page types each parameter narrows.
PARAMETER_TYPES = {
    "upcoming": (EVENTS,),
    "start_after": (EVENTS,),
    "start_before": (EVENTS,),
    "attendance_mode": (EVENTS,),
    "status": (EVENTS, PROJECTS),
    "category": (EVENTS, ARTICLES),
    "project": (EVENTS, ARTICLES),
    "tag": (ARTICLES,),
    "date_after": (ARTICLES,),
    "date_before": (ARTICLES,),
    "theme": (PROJECTS,),
}
FILTER_PARAMETERS = frozenset(PARAMETER_TYPES)

DATE_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
DATE_FORMAT = "a date as YYYY-MM-DD"
MOMENT_FORMAT = (
    "a date as YYYY-MM-DD (a day in Europe/Berlin) or a date and time with offset such as "
    "2022-03-07T17:00:00+01:00 (write + as %2B in a URL)"
)


def _text(query, name) -> str | None:
    if name not in query:
        return None
    value = query[name]
    if not value.strip():
        raise BadRequestError(f"{name} must not be empty")
    return value


def _boolean(query, name) -> bool | None:
    value = _text(query, name)
    if value is None:
        return None
    try:
        return parse_boolean(value)
    except ValueError:
        raise BadRequestError(f"{name} must be true or false, got {value!r}") from None


def _choice(query, name, choices) -> str | None:
    value = _text(query, name)
    if value is not None and value not in choices.values:
        accepted = ", ".join(choices.values)
        raise BadRequestError(f"{name} must be one of {accepted}, got {value!r}")
    return value


def _page_id(query, name) -> int | None:
    # The value is a page id in range: api.params checks every whole-number parameter
    # before the filters run.
    value = query.get(name)
    return None if value is None else int(value)


def _day(value) -> datetime.date | None:
    if DATE_PATTERN.fullmatch(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    return None


def _date(query, name) -> datetime.date | None:
    value = _text(query, name)
    if value is None:
        return None
    day = _day(value)
    if day is None:
        raise BadRequestError(f"{name} must be {DATE_FORMAT}, got {value!r}")
    return day


def _moment(query, name, *, end_of_day: bool) -> datetime.datetime | None:
    """A point in time; a bare date stands for the start or the end of that day in Berlin,
    so that `start_after=D&start_before=D` is the whole day D as the city lives it."""
    value = _text(query, name)
    if value is None:
        return None
    day = _day(value)
    if day is not None:
        time = datetime.time.max if end_of_day else datetime.time.min
        return datetime.datetime.combine(day, time, tzinfo=timezone.get_default_timezone())
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise BadRequestError(f"{name} must be {MOMENT_FORMAT}, got {value!r}")
    return moment


def _starting_between(after, before) -> Q:
    """Events with a date, the main one or a further one, that starts in the range."""
    bounds = Q()
    if after:
        bounds &= Q(start__gte=after)
    if before:
        bounds &= Q(start__lte=before)
    return bounds | Q(pk__in=EventDate.objects.filter(bounds).values("event_id"))


def _having(model, **lookup) -> Q:
    # To-many lookups go through a subquery so that a page matching twice is listed once.
    return Q(pk__in=model.objects.filter(**lookup).values("pk"))


def filter_events(query, events):
    now = timezone.now()
    upcoming = _boolean(query, "upcoming")
    if upcoming is True:
        events = events.upcoming(now)
    elif upcoming is False:
        events = events.past(now)
    after = _moment(query, "start_after", end_of_day=False)
    before = _moment(query, "start_before", end_of_day=True)
    if after or before:
        events = events.filter(_starting_between(after, before))
    if attendance_mode := _choice(query, "attendance_mode", EventPage.AttendanceMode):
        # As the website's "Teilnahme" filter: hybrid events count as on site and as online.
        events = events.filter(attendable(attendance_mode))
    if status := _choice(query, "status", EventPage.Status):
        events = events.filter(status=status)
    if category := _text(query, "category"):
        events = events.filter(category__slug=category)
    if project := _page_id(query, "project"):
        events = events.filter(project_id=project)
    return events


def filter_articles(query, articles):
    if category := _text(query, "category"):
        articles = articles.filter(category__slug=category)
    if tag := _text(query, "tag"):
        articles = articles.filter(_having(ArticlePage, tags__name__iexact=tag))
    if project := _page_id(query, "project"):
        articles = articles.filter(_having(ArticlePage, related_projects__project=project))
    if date_after := _date(query, "date_after"):
        articles = articles.filter(date__gte=date_after)
    if date_before := _date(query, "date_before"):
        articles = articles.filter(date__lte=date_before)
    return articles.newest_first()


def filter_projects(query, projects):
    if status := _choice(query, "status", ProjectPage.Status):
        projects = projects.filter(status=status)
    if theme := _text(query, "theme"):
        projects = projects.filter(_having(ProjectPage, themes__slug=theme))
    return projects


PAGE_TYPE_FILTERS = {EVENTS: filter_events, ARTICLES: filter_articles, PROJECTS: filter_projects}


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
        filter_page_type = PAGE_TYPE_FILTERS.get(page_type)
        if filter_page_type is None:
            return queryset
        if "search" not in query:
            return filter_page_type(query, queryset)
        if not given:
            return queryset
        # The search backend accepts conditions on indexed fields only; a condition on the
        # primary key combines every filter with search=.
        matching = filter_page_type(query, queryset.model.objects.all())
        return queryset.filter(pk__in=matching.values("pk"))


class _OneField:
    """Stands in for the view towards Wagtail's FieldsFilter, offering it one field."""

    def __init__(self, name):
        self.name = name

    def get_available_fields(self, model, db_fields_only=False):
        return [self.name]


# PostgreSQL refuses a time zone offset of 16 hours or more, which Python's ISO 8601 parser takes.
POSTGRES_MAX_UTC_OFFSET = datetime.timedelta(hours=16)


def _check_comparable(field, value) -> None:
    """Raises for a value PostgreSQL refuses to compare with the field's column, where it
    would fail the query rather than match nothing: a decimal with more digits than the
    column holds, or a date and time with an offset it cannot take."""
    if isinstance(field, DecimalField):
        field.run_validators(field.to_python(value))
    elif isinstance(field, DateTimeField):
        moment = field.to_python(value)
        if (
            moment is not None
            and timezone.is_aware(moment)
            and abs(moment.utcoffset()) >= POSTGRES_MAX_UTC_OFFSET
        ):
            raise ValueError(f"offset {moment.utcoffset()} out of range")


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
                _check_comparable(queryset.model._meta.get_field(name), request.GET[name])
                queryset = super().filter_queryset(request, queryset, _OneField(name))
            except (ValidationError, ValueError, TypeError) as error:
                raise BadRequestError(
                    f"field filter error. {request.GET[name]!r} is not a valid value for {name}"
                ) from error
            filtered_by_tag = filtered_by_tag or getattr(queryset, "_filtered_by_tag", False)
        if filtered_by_tag:
            # Tells Wagtail's SearchFilter to refuse search=, as FieldsFilter does.
            queryset._filtered_by_tag = True
        return queryset


def with_checked_fields(filter_backends) -> list:
    """A Wagtail endpoint's filter backends with its FieldsFilter swapped for ours."""
    return [CheckedFieldsFilter if backend is FieldsFilter else backend for backend in filter_backends]
