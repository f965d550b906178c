"""Page and alert changes turned into deliveries: one per endpoint that subscribed to the change.

Wagtail says what happened through `page_published` and `page_unpublished`; a deletion
comes as Django's `pre_delete`, once for every page of the deleted subtree, while the
pages are still in the database. Before deleting a live page Wagtail also unpublishes it
(in memory only) and sends `page_unpublished`; receivers get one "deleted" for it instead.

An alert (alerts.Alert) publishes and unpublishes through Wagtail's `published` and
`unpublished`: "alert.published" when it was not live before (alerts.signals notes that),
"alert.updated" for a new revision of a live one, "alert.expired" when it ends by its end
date (the scheduler), is unpublished by hand or is deleted while live.
"""

from functools import partial

from django.db import transaction
from django.db.models.signals import pre_delete
from django.utils import timezone
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, published, unpublished

from alerts.models import Alert
from core.visibility import is_restricted

from . import payload
from .models import Event, WebhookDelivery, WebhookEndpoint
from .tasks import deliver


def record_event(event: str, page) -> None:
    """Store a delivery for each active endpoint that wants the event for this page type,
    and queue its sending for when the change is committed: a receiver that fetches the
    page at once must find it changed, and a rolled-back change is never announced."""
    page_type = page.specific_class._meta.label
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(active=True)
        if endpoint.wants(event, page_type)
    ]
    if not endpoints:
        return
    page_data = payload.page_data(page)
    timestamp = timezone.now()
    for endpoint in endpoints:
        delivery = WebhookDelivery(
            endpoint=endpoint, event=event, page_id=page.pk, page_title=page.title, page_type=page_type
        )
        delivery.body = payload.body(event, page_data, timestamp, delivery.pk)
        delivery.save()
        # Only the id goes into the queue: the secret stays in the database.
        transaction.on_commit(partial(deliver.enqueue, str(delivery.pk)), robust=True)


def record_alert_event(event: str, alert) -> None:
    """As record_event, for an alert: every active endpoint that chose the event hears of it."""
    endpoints = [
        endpoint
        for endpoint in WebhookEndpoint.objects.filter(active=True)
        if endpoint.wants(event, Alert._meta.label)
    ]
    if not endpoints:
        return
    data = payload.alert_data(alert, current=event != Event.ALERT_EXPIRED)
    timestamp = timezone.now()
    for endpoint in endpoints:
        delivery = WebhookDelivery(
            endpoint=endpoint,
            event=event,
            page_id=alert.pk,
            page_title=alert.title,
            page_type=Alert._meta.label,
        )
        delivery.body = payload.body(event, data, timestamp, delivery.pk, subject="alert")
        delivery.save()
        transaction.on_commit(partial(deliver.enqueue, str(delivery.pk)), robust=True)


def _alert_published(sender, instance, **kwargs):
    was_live = getattr(instance, "live_before", None) is not None
    record_alert_event(Event.ALERT_UPDATED if was_live else Event.ALERT_PUBLISHED, instance)


def _alert_unpublished(sender, instance, **kwargs):
    record_alert_event(Event.ALERT_EXPIRED, instance)


def _alert_deleted(sender, instance, **kwargs):
    # Only an alert visitors could see is news to a receiver.
    if instance.live:
        record_alert_event(Event.ALERT_EXPIRED, instance)


def _is_live_in_database(page) -> bool:
    return Page.objects.filter(pk=page.pk, live=True).exists()


def _page_published(sender, instance, **kwargs):
    # Receivers are public channels (an app, a screen in the town hall): a page behind a
    # password or login is not theirs to announce, not even by its title.
    if not is_restricted(instance):
        record_event(Event.PUBLISHED, instance)


def _page_unpublished(sender, instance, **kwargs):
    # A real unpublish has saved `live=False` before the signal. The unpublish Wagtail runs
    # just before a deletion is not saved, so the row is still live: the deletion reports it.
    if _is_live_in_database(instance) or is_restricted(instance):
        return
    record_event(Event.UNPUBLISHED, instance)


def _page_deleted(sender, instance, **kwargs):
    # Only pages visitors could see are news to a receiver. `instance.live` may already be
    # switched off in memory by Wagtail's own pre_delete handler, so ask the database.
    if _is_live_in_database(instance) and not is_restricted(instance):
        record_event(Event.DELETED, instance)


def connect() -> None:
    page_published.connect(_page_published, dispatch_uid="webhooks_page_published")
    page_unpublished.connect(_page_unpublished, dispatch_uid="webhooks_page_unpublished")
    # sender=Page: every page type's deletion passes through its Page row, once per page.
    pre_delete.connect(_page_deleted, sender=Page, dispatch_uid="webhooks_page_deleted")
    published.connect(_alert_published, sender=Alert, dispatch_uid="webhooks_alert_published")
    unpublished.connect(_alert_unpublished, sender=Alert, dispatch_uid="webhooks_alert_unpublished")
    pre_delete.connect(_alert_deleted, sender=Alert, dispatch_uid="webhooks_alert_deleted")
