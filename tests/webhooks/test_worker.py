"""Deliveries on the production path: queued in PostgreSQL when the change is committed,
sent by the worker (`manage.py db_worker`, as the compose file's worker service runs it),
and tried again later with growing waits when the receiver fails.

The worker closes and reopens its database connection between tasks, which the usual
per-test transaction cannot survive, so these tests commit for real and restore the
database afterwards (serialized_rollback).
"""

import datetime
import io
import json
import signal

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.webhooks.receiver import HANG
from webhooks.models import DeliveryStatus, WebhookDelivery
from webhooks.tasks import ENDPOINT_DEACTIVATED

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DELIVER_TASK = "webhooks.tasks.deliver"


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """The worker until no task is due, then back to the test."""
    # The worker installs its own handlers for Ctrl+C and SIGTERM; pytest's come back after.
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def publish(page):
    page.save_revision().publish()


def queued_deliveries():
    return DBTaskResult.objects.filter(task_path=DELIVER_TASK, status="READY")


def make_due(task_result):
    """Moves a planned retry to now, as the clock would."""
    DBTaskResult.objects.filter(pk=task_result.pk).update(run_after=timezone.now())


def test_publishing_queues_the_delivery_and_the_worker_sends_it(endpoint, receiver, article):
    publish(article)

    delivery = WebhookDelivery.objects.get()
    [queued] = queued_deliveries()
    assert queued.args_kwargs == {"args": [str(delivery.pk)], "kwargs": {}}
    assert endpoint.secret not in json.dumps(queued.args_kwargs)
    assert receiver.requests == []
    assert delivery.status == DeliveryStatus.PENDING

    run_worker()

    [request] = receiver.requests
    assert json.loads(request.body)["delivery"] == str(delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (
        DeliveryStatus.DELIVERED,
        1,
        200,
    )
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"


def test_a_failed_delivery_is_tried_again_later_with_the_same_body(endpoint, receiver, article):
    receiver.answer_with(500, 200)
    publish(article)

    failed_at = timezone.now()
    run_worker()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.get_status_display() == "erneuter Versuch geplant"
    assert (delivery.attempts, delivery.last_status_code) == (1, 500)
    assert delivery.last_error.startswith("HTTP 500")
    # The first wait is WEBHOOK_RETRY_DELAY (30 s).
    assert failed_at + datetime.timedelta(seconds=29) < delivery.next_attempt_at
    assert delivery.next_attempt_at < timezone.now() + datetime.timedelta(seconds=31)
    [retry] = queued_deliveries()
    assert retry.run_after == delivery.next_attempt_at
    assert retry.args_kwargs == {"args": [str(delivery.pk)], "kwargs": {}}

    run_worker()
    assert len(receiver.requests) == 1  # not due yet

    make_due(retry)
    run_worker()

    first, second = receiver.requests
    assert second.body == first.body
    assert second.headers["x-webhook-signature"] == first.headers["x-webhook-signature"]
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.DELIVERED
    assert (delivery.attempts, delivery.last_status_code) == (2, 200)
    assert delivery.next_attempt_at is None
    assert not queued_deliveries().exists()


def test_the_waits_between_attempts_grow(settings, endpoint, receiver, article):
    receiver.answer_with(500, 500, 500)
    publish(article)
    waits = []
    for _ in range(3):
        run_worker()
        [retry] = queued_deliveries()
        waits.append(retry.run_after - timezone.now())
        make_due(retry)

    assert [round(wait.total_seconds() / 30) for wait in waits] == [1, 4, 16]


def test_a_receiver_that_does_not_answer_times_out(settings, endpoint, receiver, article):
    settings.WEBHOOK_TIMEOUT = 0.5
    receiver.answer_with(HANG)
    publish(article)

    run_worker()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.last_status_code is None
    assert delivery.last_error == "Zeitüberschreitung: keine Antwort innerhalb von 0.5 s"
    assert queued_deliveries().count() == 1


def test_after_the_last_attempt_the_delivery_has_failed(settings, endpoint, receiver, article):
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    receiver.answer_with(500, 503)
    publish(article)
    run_worker()
    make_due(queued_deliveries().get())

    run_worker()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.get_status_display() == "fehlgeschlagen"
    assert (delivery.attempts, delivery.last_status_code) == (2, 503)
    assert delivery.last_error.startswith("HTTP 503")
    assert delivery.next_attempt_at is None
    assert not queued_deliveries().exists()
    # The worker's own task succeeded: the failure is the receiver's, recorded in the log.
    assert set(DBTaskResult.objects.filter(task_path=DELIVER_TASK).values_list("status", flat=True)) == {
        "SUCCESSFUL"
    }


def test_retries_stop_when_the_endpoint_is_deactivated(endpoint, receiver, article):
    receiver.answer_with(500)
    publish(article)
    run_worker()
    endpoint.active = False
    endpoint.save()
    make_due(queued_deliveries().get())

    run_worker()

    assert len(receiver.requests) == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.last_error.endswith(ENDPOINT_DEACTIVATED)
    assert delivery.last_error.startswith("HTTP 500")
