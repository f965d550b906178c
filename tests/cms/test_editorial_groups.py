"""The two editorial roles exist after `migrate`: "Redaktion" writes and submits,
"Freigabe" approves and publishes, and every page goes through their review workflow.
Wagtail's own roles ("Editors", "Moderators", "Moderators approval") make way for them, and
administrators read what each group may do where they list and edit groups."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
    Task,
    Workflow,
    WorkflowTask,
)

from articles.factories import ArticlePageFactory
from core.editorial.setup import (
    APPROVERS,
    DESCRIPTIONS,
    WAGTAIL_WORKFLOW_NAME,
    WORKFLOW_NAME,
    WRITERS,
    ensure_editorial_groups,
)
from home.factories import ContentPageFactory

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


def test_a_new_site_has_only_the_editorial_roles(db):
    assert sorted(Group.objects.values_list("name", flat=True)) == sorted([WRITERS, APPROVERS])
    assert list(Workflow.objects.values_list("name", flat=True)) == [WORKFLOW_NAME]


@pytest.fixture
def site_with_wagtails_roles(site_tree, django_user_model):
    """A site from before the editorial groups: Wagtail's two groups with members, a page only
    "Editors" may see, and a page in review under Wagtail's workflow."""
    editors, moderators = Group.objects.create(name="Editors"), Group.objects.create(name="Moderators")
    task = GroupApprovalTask.objects.create(name=WAGTAIL_WORKFLOW_NAME)
    task.groups.set([moderators])
    workflow = Workflow.objects.create(name=WAGTAIL_WORKFLOW_NAME)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    author = django_user_model.objects.create_user(username="autorin", password="x")
    author.groups.add(editors)
    moderator = django_user_model.objects.create_user(username="moderator", password="x")
    moderator.groups.add(moderators)
    internal = ContentPageFactory(parent=site_tree.home, title="Intern")
    restriction = PageViewRestriction.objects.create(
        page=internal, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([editors])
    in_review = ArticlePageFactory(parent=site_tree.articles, title="Alte Einreichung", live=False)
    in_review.save_revision(user=author)
    workflow.start(in_review, author)
    return SimpleNamespace(author=author, moderator=moderator, restriction=restriction, in_review=in_review)


def test_members_of_wagtails_groups_move_to_the_editorial_groups(site_with_wagtails_roles):
    ensure_editorial_groups()

    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert [group.name for group in site_with_wagtails_roles.author.groups.all()] == [WRITERS]
    assert [group.name for group in site_with_wagtails_roles.moderator.groups.all()] == [APPROVERS]


def test_a_page_for_editors_only_is_for_redaktion_only(site_with_wagtails_roles):
    ensure_editorial_groups()

    assert [group.name for group in site_with_wagtails_roles.restriction.groups.all()] == [WRITERS]


def test_a_review_under_wagtails_workflow_is_finished_under_the_projects(site_with_wagtails_roles):
    ensure_editorial_groups()

    assert not Workflow.objects.filter(name=WAGTAIL_WORKFLOW_NAME).exists()
    assert not Task.objects.filter(name=WAGTAIL_WORKFLOW_NAME).exists()
    article = site_with_wagtails_roles.in_review
    task_state = article.current_workflow_task_state
    assert task_state.workflow_state.workflow.name == WORKFLOW_NAME
    task_state.task.specific.on_action(task_state, site_with_wagtails_roles.moderator, "approve")
    article.refresh_from_db()
    assert article.live


def test_every_editorial_group_says_what_its_members_may_do(db):
    for name in (WRITERS, APPROVERS):
        assert Group.objects.get(name=name).description.text == DESCRIPTIONS[name]


def test_administrators_read_the_descriptions_in_the_list_of_groups(admin_client):
    soup = BeautifulSoup(admin_client.get(reverse("wagtailusers_groups:index")).content, "html.parser")

    rows = [row.get_text(" ", strip=True) for row in soup.select("table.listing tbody tr")]
    for name in (WRITERS, APPROVERS):
        assert any(row.startswith(name) and DESCRIPTIONS[name] in row for row in rows)


def form_data(form) -> dict:
    """What a browser posts for the form as it is shown: every field with its current value."""
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "textarea":
            # Browsers drop the line break that follows <textarea>.
            data[name] = field.text.removeprefix("\n")
        elif field.name == "select":
            data[name] = [option["value"] for option in field.find_all("option", selected=True)]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        else:
            data[name] = field.get("value", "")
    return data


def test_an_administrator_edits_a_groups_description(admin_client):
    group = Group.objects.get(name=WRITERS)
    url = reverse("wagtailusers_groups:edit", args=[group.pk])
    form = BeautifulSoup(admin_client.get(url).content, "html.parser").find("form", id="w-editor-form")
    assert form.find("textarea", attrs={"name": "description"}).text.strip() == DESCRIPTIONS[WRITERS]

    response = admin_client.post(url, {**form_data(form), "description": "Schreibt Nachrichten."})

    assert response.status_code == 302
    group.refresh_from_db()
    assert group.description.text == "Schreibt Nachrichten."
    assert group.permissions.filter(codename="access_admin").exists()


def test_setting_up_again_keeps_a_description_an_administrator_wrote(db):
    description = Group.objects.get(name=WRITERS).description
    description.text = "Schreibt Nachrichten."
    description.save()

    ensure_editorial_groups()

    description.refresh_from_db()
    assert description.text == "Schreibt Nachrichten."
