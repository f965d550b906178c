"""Alerts in the admin: Redaktion writes and submits them, Freigabe approves and publishes
them, as with pages; their start and end take effect through the scheduler."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from alerts.factories import AlertFactory
from alerts.models import Alert, Severity
from events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_alerts_alert:add"
EDIT_URL = "wagtailsnippets_alerts_alert:edit"


def form_data(**fields) -> dict:
    return {
        "title": "Konzert abgesagt",
        "text": "Das Konzert im Park fällt wegen Sturm aus.",
        "severity": Severity.DANGER,
        "link_page": "",
        "link_url": "",
        "page": "",
        "go_live_at": "",
        "expire_at": "",
        **fields,
    }


def run_scheduler():
    call_command("scheduler", "--once", stdout=io.StringIO())


def test_a_writer_submits_an_alert_for_review_and_cannot_publish_it(client, editor):
    client.force_login(editor)
    response = client.post(reverse(ADD_URL), form_data(**{"action-submit": "1"}))

    assert response.status_code == 302
    alert = Alert.objects.get()
    assert not alert.live
    assert alert.workflow_in_progress
    assert not editor.has_perm("alerts.publish_alert")


def test_an_approver_approves_a_submitted_alert_and_it_goes_live(client, editor, approver):
    client.force_login(editor)
    client.post(reverse(ADD_URL), form_data(**{"action-submit": "1"}))
    alert = Alert.objects.get()

    client.force_login(approver)
    response = client.post(
        reverse(EDIT_URL, args=[alert.pk]),
        form_data(
            **{
                "action-workflow-action": "1",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": "{}",
            }
        ),
    )

    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.live
    assert alert.live_revision is not None


def test_the_admin_refuses_a_page_and_an_outside_link_together_in_german(client, approver, site_tree):
    client.force_login(approver)
    response = client.post(
        reverse(ADD_URL),
        form_data(
            link_page=str(site_tree.events.pk), link_url="https://example.org/", **{"action-publish": "1"}
        ),
    )

    assert response.status_code == 200
    assert "entweder eine verlinkte Seite oder einen externen Link" in response.content.decode()
    assert not Alert.objects.exists()


def test_the_admin_refuses_a_javascript_link(client, approver):
    client.force_login(approver)
    data = form_data(link_url="javascript:alert(1)", **{"action-publish": "1"})
    response = client.post(reverse(ADD_URL), data)

    assert response.status_code == 200
    assert not Alert.objects.exists()


def test_a_scheduled_alert_goes_live_and_expires_through_the_scheduler():
    alert = AlertFactory(live=False, go_live_at=timezone.now() + datetime.timedelta(hours=1))
    revision = alert.save_revision()
    revision.publish()
    run_scheduler()
    alert.refresh_from_db()
    assert not alert.live

    # The clock moves on: the go-live date is past.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    run_scheduler()
    alert.refresh_from_db()
    assert alert.live
    assert list(Alert.objects.current()) == [alert]

    Alert.objects.filter(pk=alert.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
    run_scheduler()
    alert.refresh_from_db()
    assert not alert.live
    assert alert.expired


def test_an_alert_past_its_end_is_not_current_before_the_scheduler_runs():
    AlertFactory(expire_at=timezone.now() + datetime.timedelta(hours=1))
    ended = AlertFactory()
    Alert.objects.filter(pk=ended.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))

    assert ended not in Alert.objects.current()
    assert Alert.objects.current().count() == 1


def test_an_alert_for_a_section_applies_to_the_section_and_below_only(site_tree):
    event = EventPageFactory(parent=site_tree.events)
    whole_site = AlertFactory(title="Ganze Website")
    section = AlertFactory(title="Veranstaltungen", page=site_tree.events)

    assert set(Alert.objects.current().for_page(event)) == {whole_site, section}
    assert set(Alert.objects.current().for_page(site_tree.events)) == {whole_site, section}
    assert list(Alert.objects.current().for_page(site_tree.articles)) == [whole_site]
    assert list(Alert.objects.current().for_page(None)) == [whole_site]


def test_the_preview_shows_the_draft_in_the_banner_above_the_page_it_applies_to(client, editor, site_tree):
    AlertFactory(title="Schon veröffentlicht")
    event = EventPageFactory(parent=site_tree.events, title="Konzert im Park")
    client.force_login(editor)
    preview_url = reverse("wagtailsnippets_alerts_alert:preview_on_add")

    stored = client.post(preview_url, form_data(page=event.pk))
    assert stored.json() == {"is_valid": True, "is_available": True}
    response = client.get(preview_url)

    assert response.status_code == 200
    html = response.content.decode()
    titles = re.findall(r'<h3 class="alert__title">(.*?)</h3>', html)
    assert titles == ["Konzert abgesagt", "Schon veröffentlicht"]
    assert "<h1>Konzert im Park</h1>" in html
    assert "und auf den Seiten darunter" in html
    # A preview changes nothing visitors see.
    assert not Alert.objects.filter(title="Konzert abgesagt").exists()


def test_the_preview_of_an_invalid_alert_is_refused(client, editor, site_tree):
    client.force_login(editor)
    preview_url = reverse("wagtailsnippets_alerts_alert:preview_on_add")

    stored = client.post(preview_url, form_data(text="x" * 301))

    assert stored.json()["is_valid"] is False
