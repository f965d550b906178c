"""Administrators register endpoints under "Einstellungen" and read the delivery log there."""

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from webhooks.factories import WebhookDeliveryFactory, WebhookEndpointFactory
from webhooks.models import DeliveryStatus, Event, WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db

PROJECT_PAGE_TYPES = [
    "home.HomePage",
    "home.ContentPage",
    "articles.ArticleIndexPage",
    "articles.ArticlePage",
    "events.EventIndexPage",
    "events.EventPage",
    "projects.ProjectIndexPage",
    "projects.ProjectPage",
    "accessibility.AccessibilityStatementPage",
    "accessibility.BarrierReportPage",
    "accessibility.EasyLanguagePage",
    "accessibility.SignLanguagePage",
]


@pytest.fixture(autouse=True)
def _receiver_host(settings):
    """The receiver's name stands for a public host; the test machine cannot resolve it, so it
    is trusted as listed (webhooks.addresses). The address checks have tests of their own."""
    settings.WEBHOOK_ALLOWED_HOSTS = [*settings.WEBHOOK_ALLOWED_HOSTS, "app.wuppertal.example"]


def endpoint_form(**overrides) -> dict:
    data = {
        "name": "Stadt-App",
        "url": "https://app.wuppertal.example/hooks/cms",
        "secret": "ein-langes-gemeinsames-geheimnis",
        "active": "on",
        "events": ["page.published", "page.deleted"],
        "page_types": ["articles.ArticlePage", "events.EventPage"],
    }
    data.update(overrides)
    return data


def test_the_new_endpoint_form_offers_a_secret_and_the_projects_page_types(admin_client):
    response = admin_client.get(reverse("webhooks:add"))

    assert response.status_code == 200
    form = response.context["form"]
    assert len(form["secret"].value()) >= 32
    assert [value for value, _ in form.fields["page_types"].choices] == PROJECT_PAGE_TYPES
    assert "Nachricht (articles.ArticlePage)" in response.text
    assert "wagtailcore.Page" not in response.text


def test_a_superuser_registers_an_endpoint(admin_client):
    response = admin_client.post(reverse("webhooks:add"), endpoint_form())

    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.name == "Stadt-App"
    assert endpoint.url == "https://app.wuppertal.example/hooks/cms"
    assert endpoint.secret == "ein-langes-gemeinsames-geheimnis"
    assert endpoint.active
    assert endpoint.events == ["page.published", "page.deleted"]
    assert endpoint.page_types == ["articles.ArticlePage", "events.EventPage"]


