"""Dates as the admin shows them to editors: "07.03.2022", or "07.03.2022, 17:00" in Berlin time.

The numeric form the website prints, rather than Wagtail's relative "vor 3 Tagen": these are
the dates of the content (when an article appears, when an event starts), which editors
compare with the calendar. Free of admin imports, so that models can use it.
"""

import datetime

from django.utils import dateformat, timezone

DATE_FORMAT = "d.m.Y"
DATE_TIME_FORMAT = "d.m.Y, H:i"


def admin_date(value: datetime.date | None, *, with_time: bool = True) -> str:
    """The date, and for a point in time also the local time unless `with_time` is off."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value)
        if not with_time:
            value = value.date()
    if isinstance(value, datetime.datetime):
        return dateformat.format(value, DATE_TIME_FORMAT)
    return dateformat.format(value, DATE_FORMAT)
