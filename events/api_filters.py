"""The filters of the events at /api/v2/pages/?type=events.EventPage (core.api_filters)."""

from django.utils import timezone

from core import api_filters as filters

from .choices import AttendanceMode, Status, attendable


def _upcoming_or_past(events, upcoming: bool):
    now = timezone.now()
    return events.upcoming(now) if upcoming else events.past(now)


EVENT_FILTERS = filters.PageFilters(
    (
        filters.one(
            "upcoming",
            filters.BOOLEAN,
            _upcoming_or_past,
            "`true`: events with a date (main or further) still running or to come, ordered by "
            "that next date; `false`: events whose every date is over, most recent first.",
        ),
        filters.PageFilter(
            (
                filters.Parameter(
                    "start_after",
                    filters.START_OF,
                    "Only events with a date (main or further) starting at or after this moment, "
                    "in the order of that date (`matched_start`). " + filters.DATE_OR_DATETIME,
                ),
                filters.Parameter(
                    "start_before",
                    filters.END_OF,
                    "Only events starting before this moment (a date means: before the end of "
                    "that day). " + filters.DATE_OR_DATETIME,
                ),
            ),
            lambda events, after, before: events.starting_between(after, before),
        ),
        filters.one(
            "attendance_mode",
            filters.choice(AttendanceMode),
            # As the website's "Teilnahme" filter: hybrid events count as on site and as online.
            lambda events, mode: events.filter(attendable(mode)),
            "Only events people can attend this way: `on_site` and `online` include hybrid "
            "events, as the website's filter does.",
        ),
        filters.status_filter(Status, "Only events with this status"),
        filters.category_filter(),
        filters.project_filter(lambda events, project: events.filter(project_id=project)),
    )
)
