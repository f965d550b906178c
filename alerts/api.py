"""An alert as apps read it: in /api/v2/alerts/ (api.alerts) and in the webhooks' payload
(webhooks.payload), with its JSON shape for the OpenAPI document beside the code that makes it."""

from rest_framework.fields import DateTimeField

from core.visibility import is_visible
from shapes import choices, date_time, integer, nullable, object_schema, string

from .models import Severity


def link_of(alert, request=None, *, absolute: bool = False) -> str | None:
    """Where the alert's link leads: a page visitors may open, or its outside address
    (SafeURLField reads anything but web, mail and phone addresses as empty)."""
    if alert.link_page_id:
        page = alert.link_page
        if not is_visible(page, request):
            return None
        return page.get_full_url(request) if absolute else page.get_url(request)
    return alert.link_url or None


def alert_data(alert, request=None) -> dict:
    """The alert with absolute addresses, ready for a push message or a screen."""
    moment = DateTimeField()
    scope = alert.page
    return {
        "id": alert.pk,
        "title": alert.title,
        "text": alert.text,
        "severity": alert.severity,
        "severity_label": alert.get_severity_display(),
        "link": link_of(alert, request, absolute=True),
        "scope": None
        if scope is None
        else {"id": scope.pk, "url": scope.get_full_url(request) if is_visible(scope, request) else None},
        "start": moment.to_representation(alert.go_live_at) if alert.go_live_at else None,
        "end": moment.to_representation(alert.expire_at) if alert.expire_at else None,
        "published_at": moment.to_representation(alert.last_published_at)
        if alert.last_published_at
        else None,
        "revision": alert.live_revision_id,
    }


ALERT_SHAPE = object_schema(
    {
        "id": integer("The alert's id."),
        "title": string("Short headline, e.g. „Konzert abgesagt“."),
        "text": string("The notice itself, plain text, at most 300 characters; line breaks as `\\n`."),
        "severity": choices(Severity, "How urgent: show it by word and icon, not colour alone."),
        "severity_label": string("The severity in German, as the website shows it."),
        "link": nullable(string("More information: a page of the site or an outside address.", format="uri")),
        "scope": nullable(
            object_schema(
                {
                    "id": integer("The page the alert is for; it applies to that page and all below it."),
                    "url": nullable(string("The page's address; null when it is not public.", format="uri")),
                }
            )
            | {"description": "null: the alert is for the whole site."}
        ),
        "start": nullable(date_time("When it was scheduled to appear; null when published at once.")),
        "end": nullable(date_time("When it disappears by itself; null when it stays until unpublished.")),
        "published_at": nullable(date_time("When this version was published.")),
        "revision": nullable(
            integer(
                "The published revision's id: a new one means the alert changed (show it again "
                "where a user dismissed it)."
            )
        ),
    },
    "A current alert.",
)
