"""The JSON body receivers get: what happened to which page or alert, and when.

Built from the page at the moment of the change and stored with the delivery, so a retry
sends the same bytes and a deleted page still has the address it had.
"""

import datetime
import json

from django.urls import reverse
from wagtail.api.utils import get_base_url
from wagtail.models import Site

from alerts.api import alert_data as alert_api_data
from api.router import api_router


def page_data(page) -> dict:
    """The page as a receiver needs it to refresh or drop its copy: the same `type` and
    addresses the API gives (`html_url` as `url`, `detail_url` as `api_url`)."""
    url_parts = page.get_url_parts()
    site_root_url = url_parts[1] if url_parts else None
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label,
        "locale": page.locale.language_code,
        "title": page.title,
        "url": page.get_full_url(),
        "api_url": _api_url(page, site_root_url),
    }


def _api_url(page, site_root_url: str | None) -> str | None:
    # The API answers for the site a page belongs to; WAGTAILAPI_BASE_URL, where set,
    # overrides the host, as it does for the API's own detail_url.
    base_url = get_base_url() or site_root_url
    path = api_router.get_object_detail_urlpath(type(page), page.pk)
    if not base_url or not path:
        return None
    return base_url + path


def alert_data(alert, *, current: bool) -> dict:
    """The alert as /api/v2/alerts/ gives it, with `api_url`, its address there: what an app
    needs for a push message. An alert that has ended has no address any more (null)."""
    site = Site.objects.filter(is_default_site=True).first()
    base_url = get_base_url() or (site.root_url if site else None)
    api_url = base_url + reverse("api_alerts_detail", args=[alert.pk]) if base_url and current else None
    return {**alert_api_data(alert), "api_url": api_url}


def body(event: str, page: dict, timestamp: datetime.datetime, delivery_id, *, subject: str = "page") -> str:
    """The exact text that is sent and signed; compact and UTF-8, like the API's JSON.
    `subject` names what changed: "page", or "alert" for the alerts' events."""
    message = {
        "event": event,
        subject: page,
        "timestamp": timestamp.astimezone(datetime.UTC).isoformat(timespec="milliseconds"),
        "delivery": str(delivery_id),
    }
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))
