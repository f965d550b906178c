from cms.api_fields import ReadOnlyAPIField


def _coordinate(value):
    # JSON numbers, not the strings DecimalField would give, so map clients can use them as is.
    return float(value) if value is not None else None


class VenueField(ReadOnlyAPIField):
    def to_representation(self, venue):
        return {
            "name": venue.name,
            "street": venue.street,
            "postal_code": venue.postal_code,
            "city": venue.city,
            "latitude": _coordinate(venue.latitude),
            "longitude": _coordinate(venue.longitude),
        }
