"""Receivers hear about alerts: alert.published, alert.updated and alert.expired, with what an
app turns into a push message, sent to a real HTTP receiver (tests/webhooks/receiver.py)."""

import datetime
import hashlib
import hmac
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from alerts.factories import AlertFactory
from alerts.models import Alert, Severity
from webhooks.factories import WebhookEndpointFactory
from webhooks.models import DeliveryStatus, WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def draft(site_tree):
    return AlertFactory(
        live=False,
        title="Konzert abgesagt",
        text="Das Konzert im Park fällt wegen Sturm aus.",
        severity=Severity.DANGER,
        link_page=site_tree.events,
    )


def publish(alert, committed) -> Alert:
    with committed():
        alert.save_revision().publish()
    return Alert.objects.get(pk=alert.pk)


def messages(receiver) -> list[dict]:
    return [json.loads(request.body) for request in receiver.requests]


def test_publishing_an_alert_sends_a_signed_message_ready_for_a_push(endpoint, receiver, draft, committed):
    alert = publish(draft, committed)

    [request] = receiver.requests
    expected = hmac.new(b"stadt-app-geheimnis-2022", request.body, hashlib.sha256).hexdigest()
    assert request.headers["x-webhook-signature"] == f"sha256={expected}"
    assert request.headers["x-webhook-event"] == "alert.published"
    message = json.loads(request.body)
    assert message["event"] == "alert.published"
    assert {key: message["alert"][key] for key in ("id", "title", "text", "severity", "link", "api_url")} == {
        "id": alert.pk,
        "title": "Konzert abgesagt",
        "text": "Das Konzert im Park fällt wegen Sturm aus.",
        "severity": "danger",
        "link": "http://localhost/veranstaltungen/",
        "api_url": f"http://localhost/api/v2/alerts/{alert.pk}/",
    }
    assert message["alert"]["severity_label"] == "Gefahr"
    assert message["alert"]["revision"] == alert.live_revision_id
    assert WebhookDelivery.objects.get().status == DeliveryStatus.DELIVERED


def test_the_api_url_answers_with_the_alert(endpoint, receiver, draft, committed, client):
    publish(draft, committed)

    api_url = messages(receiver)[0]["alert"]["api_url"]
    response = client.get(api_url.removeprefix("http://localhost"))

    assert response.status_code == 200
    assert response.json()["title"] == "Konzert abgesagt"


def test_a_new_revision_of_a_live_alert_is_an_update(endpoint, receiver, draft, committed):
    alert = publish(draft, committed)
    alert.text = "Das Konzert findet am Sonntag statt."

    publish(alert, committed)

    assert [message["event"] for message in messages(receiver)] == ["alert.published", "alert.updated"]
    assert messages(receiver)[1]["alert"]["text"] == "Das Konzert findet am Sonntag statt."


def test_an_alert_at_its_end_is_announced_as_expired_by_the_scheduler(endpoint, receiver, draft, committed):
    alert = publish(draft, committed)
    Alert.objects.filter(pk=alert.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))

    with committed():
        call_command("scheduler", "--once", stdout=io.StringIO())

    assert [message["event"] for message in messages(receiver)] == ["alert.published", "alert.expired"]
    expired = messages(receiver)[1]["alert"]
    assert (expired["id"], expired["api_url"]) == (alert.pk, None)


def test_unpublishing_or_deleting_a_live_alert_is_announced_as_expired(endpoint, receiver, committed):
    first = publish(AlertFactory(live=False, title="Eins"), committed)
    second = publish(AlertFactory(live=False, title="Zwei"), committed)

    with committed():
        first.unpublish()
    with committed():
        second.delete()

    assert [(m["event"], m["alert"]["title"]) for m in messages(receiver)][2:] == [
        ("alert.expired", "Eins"),
        ("alert.expired", "Zwei"),
    ]


def test_an_endpoint_for_some_page_types_still_hears_of_alerts(receiver, draft, committed):
    WebhookEndpointFactory(url=receiver.url, events=["alert.published"], page_types=["events.EventPage"])

    publish(draft, committed)

    assert [message["event"] for message in messages(receiver)] == ["alert.published"]


def test_an_endpoint_for_page_events_hears_nothing_of_alerts(receiver, draft, committed):
    WebhookEndpointFactory(url=receiver.url, events=["page.published"])

    publish(draft, committed)

    assert receiver.requests == []
