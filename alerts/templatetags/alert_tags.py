"""`{% alert_banner %}`: the current alerts for the page being shown, at the top of every
page (core/templates/base.html). One query, however many alerts there are."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from cachetags import ALERTS, record
from core import fragments

from ..api import link_of
from ..models import Alert

register = template.Library()


@register.inclusion_tag("alerts/banner.html", takes_context=True)
def alert_banner(context):
    request = context.get("request")
    page = context.get("page")
    # The site-wide alerts; those of the page's sections reach it by its scope tags (delivery).
    record(ALERTS)
    alerts = list(
        Alert.objects.current()
        .for_page(page if isinstance(page, Page) else None)
        .in_language(get_language())
        .in_order()
        .select_related("link_page")
    )
    # A banner kept for later readers (core.fragments) must drop an alert at its end, before
    # the scheduler unpublishes it.
    fragments.valid_until(min((alert.expire_at for alert in alerts if alert.expire_at), default=None))
    # In the admin's preview of an alert, the draft stands first, in place of its published version.
    preview = context.get("alert_preview")
    if preview is not None:
        alerts = [preview, *(alert for alert in alerts if alert.pk != preview.pk)]
    return {"alerts": [(alert, link_of(alert, request)) for alert in alerts]}
