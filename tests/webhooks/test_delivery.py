"""Receivers hear about published, unpublished and deleted pages through a signed POST.

These tests run with the test settings' immediate task backend: the delivery is sent when
the change is committed, to a real HTTP receiver on 127.0.0.1 (tests/webhooks/receiver.py).
The worker path and retries are in test_worker.py.
"""

import datetime
import hashlib
import hmac
import json
import socket

import pytest
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.factories import EventPageFactory
from webhooks.factories import WebhookEndpointFactory
from webhooks.models import DeliveryStatus, Event, WebhookDelivery

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what would happen once the test's changes are committed, as in a real request."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def publish(page, committed):
    with committed():
        page.save_revision().publish()
    page.refresh_from_db()


def test_publishing_an_article_delivers_one_signed_post(endpoint, receiver, article, committed):
    before = timezone.now()
    publish(article, committed)

    [request] = receiver.requests
    assert request.method == "POST"
    assert request.path == "/hooks/cms"
    expected = hmac.new(b"stadt-app-geheimnis-2022", request.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request.headers["x-webhook-signature"], f"sha256={expected}")
    assert request.headers["content-type"] == "application/json"
    assert "SmartCityCMS" in request.headers["user-agent"]
    assert request.headers["x-webhook-event"] == "page.published"

    message = json.loads(request.body)
    delivery = WebhookDelivery.objects.get()
    assert request.headers["x-webhook-delivery"] == message["delivery"] == str(delivery.pk)
    assert message["event"] == "page.published"
    assert message["page"] == {
        "id": article.pk,
        "type": "articles.ArticlePage",
        "locale": "de",
        "title": "Live-Auftakt von smart.wuppertal",
        "url": "http://localhost/aktuelles/live-auftakt/",
        "api_url": f"http://localhost/api/v2/pages/{article.pk}/",
    }
    timestamp = datetime.datetime.fromisoformat(message["timestamp"])
    assert timestamp.utcoffset() == datetime.timedelta(0)
    assert before - datetime.timedelta(seconds=1) <= timestamp <= timezone.now()

    assert delivery.status == DeliveryStatus.DELIVERED
    assert delivery.get_status_display() == "zugestellt"
    assert delivery.attempts == 1
    assert delivery.last_status_code == 200
    assert delivery.delivered_at is not None
    assert delivery.body.encode() == request.body


def test_the_api_url_in_the_message_answers_with_the_page(endpoint, receiver, article, committed, client):
    publish(article, committed)

    api_url = json.loads(receiver.requests[0].body)["page"]["api_url"]
    response = client.get(api_url.removeprefix("http://localhost"))

    assert response.status_code == 200
    assert response.json()["title"] == "Live-Auftakt von smart.wuppertal"


def test_unpublishing_a_page_is_announced(endpoint, receiver, article, committed):
    publish(article, committed)

    with committed():
        article.unpublish()

    assert [r.headers["x-webhook-event"] for r in receiver.requests] == ["page.published", "page.unpublished"]
    message = json.loads(receiver.requests[1].body)
    assert message["event"] == "page.unpublished"
    assert message["page"]["url"] == "http://localhost/aktuelles/live-auftakt/"


def test_deleting_a_live_page_is_announced_once_as_deleted(endpoint, receiver, article, committed):
    publish(article, committed)
    page_id = article.pk

    with committed():
        article.delete()

    assert [r.headers["x-webhook-event"] for r in receiver.requests] == ["page.published", "page.deleted"]
    message = json.loads(receiver.requests[1].body)
    assert message["page"]["id"] == page_id
    assert message["page"]["type"] == "articles.ArticlePage"
    # The address it had, so the receiver can drop its copy.
    assert message["page"]["url"] == "http://localhost/aktuelles/live-auftakt/"
    deleted = WebhookDelivery.objects.get(event=Event.DELETED)
    assert (deleted.page_title, deleted.status) == (
        "Live-Auftakt von smart.wuppertal",
        DeliveryStatus.DELIVERED,
    )


