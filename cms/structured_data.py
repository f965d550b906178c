"""What a page is, described for machines: the share image for link previews (Open Graph)
and schema.org JSON-LD for search engines.

The JSON-LD is built as plain dicts, per page type, so the API can hand out the same data.
"""

import json
import re

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail.images.models import SourceImageIOError

from articles.feeds import published_at, updated_at
from articles.models import ArticlePage
from events.models import EventPage
from home.models import HomePage

from .sites import absolute_url, site_for, site_name_for

SCHEMA = "https://schema.org"
# The size Facebook, LinkedIn and Mastodon crop link previews to (1.91:1).
SHARE_IMAGE_SPEC = "fill-1200x630"

EVENT_STATUS = {
    EventPage.Status.SCHEDULED: f"{SCHEMA}/EventScheduled",
    EventPage.Status.CANCELLED: f"{SCHEMA}/EventCancelled",
    EventPage.Status.POSTPONED: f"{SCHEMA}/EventPostponed",
    EventPage.Status.RESCHEDULED: f"{SCHEMA}/EventRescheduled",
    EventPage.Status.MOVED_ONLINE: f"{SCHEMA}/EventMovedOnline",
}
ATTENDANCE_MODE = {
    EventPage.AttendanceMode.ON_SITE: f"{SCHEMA}/OfflineEventAttendanceMode",
    EventPage.AttendanceMode.ONLINE: f"{SCHEMA}/OnlineEventAttendanceMode",
    EventPage.AttendanceMode.HYBRID: f"{SCHEMA}/MixedEventAttendanceMode",
}
FREE = re.compile(r"\b(?:kostenfrei|kostenlos|gratis|frei)\b", re.IGNORECASE)
PRICE = re.compile(r"(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur)", re.IGNORECASE)

# "<", ">" and "&" as JSON escapes: the JSON means the same, and no "</script>" or
# "<!--" in a title can end the script element early.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def description_of(page) -> str:
    return page.search_description or page.teaser


def share_image(page, request) -> dict | None:
    """The hero image cut for link previews, with absolute URL, size and alt text; None
    without one, or when its rendition cannot be made (original lost, media storage down)."""
    image = getattr(page, "hero_image", None)
    if not image:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except SourceImageIOError:
        return None
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.alt_text,
    }


def json_ld(page, request) -> dict | None:
    """The page's schema.org description, ready for a JSON-LD script; None where the page
    type has nothing to say beyond its HTML."""
    if isinstance(page, ArticlePage):
        nodes = [news_article(page, request)]
    elif isinstance(page, EventPage):
        nodes = events(page, request)
    elif isinstance(page, HomePage):
        nodes = [website(page, request)]
    else:
        return None
    if len(nodes) == 1:
        return {"@context": SCHEMA, **nodes[0]}
    return {"@context": SCHEMA, "@graph": nodes}


def json_for_script(data) -> str:
    """`data` as JSON that is safe to place between <script> tags."""
    return json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES)


def publisher(request) -> dict:
    """The site as an organisation: author and publisher of its news."""
    site = site_for(request)
    organisation = {"@type": "Organization", "name": site_name_for(request)}
    if site:
        organisation["url"] = site.root_url + "/"
    return organisation


def website(page, request) -> dict:
    return {"@type": "WebSite", "name": site_name_for(request), "url": page.get_full_url(request)}


def news_article(page: ArticlePage, request) -> dict:
    url = page.get_full_url(request)
    data = {
        "@type": "NewsArticle",
        "headline": page.title,
        "description": description_of(page),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": published_at(page).isoformat(),
        "dateModified": updated_at(page).isoformat(),
        "inLanguage": "de",
        "author": publisher(request),
        "publisher": publisher(request),
    }
    if page.category:
        data["articleSection"] = page.category.name
    image = share_image(page, request)
    if image:
        data["image"] = [image["url"]]
    return data


def events(page: EventPage, request) -> list[dict]:
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


def _attendance_mode(page: EventPage) -> str:
    # Google asks for the online mode once an event has moved online.
    if page.status == EventPage.Status.MOVED_ONLINE:
        return ATTENDANCE_MODE[EventPage.AttendanceMode.ONLINE]
    return ATTENDANCE_MODE[page.attendance_mode]


def _location(page: EventPage, url: str):
    online = {"@type": "VirtualLocation", "url": page.stream_url or url}
    mode = _attendance_mode(page)
    if mode == ATTENDANCE_MODE[EventPage.AttendanceMode.ONLINE]:
        return online
    place = _place(page.venue) if page.venue else None
    if mode == ATTENDANCE_MODE[EventPage.AttendanceMode.HYBRID]:
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


def _organiser(page: EventPage, request) -> dict:
    organiser = page.organiser
    if not organiser:
        return publisher(request)
    data = {"@type": "Organization", "name": organiser.name}
    if organiser.url:
        data["url"] = organiser.url
    return data


def _offers(page: EventPage, url: str) -> dict:
    """`offers` (and `isAccessibleForFree`) read from the free-text cost, e.g. "kostenfrei"
    or "5 €, ermäßigt 3 €" (the first amount is the price)."""
    cost = page.cost.strip()
    if not cost:
        return {}
    offer = {"@type": "Offer", "description": cost, "url": page.registration_url or url}
    price = PRICE.search(cost)
    if price:
        offer.update(price=price.group(1).replace(",", "."), priceCurrency="EUR")
        return {"offers": offer}
    if FREE.search(cost):
        offer.update(price="0", priceCurrency="EUR")
        return {"offers": offer, "isAccessibleForFree": True}
    return {"offers": offer}
