"""Events as iCalendar (RFC 5545): one event as a download, the upcoming events as a feed.

The functions here only turn pages into calendar objects; the routes on the page models
decide which events go in and how the response is sent.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

if TYPE_CHECKING:
    from .models import EventPage

# The zone the events are entered in (TIME_ZONE), named in every date and described once.
TZID = settings.TIME_ZONE
LOCAL = ZoneInfo(TZID)
PRODID = "-//Smart City CMS//Veranstaltungen//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# The calendar feed's bounds (README, "Calendar feed"): a city's archive holds thousands of
# upcoming events, which no calendar app needs at once and which would take seconds to write.
FEED_DAYS_AHEAD = datetime.timedelta(days=365)
FEED_MAX_EVENTS = 200


def build_calendar(events: Iterable[tuple[EventPage, str]], name: str = "") -> Calendar:
    """A calendar with every date of the given (event page, absolute page URL) pairs."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.calendar_name = name
        # Subscribed calendars (Apple, Google, Outlook) poll this often at most.
        calendar.refresh_interval = datetime.timedelta(hours=1)
        calendar.add("x-published-ttl", datetime.timedelta(hours=1))

    vevents = [vevent for page, url in events for vevent in event_components(page, url)]
    calendar.add_component(berlin_timezone(vevents))
    for vevent in vevents:
        calendar.add_component(vevent)
    return calendar


def berlin_timezone(vevents: list[Event]) -> Timezone:
    """The VTIMEZONE for TIME_ZONE (Europe/Berlin), spanning the years the events fall in.

    icalendar writes every transition of the range as an RDATE, so the default range
    (1970 to 2038) would add several kilobytes to a file with a single event.
    """
    # This year too, so a feed without events still declares its time zone.
    years = [timezone.localdate().year]
    years += [vevent.DTSTART.year for vevent in vevents]
    years += [vevent.DTEND.year for vevent in vevents if vevent.DTEND]
    return Timezone.from_tzid(
        TZID, first_date=datetime.date(min(years), 1, 1), last_date=datetime.date(max(years) + 1, 1, 1)
    )


def event_components(page: EventPage, url: str) -> list[Event]:
    """One VEVENT per date of the event: the main date, then the further dates."""
    host = urlsplit(url).hostname or "localhost"
    # Without a METHOD, DTSTAMP is when the event was last revised (RFC 5545, 3.8.7.2),
    # which keeps the file the same between two downloads.
    revised = page.last_published_at or timezone.now()
    return [_vevent(page, date, url=url, uid=_uid(page, date, host), stamp=revised) for date in page.dates()]


def _uid(page, date, host) -> str:
    # Keyed by database ids rather than positions, so reordering or removing one further
    # date does not make calendars confuse the remaining ones.
    if date.pk is None:
        return f"event-{page.pk}@{host}"
    return f"event-{page.pk}-{date.pk}@{host}"


def _vevent(page: EventPage, date, *, url: str, uid: str, stamp: datetime.datetime) -> Event:
    summary = f"{page.title} ({date.note})" if date.note else page.title
    start, end = _start_and_end(date)
    vevent = Event.new(
        uid=uid,
        stamp=stamp.astimezone(datetime.UTC),
        last_modified=stamp.astimezone(datetime.UTC),
        summary=summary,
        start=start,
        end=end,
        description=_description(page, url),
        location=_location(page) or None,
        url=url,
        status=_status(page),
        categories=[page.category.name] if page.category else (),
    )
    venue = page.venue
    if venue and venue.latitude is not None and venue.longitude is not None and not _is_online_only(page):
        vevent.add("geo", (float(venue.latitude), float(venue.longitude)))
    # SEQUENCE is left out: it only orders updates sent by e-mail (iTIP). Nothing here
    # sends invitations, and subscribed calendars replace events by UID on each poll.
    return vevent


def _start_and_end(date) -> tuple:
    start = timezone.localtime(date.start, LOCAL)
    end = timezone.localtime(date.end, LOCAL) if date.end else None
    if date.all_day:
        # All-day events are dates, and DTEND is the day after the last day (exclusive).
        last_day = (end or start).date()
        return start.date(), last_day + datetime.timedelta(days=1)
    # A timed event without an end is left without DTEND: it ends when it starts, which
    # is all the page claims too.
    return start, end


def _status(page: EventPage) -> str:
    # RFC 5545 knows only TENTATIVE, CONFIRMED and CANCELLED. A rescheduled event, or one
    # that moved online, takes place at the date and place the file names.
    if page.status == page.Status.CANCELLED:
        return "CANCELLED"
    if page.status == page.Status.POSTPONED:
        return "TENTATIVE"
    return "CONFIRMED"


def _is_online_only(page: EventPage) -> bool:
    return page.attendance_mode == page.AttendanceMode.ONLINE or page.status == page.Status.MOVED_ONLINE


def _location(page: EventPage) -> str:
    if _is_online_only(page) and page.stream_url:
        return page.stream_url
    if page.venue:
        return ", ".join([page.venue.name, *page.venue.address_lines])
    return page.stream_url


def _description(page: EventPage, url: str) -> str:
    parts = []
    if not page.is_scheduled:
        parts.append(page.get_status_display())
    if page.teaser:
        parts.append(page.teaser)
    if page.stream_url and page.attendance_mode == page.AttendanceMode.HYBRID:
        parts.append(_("Livestream: %(url)s") % {"url": page.stream_url})
    parts.append(url)
    return "\n\n".join(parts)


def calendar_response(calendar: Calendar | bytes, filename: str | None = None) -> HttpResponse:
    """The calendar (or its written form) as a response: a download when a filename is
    given, else shown inline so calendar apps can subscribe to the address."""
    body = calendar if isinstance(calendar, bytes) else calendar.to_ical()
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