def test_deleting_a_section_announces_each_live_page_in_it(endpoint, receiver, site_tree, article, committed):
    publish(article, committed)
    receiver.requests.clear()

    with committed():
        site_tree.articles.delete()

    messages = [json.loads(request.body) for request in receiver.requests]
    assert {message["event"] for message in messages} == {"page.deleted"}
    assert sorted(message["page"]["type"] for message in messages) == [
        "articles.ArticleIndexPage",
        "articles.ArticlePage",
    ]


def test_deleting_a_draft_is_not_announced(endpoint, receiver, article, committed):
    with committed():
        article.delete()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


@pytest.mark.parametrize("restriction_type", ["password", "login", "groups"])
def test_a_restricted_page_is_never_announced(endpoint, receiver, article, committed, restriction_type):
    PageViewRestriction.objects.create(page=article.get_parent(), restriction_type=restriction_type)
    publish(article, committed)
    with committed():
        article.unpublish()
    publish(article, committed)
    with committed():
        article.delete()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_an_endpoint_for_events_hears_nothing_about_articles(receiver, site_tree, article, committed):
    WebhookEndpointFactory(url=receiver.url, page_types=["events.EventPage"])
    event = EventPageFactory(parent=site_tree.events, live=False, title="Auftaktveranstaltung")

    publish(article, committed)
    assert receiver.requests == []

    publish(event, committed)
    [request] = receiver.requests
    assert json.loads(request.body)["page"]["type"] == "events.EventPage"


def test_an_endpoint_hears_only_the_events_it_chose(receiver, article, committed):
    WebhookEndpointFactory(url=receiver.url, events=[Event.UNPUBLISHED])

    publish(article, committed)
    assert receiver.requests == []

    with committed():
        article.unpublish()
    assert [r.headers["x-webhook-event"] for r in receiver.requests] == ["page.unpublished"]


def test_an_inactive_endpoint_hears_nothing(receiver, article, committed):
    WebhookEndpointFactory(url=receiver.url, active=False)

    publish(article, committed)

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_each_endpoint_gets_its_own_delivery(receiver, article, committed):
    WebhookEndpointFactory(name="Stadt-App", url=receiver.url, secret="erstes-geheimnis-2022")
    WebhookEndpointFactory(name="Infoscreens", url=receiver.url, secret="zweites-geheimnis-2022")

    publish(article, committed)

    assert len(receiver.requests) == 2
    delivery_ids = {json.loads(request.body)["delivery"] for request in receiver.requests}
    assert delivery_ids == {str(pk) for pk in WebhookDelivery.objects.values_list("pk", flat=True)}
    signatures = {request.headers["x-webhook-signature"] for request in receiver.requests}
    assert len(signatures) == 2


def test_a_change_that_is_rolled_back_is_not_announced(endpoint, receiver, article, committed):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        article.save_revision().publish()
        raise RuntimeError("the request failed after publishing")

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_without_a_worker_a_failed_delivery_is_final_and_says_why(endpoint, receiver, article, committed):
    receiver.answer_with(500)

    publish(article, committed)

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 1
    assert delivery.last_status_code == 500
    assert "HTTP 500" in delivery.last_error
    assert "Interner Fehler beim Empfaenger" in delivery.last_error
    assert "TASKS_BACKEND=immediate" in delivery.last_error
    assert delivery.next_attempt_at is None
    assert len(receiver.requests) == 1


def test_a_refused_connection_is_recorded(site_tree, article, committed):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    WebhookEndpointFactory(url=f"http://127.0.0.1:{closed_port}/hooks")

    publish(article, committed)

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.last_status_code is None
    assert "Verbindung fehlgeschlagen" in delivery.last_error
    assert "refused" in delivery.last_error.lower()


def test_a_delivery_to_a_name_that_now_leads_inside_is_not_sent(article, receiver, settings, committed):
    """Checked again at each delivery: the endpoint was saved while its name was trusted, or
    while it resolved elsewhere; the delivery is not sent and the log says why."""
    WebhookEndpointFactory(name="Umgezogen", url=receiver.url)
    settings.WEBHOOK_ALLOWED_HOSTS = []

    publish(article, committed)

    delivery = WebhookDelivery.objects.get()
    assert receiver.requests == []
    assert delivery.status != DeliveryStatus.DELIVERED
    assert delivery.last_error.startswith("Nicht gesendet: „127.0.0.1“ führt zu 127.0.0.1")
