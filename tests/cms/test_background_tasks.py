"""Search and reference indexing run in the worker, not in the editor's request.

Production queues tasks in PostgreSQL (django-tasks-db); the worker service runs
`manage.py db_worker`. These tests save content with the database backend switched on,
check that the save only queued the work, then run the worker as its own process on the
committed data with the command of the compose file's worker service.
"""

import subprocess

import pytest
from django_tasks_db.models import DBTaskResult
from wagtail.models import ReferenceIndex

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from core.factories import CategoryFactory
from tests.deploy.compose import PROJECT_DIR, service_command
from tests.deploy.processes import production_environment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued_tasks(settings):
    settings.TASKS = DATABASE_BACKEND


def run_worker():
    """The compose file's worker command, on production settings, until the queue is empty."""
    finished = subprocess.run(
        [*service_command("worker"), "--batch", "--no-startup-delay"],
        cwd=PROJECT_DIR,
        env=production_environment(TASKS_BACKEND="database"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert finished.returncode == 0, finished.stderr


def queued_task_names() -> set[str]:
    paths = DBTaskResult.objects.ready().values_list("task_path", flat=True)
    return {path.rsplit(".", 1)[-1] for path in paths}


def test_saving_a_page_queues_its_indexing_for_the_worker(site_tree, queued_tasks):
    category = CategoryFactory(name="Mobilität")
    article = ArticlePageFactory(
        parent=site_tree.articles, title="Quartiersbusse fahren elektrisch", category=category
    )

    assert {"insert_or_update_object_task", "update_reference_index_task"} <= queued_task_names()
    # Nothing of it ran during the save.
    assert not ArticlePage.objects.live().search("Quartiersbusse")
    assert not ReferenceIndex.get_references_to(category).exists()

    run_worker()

    assert list(ArticlePage.objects.live().search("Quartiersbusse")) == [article.page_ptr.specific]
    assert ReferenceIndex.get_references_to(category).filter(object_id=str(article.pk)).exists()
    assert not DBTaskResult.objects.ready().exists()
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_a_published_edit_reaches_the_search_index_through_the_worker(site_tree, queued_tasks):
    article = ArticlePageFactory(parent=site_tree.articles, title="Sensoren im Stadtpark")
    run_worker()

    article.title = "Sensoren messen die Luftqualität"
    article.save_revision().publish()
    assert not ArticlePage.objects.live().search("Luftqualität")

    run_worker()

    assert [page.pk for page in ArticlePage.objects.live().search("Luftqualität")] == [article.pk]
