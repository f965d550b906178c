"""The container health checks of the worker, the scheduler and web (deploy/healthcheck.py).

The worker and the scheduler have no port; their checks fail when the work they exist
for is overdue. The web check against running processes is in test_web_processes.py.
"""

import datetime
import subprocess
import sys
from importlib.util import module_from_spec, spec_from_file_location

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from articles.factories import ArticlePageFactory
from tests.deploy.compose import PROJECT_DIR
from tests.s3 import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def healthcheck():
    spec = spec_from_file_location("deploy_healthcheck", PROJECT_DIR / "deploy" / "healthcheck.py")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def queued_task(minutes_ago: int, run_after: datetime.datetime | None = None) -> DBTaskResult:
    task = DBTaskResult.objects.create(
        task_path="cms.tasks.example",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        run_after=run_after or get_date_max(),
    )
    DBTaskResult.objects.filter(pk=task.pk).update(
        enqueued_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    return task


def test_the_worker_is_healthy_while_it_keeps_up(healthcheck):
    queued_task(minutes_ago=1)

    assert healthcheck.worker()


def test_the_worker_is_unhealthy_when_a_task_waits_too_long(healthcheck):
    queued_task(minutes_ago=10)

    assert not healthcheck.worker()


def test_a_task_deferred_until_just_now_is_not_overdue(healthcheck):
    queued_task(minutes_ago=60, run_after=timezone.now() - datetime.timedelta(minutes=1))

    assert healthcheck.worker()


def test_the_scheduler_is_healthy_while_no_date_is_overdue(healthcheck, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles)
    article.save_revision(approved_go_live_at=timezone.now() + datetime.timedelta(hours=1))

    assert healthcheck.scheduler()


def test_the_scheduler_is_unhealthy_when_a_go_live_date_passed_long_ago(healthcheck, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles)
    article.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=10))

    assert not healthcheck.scheduler()


def test_the_scheduler_is_unhealthy_when_an_expiry_date_passed_long_ago(healthcheck, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles)
    article.expire_at = timezone.now() - datetime.timedelta(minutes=10)
    article.save_revision().publish()

    assert not healthcheck.scheduler()


def test_the_web_check_fails_when_nothing_answers():
    check = subprocess.run(
        [sys.executable, "deploy/healthcheck.py", "web"],
        cwd=PROJECT_DIR,
        env={"PORT": str(free_port()), "DJANGO_ALLOWED_HOSTS": "cms.example.org"},
        capture_output=True,
    )

    assert check.returncode == 1
