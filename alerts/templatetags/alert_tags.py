"""`{% alert_banner %}`: the current alerts for the page being shown, at the top of every
page (core/templates/base.html). One query, however many alerts there are."""

from django import template
from wagtail.models import Page

from core.visibility import is_visible

from ..models import Alert

register = template.Library()


def link_of(alert, request=None) -> str | None:
    """The alert's link for visitors: a page they may open, or its outside address
    (SafeURLField reads anything but web, mail and phone addresses as empty)."""
    if alert.link_page_id:
        page = alert.link_page
        return page.get_url(request) if is_visible(page, request) else None
    return alert.link_url or None


@register.inclusion_tag("alerts/banner.html", takes_context=True)
def alert_banner(context):
    request = context.get("request")
    page = context.get("page")
    alerts = (
        Alert.objects.current()
        .for_page(page if isinstance(page, Page) else None)
        .in_order()
        .select_related("link_page")
    )
    return {"alerts": [(alert, link_of(alert, request)) for alert in alerts]}
