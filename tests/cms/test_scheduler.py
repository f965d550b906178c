"""Go-live and expiry dates take effect when the scheduler service runs, also for pages
that went through review first."""

import datetime
import io
import subprocess

import pytest
from django.core.management import call_command
from django.utils import timezone

from articles.factories import ArticlePageFactory
from core.editorial.setup import APPROVERS, WRITERS
from tests.deploy.compose import PROJECT_DIR, service_command
from tests.deploy.processes import production_environment

pytestmark = pytest.mark.django_db


def run_scheduler():
    call_command("scheduler", "--once", stdout=io.StringIO())


def schedule(article, user=None):
    """Save and publish a revision whose go-live is a moment away, as the editor's
    "Veröffentlichungstermin" does."""
    article.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = article.save_revision(user=user)
    revision.publish(user=user)
    return revision


def go_live_time_has_come(revision):
    """Moves the revision's go-live date into the past, as the clock would."""
    revision.refresh_from_db()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def test_a_scheduled_page_goes_live_when_its_time_has_come(site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, live=False, title="Geplante Meldung")
    revision = schedule(article)
    run_scheduler()
    article.refresh_from_db()
    assert not article.live

    go_live_time_has_come(revision)
    run_scheduler()

    article.refresh_from_db()
    assert article.live


def test_an_expired_page_is_taken_offline(site_tree):
    article = ArticlePageFactory(
        parent=site_tree.articles, expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert article.live

    run_scheduler()

    article.refresh_from_db()
    assert not article.live
    assert article.expired


def test_a_reviewed_page_goes_live_at_its_date(site_tree, django_user_model):
    from django.contrib.auth.models import Group

    writer = django_user_model.objects.create_user(username="schreibt")
    writer.groups.add(Group.objects.get(name=WRITERS))
    approver = django_user_model.objects.create_user(username="gibt-frei")
    approver.groups.add(Group.objects.get(name=APPROVERS))
    article = ArticlePageFactory(parent=site_tree.articles, live=False, title="Nach Freigabe")
    article.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    article.save_revision(user=writer)
    workflow_state = article.get_workflow().start(article, writer)
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, approver, "approve")
    article.refresh_from_db()
    assert not article.live  # approved, but its date has not come

    go_live_time_has_come(article.latest_revision)
    run_scheduler()

    article.refresh_from_db()
    assert article.live


def test_a_live_page_expires_while_an_edit_of_it_waits_for_review(site_tree, django_user_model):
    from django.contrib.auth.models import Group

    writer = django_user_model.objects.create_user(username="schreibt")
    writer.groups.add(Group.objects.get(name=WRITERS))
    article = ArticlePageFactory(
        parent=site_tree.articles, expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    article.title = "Überarbeitet, wartet auf Freigabe"
    article.save_revision(user=writer)
    article.get_workflow().start(article, writer)
    assert article.live and article.workflow_in_progress

    run_scheduler()

    article.refresh_from_db()
    assert not article.live
    assert article.expired
    # The edit stays in review: approving it later decides whether it goes live again.
    assert article.workflow_in_progress


def test_it_deletes_old_finished_task_results_of_the_worker(settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASK_RESULTS_KEEP_DAYS = 14
    now = timezone.now()

    def finished(days_ago):
        result = DBTaskResult.objects.create(
            task_path="wagtail.tasks.update_reference_index_task",
            args_kwargs={"args": [], "kwargs": {}},
            status="SUCCESSFUL",
            enqueued_at=now - datetime.timedelta(days=days_ago),
            finished_at=now - datetime.timedelta(days=days_ago),
            backend_name="default",
        )
        return result.pk

    finished(days_ago=20)
    recent = finished(days_ago=2)
    assert DBTaskResult.objects.count() == 2

    run_scheduler()

    assert list(DBTaskResult.objects.values_list("pk", flat=True)) == [recent]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_compose_scheduler_service_takes_an_expired_page_offline(site_tree):
    """The scheduler service's own command, as its container runs it, on committed data."""
    article = ArticlePageFactory(
        parent=site_tree.articles, expire_at=timezone.now() - datetime.timedelta(minutes=1)
    )

    finished = subprocess.run(
        [*service_command("scheduler"), "--once"],
        cwd=PROJECT_DIR,
        env=production_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert finished.returncode == 0, finished.stderr
    article.refresh_from_db()
    assert not article.live
    assert article.expired


def test_it_deletes_old_settled_webhook_deliveries(settings):
    from webhooks.factories import WebhookDeliveryFactory
    from webhooks.models import DeliveryStatus, WebhookDelivery

    settings.WEBHOOK_DELIVERIES_KEEP_DAYS = 90

    def delivery(status, days_ago):
        created = WebhookDeliveryFactory(status=status)
        WebhookDelivery.objects.filter(pk=created.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=days_ago)
        )
        return created.pk

    delivery(DeliveryStatus.DELIVERED, days_ago=120)
    delivery(DeliveryStatus.FAILED, days_ago=120)
    still_retrying = delivery(DeliveryStatus.RETRYING, days_ago=120)
    recent = delivery(DeliveryStatus.DELIVERED, days_ago=10)

    run_scheduler()

    assert set(WebhookDelivery.objects.values_list("pk", flat=True)) == {still_retrying, recent}
