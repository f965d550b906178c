"""An event described for search engines: one schema.org Event per date."""

from django.utils import timezone

from core.structured_data import SCHEMA, description_of, publisher, share_image

from . import costs
from .choices import AttendanceMode, Status

EVENT_STATUS = {
    Status.SCHEDULED: f"{SCHEMA}/EventScheduled",
    Status.CANCELLED: f"{SCHEMA}/EventCancelled",
    Status.POSTPONED: f"{SCHEMA}/EventPostponed",
    Status.RESCHEDULED: f"{SCHEMA}/EventRescheduled",
    Status.MOVED_ONLINE: f"{SCHEMA}/EventMovedOnline",
}
ATTENDANCE_MODE = {
    AttendanceMode.ON_SITE: f"{SCHEMA}/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: f"{SCHEMA}/OnlineEventAttendanceMode",
    AttendanceMode.HYBRID: f"{SCHEMA}/MixedEventAttendanceMode",
}


def events(page, request) -> list[dict]:
    """One Event per date of the event.

    Google's event documentation asks for a separate Event for each date of a series and
    reads neither `eventSchedule` nor `subEvent`, so further dates repeat the whole event
    with their own start and end.
    """
    url = page.get_full_url(request)
    shared = {
        "@type": "Event",
        "name": page.title,
        "description": description_of(page),
        "url": url,
        "eventStatus": EVENT_STATUS[page.status],
        "eventAttendanceMode": _attendance_mode(page),
        "organizer": _organiser(page, request),
        "inLanguage": "de",
    }
    location = _location(page, url)
    if location:
        shared["location"] = location
    image = share_image(page, request)
    if image:
        shared["image"] = [image["url"]]
    shared.update(_offers(page, url))

    nodes = []
    for date in page.dates():
        node = {**shared, **_dates(date)}
        if date.note:
            node["name"] = f"{page.title} ({date.note})"
        nodes.append(node)
    return nodes


def _dates(date) -> dict:
    if date.all_day:
        dates = {"startDate": timezone.localdate(date.start).isoformat()}
        if date.end:
            dates["endDate"] = timezone.localdate(date.end).isoformat()
        return dates
    dates = {"startDate": timezone.localtime(date.start).isoformat()}
    if date.end:
        dates["endDate"] = timezone.localtime(date.end).isoformat()
    return dates


def _attendance_mode(page) -> str:
    # Google asks for the online mode once an event has moved online.
    if page.status == Status.MOVED_ONLINE:
        return ATTENDANCE_MODE[AttendanceMode.ONLINE]
    return ATTENDANCE_MODE[page.attendance_mode]


def _location(page, url: str):
    online = {"@type": "VirtualLocation", "url": page.stream_url or url}
    mode = _attendance_mode(page)
    if mode == ATTENDANCE_MODE[AttendanceMode.ONLINE]:
        return online
    place = _place(page.venue) if page.venue else None
    if mode == ATTENDANCE_MODE[AttendanceMode.HYBRID]:
        return [place, online] if place else online
    return place


def _place(venue) -> dict:
    address = {
        "@type": "PostalAddress",
        "streetAddress": venue.street,
        "postalCode": venue.postal_code,
        "addressLocality": venue.city,
        "addressCountry": "DE",
    }
    place = {
        "@type": "Place",
        "name": venue.name,
        "address": {key: value for key, value in address.items() if value},
    }
    if venue.latitude is not None and venue.longitude is not None:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(venue.latitude),
            "longitude": float(venue.longitude),
        }
    return place


def _organiser(page, request) -> dict:
    organiser = page.organiser
    if not organiser:
        return publisher(request)
    data = {"@type": "Organization", "name": organiser.name}
    if organiser.url:
        data["url"] = organiser.url
    return data


def _offers(page, url: str) -> dict:
    """`offers` (and `isAccessibleForFree`) read from the free-text cost (events.costs)."""
    cost = page.cost.strip()
    if not cost:
        return {}
    offer = {"@type": "Offer", "description": cost, "url": page.registration_url or url}
    amount = costs.price(cost)
    if amount is not None:
        offer.update(price=amount, priceCurrency="EUR")
    elif costs.is_free(cost):
        offer.update(price="0", priceCurrency="EUR")
    if costs.is_free(cost):
        return {"offers": offer, "isAccessibleForFree": True}
    return {"offers": offer}
