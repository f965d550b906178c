from rest_framework.fields import DateTimeField, ReadOnlyField

from shapes import boolean, date_time, nullable, object_schema, string


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


# --- JSON shapes (api.openapi) ------------------------------------------------------


def api_schemas() -> dict:
    """The shape of an event's further dates."""
    return {
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
