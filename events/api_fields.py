from rest_framework.fields import DateTimeField, ReadOnlyField

from shapes import boolean, closed_object, date_time, nullable, string


def _coordinate(value):
    # JSON numbers, not the strings DecimalField would give, so map clients can use them as is.
    return float(value) if value is not None else None


class CoordinateField(ReadOnlyField):
    """A latitude or longitude as a JSON number."""

    def to_representation(self, value):
        return _coordinate(value)


class VenueField(ReadOnlyField):
    def to_representation(self, venue):
        return {
            "name": venue.name,
            "street": venue.street,
            "postal_code": venue.postal_code,
            "city": venue.city,
            "latitude": _coordinate(venue.latitude),
            "longitude": _coordinate(venue.longitude),
        }


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
    """The shapes of an event's venue and further dates."""
    return {
        "Venue": closed_object(
            {
                "name": string(),
                "street": string(),
                "postal_code": string(),
                "city": string(),
                "latitude": nullable({"type": "number", "description": "WGS 84, e.g. 51.256213."}),
                "longitude": nullable({"type": "number", "description": "WGS 84, e.g. 7.150764."}),
            },
            "Where an event takes place (for online events: where it is streamed from).",
        ),
        "EventDate": closed_object(
            {
                "start": date_time("ISO 8601 with the Berlin offset."),
                "end": nullable(date_time("ISO 8601 with the Berlin offset.")),
                "all_day": boolean("When true, show dates only, no times."),
                "note": string("e.g. „Teil 2: Mobilität“; may be empty."),
            },
            "A further date of the same event.",
        ),
    }