def test_an_address_that_is_not_http_gets_a_german_error_and_keeps_the_input(admin_client):
    response = admin_client.post(
        reverse("webhooks:add"), endpoint_form(url="ftp://app.wuppertal.example/hooks")
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["url"] == ["Bitte eine Adresse mit http:// oder https:// angeben."]
    assert "Bitte eine Adresse mit http:// oder https:// angeben." in response.text
    assert form["name"].value() == "Stadt-App"
    assert form["secret"].value() == "ein-langes-gemeinsames-geheimnis"
    assert form["events"].value() == ["page.published", "page.deleted"]
    assert form["page_types"].value() == ["articles.ArticlePage", "events.EventPage"]
    assert not WebhookEndpoint.objects.exists()


def test_an_address_that_is_no_url_gets_a_german_error(admin_client):
    response = admin_client.post(reverse("webhooks:add"), endpoint_form(url="app wuppertal"))

    assert response.context["form"].errors["url"] == ["Gib eine gültige URL ein."]
    assert not WebhookEndpoint.objects.exists()


def test_an_endpoint_needs_at_least_one_event(admin_client):
    response = admin_client.post(reverse("webhooks:add"), endpoint_form(events=[]))

    assert response.context["form"].errors["events"] == ["Bitte mindestens ein Ereignis wählen."]
    assert not WebhookEndpoint.objects.exists()


def test_a_short_secret_is_refused(admin_client):
    response = admin_client.post(reverse("webhooks:add"), endpoint_form(secret="kurz"))

    assert response.context["form"].errors["secret"] == [
        "Der Schlüssel muss mindestens 16 Zeichen lang sein."
    ]


def test_no_page_type_chosen_means_all(admin_client):
    admin_client.post(reverse("webhooks:add"), endpoint_form(page_types=[]))

    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.page_types == []
    response = admin_client.get(reverse("webhooks:index"))
    assert "alle" in response.text


@pytest.fixture
def failed_delivery(db):
    endpoint = WebhookEndpointFactory(name="Infoscreens")
    return WebhookDeliveryFactory(
        endpoint=endpoint,
        event=Event.PUBLISHED,
        page_id=42,
        page_title="Live-Auftakt von smart.wuppertal",
        page_type="articles.ArticlePage",
        body='{"event":"page.published","page":{"id":42,"title":"Live-Auftakt von smart.wuppertal"}}',
        status=DeliveryStatus.FAILED,
        attempts=6,
        last_status_code=502,
        last_error="HTTP 502 Bad Gateway: upstream nicht erreichbar",
    )


def test_the_delivery_log_shows_why_a_delivery_failed(admin_client, failed_delivery):
    WebhookDeliveryFactory(endpoint=failed_delivery.endpoint, event=Event.DELETED, page_title="Alte Meldung")

    response = admin_client.get(reverse("webhook-deliveries:index"))

    assert response.status_code == 200
    assert "Veröffentlicht: Live-Auftakt von smart.wuppertal" in response.text
    assert "HTTP 502 Bad Gateway: upstream nicht erreichbar" in response.text
    assert "fehlgeschlagen" in response.text
    assert "Gelöscht: Alte Meldung" in response.text


def test_the_delivery_log_filters_by_status_and_endpoint(admin_client, failed_delivery):
    other = WebhookEndpointFactory(name="Newsletter")
    WebhookDeliveryFactory(endpoint=other, event=Event.DELETED, page_title="Alte Meldung")
    index = reverse("webhook-deliveries:index")

    by_status = admin_client.get(index, {"status": "failed"})
    by_endpoint = admin_client.get(index, {"endpoint": other.pk})

    assert [d.pk for d in by_status.context["object_list"]] == [failed_delivery.pk]
    assert [d.page_title for d in by_endpoint.context["object_list"]] == ["Alte Meldung"]


def test_the_delivery_detail_shows_the_error_and_the_message(admin_client, failed_delivery):
    response = admin_client.get(reverse("webhook-deliveries:inspect", args=[failed_delivery.pk]))

    assert response.status_code == 200
    assert "HTTP 502 Bad Gateway: upstream nicht erreichbar" in response.text
    assert "Infoscreens" in response.text
    assert "&quot;event&quot;: &quot;page.published&quot;" in response.text
    assert str(failed_delivery.pk) in response.text


def test_nobody_edits_or_deletes_the_delivery_log(admin_client, failed_delivery):
    edit = admin_client.post(reverse("webhook-deliveries:edit", args=[failed_delivery.pk]), {})
    delete = admin_client.post(reverse("webhook-deliveries:delete", args=[failed_delivery.pk]))
    index = admin_client.get(reverse("webhook-deliveries:index"))

    assert edit.status_code == delete.status_code == 302
    assert edit.url == delete.url == reverse("wagtailadmin_home")
    assert WebhookDelivery.objects.filter(pk=failed_delivery.pk, status=DeliveryStatus.FAILED).exists()
    assert reverse("webhook-deliveries:add") not in index.text


def test_editors_without_the_permissions_see_no_webhooks(editor_client, failed_delivery):
    assert editor_client.get(reverse("webhooks:index")).status_code == 302
    assert editor_client.get(reverse("webhook-deliveries:index")).status_code == 302
    dashboard = editor_client.get(reverse("wagtailadmin_home"))
    assert "Webhook" not in dashboard.text


def test_a_user_allowed_to_view_the_log_reads_it_but_cannot_change_it(
    client, django_user_model, failed_delivery
):
    user = django_user_model.objects.create_user(username="technik", password="x")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_webhookdelivery"),
    )
    client.force_login(user)

    index = client.get(reverse("webhook-deliveries:index"))
    detail = client.get(reverse("webhook-deliveries:inspect", args=[failed_delivery.pk]))
    edit = client.get(reverse("webhook-deliveries:edit", args=[failed_delivery.pk]))
    endpoints = client.get(reverse("webhooks:index"))

    assert index.status_code == detail.status_code == 200
    assert "HTTP 502 Bad Gateway: upstream nicht erreichbar" in detail.text
    assert edit.status_code == endpoints.status_code == 302


def test_the_delivery_log_costs_the_same_queries_however_many_endpoints_it_lists(admin_client):
    index = reverse("webhook-deliveries:index")
    WebhookDeliveryFactory()
    admin_client.get(index)  # warms the caches a first request fills

    with CaptureQueriesContext(connection) as one_endpoint:
        admin_client.get(index)
    WebhookDeliveryFactory.create_batch(5)
    with CaptureQueriesContext(connection) as six_endpoints:
        response = admin_client.get(index)

    assert len(response.context["object_list"]) == 6
    assert len(six_endpoints) == len(one_endpoint)


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("http://127.0.0.1:8000/admin/", "127.0.0.1"),
        ("http://localhost/hooks", "„localhost“ führt zu"),
        ("http://10.0.0.5/hooks", "10.0.0.5"),
        ("http://192.168.1.10/hooks", "192.168.1.10"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://[::1]/hooks", "::1"),
        ("http://[fd00::1]/hooks", "fd00::1"),
        ("http://224.0.0.1/hooks", "224.0.0.1"),
        ("http://0.0.0.0/hooks", "0.0.0.0"),
        ("https://nicht-aufloesbar.invalid/hooks", "lässt sich nicht auflösen"),
    ],
)
def test_an_address_in_the_internal_network_is_refused_when_saved(admin_client, settings, url, named):
    settings.WEBHOOK_ALLOWED_HOSTS = []

    response = admin_client.post(reverse("webhooks:add"), endpoint_form(url=url))

    assert response.status_code == 200
    [message] = response.context["form"].errors["url"]
    assert named in message
    assert not WebhookEndpoint.objects.exists()


def test_a_public_address_is_accepted(admin_client, settings):
    settings.WEBHOOK_ALLOWED_HOSTS = []

    response = admin_client.post(
        reverse("webhooks:add"), endpoint_form(url="https://145.253.2.203/hooks/cms")
    )

    assert response.status_code == 302
    assert WebhookEndpoint.objects.get().url == "https://145.253.2.203/hooks/cms"
