from rest_framework.fields import DateTimeField, ReadOnlyField


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
