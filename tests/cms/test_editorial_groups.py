"""The two editorial roles exist after `migrate`: "Redaktion" writes and submits,
"Freigabe" approves and publishes, and every page goes through their review workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Workflow, WorkflowTask

from articles.factories import ArticlePageFactory
from cms.editorial import APPROVERS, WORKFLOW_NAME, WRITERS, ensure_editorial_groups

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(django_user_model):
    def make(group_name):
        user = django_user_model.objects.create_user(username=group_name.lower(), password="x")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


def test_redaktion_writes_but_does_not_publish(site_tree, member):
    writer = member(WRITERS)
    article = ArticlePageFactory(parent=site_tree.articles)

    permissions = article.permissions_for_user(writer)
    assert permissions.can_edit()
    assert site_tree.articles.permissions_for_user(writer).can_add_subpage()
    assert not permissions.can_publish()
    assert writer.has_perm("wagtailadmin.access_admin")
    assert writer.has_perm("events.change_venue")
    assert writer.has_perm("cms.add_category")


def test_freigabe_publishes(site_tree, member):
    approver = member(APPROVERS)
    article = ArticlePageFactory(parent=site_tree.articles)

    permissions = article.permissions_for_user(approver)
    assert permissions.can_publish()
    assert permissions.can_unpublish()
    assert permissions.can_lock()


def test_every_page_is_reviewed_by_freigabe(site_tree):
    article = ArticlePageFactory(parent=site_tree.articles)

    workflow = article.get_workflow()

    assert workflow.name == WORKFLOW_NAME
    [task] = [workflow_task.task.specific for workflow_task in workflow.workflow_tasks.all()]
    assert [group.name for group in task.groups.all()] == [APPROVERS]


def test_a_writer_submits_and_an_approver_approves(site_tree, member, client):
    writer, approver = member(WRITERS), member(APPROVERS)
    article = ArticlePageFactory(parent=site_tree.articles, title="Entwurf der Redaktion", live=False)
    article.save_revision(user=writer)

    workflow_state = article.get_workflow().start(article, writer)
    task_state = workflow_state.current_task_state
    assert task_state.task.specific.user_can_access_editor(article, approver)
    assert not task_state.task.specific.user_can_access_editor(article, writer)
    task_state.task.specific.on_action(task_state, approver, "approve")

    article.refresh_from_db()
    assert article.live


def editorial_setup() -> dict:
    """What ensure_editorial_groups creates, counted."""
    return {
        "groups": Group.objects.count(),
        "workflows": Workflow.objects.count(),
        "workflow tasks": WorkflowTask.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        **{name: Group.objects.get(name=name).permissions.count() for name in (WRITERS, APPROVERS)},
    }


def test_setting_up_twice_changes_nothing(site_tree):
    before = editorial_setup()

    ensure_editorial_groups()

    assert editorial_setup() == before
    assert Workflow.objects.get(name=WORKFLOW_NAME).workflow_tasks.count() == 1
