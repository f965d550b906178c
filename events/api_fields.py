from django.db.models import prefetch_related_objects
from rest_framework.fields import DateTimeField, ReadOnlyField

from core.api_fields import PageLinkListField, page_link_properties, page_link_representation
from media.api import image_representation, renditions_prefetch
from shapes import boolean, choices, date_time, nullable, object_schema, ref, string

from .choices import Status


class CoordinateField(ReadOnlyField):
    """A venue's latitude or longitude as a JSON number, not the string DecimalField would
    give, so map clients can use it as is."""

    def to_representation(self, value):
        return float(value) if value is not None else None


class EventDatesField(ReadOnlyField):
    """An event's further dates in the editor's order, as the page and its iCal file list
    them; reads the dates the list view prefetched."""

    def to_representation(self, dates):
        moment = DateTimeField()
        return [
            {
                "start": moment.to_representation(date.start),
                "end": moment.to_representation(date.end) if date.end else None,
                "all_day": date.all_day,
                "note": date.note,
            }
            for date in dates.all()
        ]


class EventLinkListField(PageLinkListField):
    """Events an inline panel points to (an article's related events), as page links with
    what a list of them shows: the dates, the status and the image."""

    def load(self, events) -> None:
        prefetch_related_objects(events, "further_dates", renditions_prefetch("hero_image__renditions"))

    def link_representation(self, event, request) -> dict | None:
        link = page_link_representation(event, request)
        if link is None:
            return None
        moment = DateTimeField()
        next_start = event.upcoming_start()
        return {
            **link,
            "start": moment.to_representation(event.start),
            "end": moment.to_representation(event.end) if event.end else None,
            "all_day": event.all_day,
            "next_start": moment.to_representation(next_start) if next_start else None,
            "status": event.status,
            "hero_image": image_representation(event.hero_image, request) if event.hero_image else None,
        }


# --- JSON shapes (api.openapi) ------------------------------------------------------


def api_schemas() -> dict:
    """The shapes of an event's further dates and of a link to an event."""
    return {
        "EventLink": object_schema(
            {
                **page_link_properties(),
                "start": date_time("Start of the main date, with the Berlin offset."),
                "end": nullable(date_time("End of the main date; null when open-ended.")),
                "all_day": boolean("When true, show dates only, no times."),
                "next_start": nullable(date_time("Start of the next date still running or to come.")),
                "status": choices(Status, "Whether and how the event takes place."),
                "hero_image": nullable(ref("Image")),
            },
            "A link to an event with its dates, status and image.",
        ),
        "EventDate": object_schema(
            {
                "start": date_time("ISO 8601 with the Berlin offset."),
                "end": nullable(date_time("ISO 8601 with the Berlin offset.")),
                "all_day": boolean("When true, show dates only, no times."),
                "note": string("e.g. „Teil 2: Mobilität“; may be empty."),
            },
            "A further date of the same event.",
        ),
    }
