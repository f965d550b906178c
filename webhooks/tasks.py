"""Sending deliveries in the background, and trying again when a receiver fails.

A retry is the same task queued again with `run_after`, which needs a task backend that
can defer (the database backend and its worker). The immediate backend cannot: it runs
tasks inside the editor's request, where waiting minutes for a second attempt is no option
and a "planned" attempt would never happen. There a failed attempt is final, and the log
says why.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import sending
from .models import DeliveryStatus, WebhookDelivery

# Each wait is this many times the one before: with WEBHOOK_RETRY_DELAY = 30 s that gives
# 30 s, 2 min, 8 min, 32 min and 2 h 8 min.
BACKOFF_FACTOR = 4

NO_RETRY_WITHOUT_WORKER = (
    "Kein weiterer Versuch: Aufgaben laufen ohne Hintergrunddienst (TASKS_BACKEND=immediate), "
    "daher kann das CMS nicht später erneut senden."
)
ENDPOINT_DEACTIVATED = "Nicht mehr gesendet: Der Endpunkt wurde deaktiviert."


def retry_delay(failed_attempts: int) -> datetime.timedelta | None:
    """How long to wait after this many failed attempts; None when no attempt is left."""
    if failed_attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        return None
    return datetime.timedelta(seconds=settings.WEBHOOK_RETRY_DELAY * BACKOFF_FACTOR ** (failed_attempts - 1))


@task()
def deliver(delivery_id: str) -> None:
    """One attempt at a delivery. A failed attempt is recorded in the delivery log, never
    raised: the worker would only mark its own task failed, where no editor looks."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    # Deleted with its endpoint, or settled already.
    if delivery is None or delivery.is_finished:
        return
    if not delivery.endpoint.active:
        _give_up(delivery, ENDPOINT_DEACTIVATED)
        return

    outcome = sending.post(delivery)
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_status_code = outcome.status_code
    delivery.next_attempt_at = None
    if outcome.delivered:
        delivery.status = DeliveryStatus.DELIVERED
        delivery.delivered_at = now
        delivery.save()
        return

    # The last error stays in the log after a later success: it tells why it took longer.
    delivery.last_error = outcome.error
    delay = retry_delay(delivery.attempts)
    if delay is None:
        delivery.status = DeliveryStatus.FAILED
        delivery.save()
    elif not deliver.get_backend().supports_defer:
        _give_up(delivery, NO_RETRY_WITHOUT_WORKER)
    else:
        _retry_later(delivery, now + delay)


def _retry_later(delivery: WebhookDelivery, when: datetime.datetime) -> None:
    delivery.status = DeliveryStatus.RETRYING
    delivery.next_attempt_at = when
    # Saved and queued together, so the log never promises an attempt that is not queued.
    with transaction.atomic():
        delivery.save()
        deliver.using(run_after=when).enqueue(str(delivery.pk))


def _give_up(delivery: WebhookDelivery, reason: str) -> None:
    delivery.status = DeliveryStatus.FAILED
    delivery.next_attempt_at = None
    delivery.last_error = f"{delivery.last_error}\n{reason}".strip()
    delivery.save()
