"""The editorial team's two roles and the review workflow between them.

- "Redaktion" writes: creates and edits pages, uploads images and documents, keeps the
  directories (categories, themes, organisations, people, venues) and submits pages for
  review. It cannot publish.
- "Freigabe" approves: everything Redaktion can, plus publishing, unpublishing and
  locking pages. Its members approve the review task.

Every page is under the workflow "Freigabe durch die Redaktionsleitung" with one group
approval task for "Freigabe", and so is every snippet type that goes through reviews
(a registered snippet with Wagtail's WorkflowMixin, such as the alerts): Redaktion writes
and submits them, Freigabe also publishes and locks them. They are found among the
registered snippets, so the core names none of the apps above it.

`ensure_editorial_groups` sets this up after every `migrate` (through `after_migrate`), so
a new installation, the demo and the test database all have it. It adds what is missing
and changes nothing an administrator set, with one exception: Wagtail's own roles, the
groups "Editors" and "Moderators" and the workflow "Moderators approval" that its
migrations create, are folded into these (members and view restrictions move over,
reviews in progress go on under the project's workflow) and deleted, so that editors meet
one set of roles.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    TaskState,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

from .. import directory
from ..models import GroupDescription

WRITERS = "Redaktion"
APPROVERS = "Freigabe"
WORKFLOW_NAME = "Freigabe durch die Redaktionsleitung"
TASK_NAME = "Freigabe"

# What each group may do, as administrators read it beside the group (core.editorial.groups).
DESCRIPTIONS = {
    WRITERS: (
        "Schreibt und bearbeitet Seiten, lädt Bilder und Dokumente hoch und pflegt die "
        "Verzeichnisse. Reicht Seiten zur Freigabe ein, veröffentlicht aber nicht selbst."
    ),
    APPROVERS: (
        "Kann alles, was die Redaktion kann. Gibt eingereichte Seiten frei („Freigeben und "
        "veröffentlichen“) oder fordert Änderungen an, veröffentlicht, plant "
        "Veröffentlichungen, hebt sie auf und sperrt Seiten."
    ),
}

# Wagtail's initial data: its two groups, each with the project's group that takes over
# its members, and the workflow and task it creates for "Moderators".
WAGTAIL_GROUPS = {"Editors": WRITERS, "Moderators": APPROVERS}
WAGTAIL_WORKFLOW_NAME = "Moderators approval"

PAGE_PERMISSIONS = {
    WRITERS: ["add_page", "change_page"],
    APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Snippet types under review (reviewed_snippet_models): Freigabe alone publishes and locks them.
REVIEWED_SNIPPET_ACTIONS = {
    WRITERS: ["add", "change", "view"],
    APPROVERS: ["add", "change", "delete", "view", "publish", "lock", "unlock"],
}
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add", "change", "choose"]),
    ("wagtaildocs", "document", ["add", "change", "choose"]),
]


def after_migrate(app_config, **kwargs) -> None:
    """post_migrate receiver. Django sends the signal once per app, and creates each app's
    permissions in its own receiver; the last app's signal comes after all of them."""
    migrated = [config for config in apps.get_app_configs() if config.models_module is not None]
    if app_config is migrated[-1] and _ready():
        ensure_editorial_groups()


def ensure_editorial_groups() -> None:
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (WRITERS, APPROVERS)}
    for name, group in groups.items():
        _grant_model_permissions(group)
        _grant_reviewed_snippet_permissions(group, REVIEWED_SNIPPET_ACTIONS[name])
        _grant_page_permissions(group, PAGE_PERMISSIONS[name])
        _grant_collection_permissions(group)
        _describe(group, DESCRIPTIONS[name])
    workflow = _ensure_workflow(groups[APPROVERS])
    _retire_wagtail_roles(groups, workflow)


def _ready() -> bool:
    try:
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        for model in directory.models():
            Permission.objects.get(
                content_type__app_label=model._meta.app_label, codename=f"change_{model._meta.model_name}"
            )
        Permission.objects.get(content_type__app_label="wagtailimages", codename="choose_image")
    except Permission.DoesNotExist:
        return False
    return True


def _permission(app_label, codename) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_model_permissions(group) -> None:
    permissions = [_permission("wagtailadmin", "access_admin")]
    for model in directory.models():
        content_type = ContentType.objects.get_for_model(model)
        codenames = [f"{action}_{model._meta.model_name}" for action in ("add", "change", "view")]
        permissions += Permission.objects.filter(content_type=content_type, codename__in=codenames)
    group.permissions.add(*permissions)


def reviewed_snippet_models() -> list:
    """The registered snippet types that go through the review workflow, as pages do."""
    return [model for model in get_snippet_models() if issubclass(model, WorkflowMixin)]


def _grant_reviewed_snippet_permissions(group, actions) -> None:
    for model in reviewed_snippet_models():
        content_type = ContentType.objects.get_for_model(model)
        codenames = [f"{action}_{model._meta.model_name}" for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type=content_type, codename__in=codenames))


def _grant_page_permissions(group, codenames) -> None:
    root = Page.get_first_root_node()
    if root is None:
        return
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root, permission=_permission("wagtailcore", codename)
        )


def _grant_collection_permissions(group) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    for app_label, model_name, actions in COLLECTION_PERMISSIONS:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=_permission(app_label, f"{action}_{model_name}")
            )


def _describe(group, text) -> None:
    GroupDescription.objects.get_or_create(group=group, defaults={"text": text})


def _ensure_workflow(approvers):
    root = Page.get_first_root_node()
    if root is None:
        return None
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([approvers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    # Every page below the root inherits the root's workflow; workflows set on sections by
    # hand stay as they are.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    for model in reviewed_snippet_models():
        WorkflowContentType.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )
    return workflow


def _retire_wagtail_roles(groups, workflow) -> None:
    # Users, view restrictions and approval tasks that named one of Wagtail's groups name the
    # project's group instead.
    holders = [get_user_model(), PageViewRestriction, CollectionViewRestriction, GroupApprovalTask]
    for old_name, new_name in WAGTAIL_GROUPS.items():
        old_group = Group.objects.filter(name=old_name).first()
        if old_group is None:
            continue
        for model in holders:
            for holder in model.objects.filter(groups=old_group):
                holder.groups.add(groups[new_name])
        old_group.delete()

    old_workflow = Workflow.objects.filter(name=WAGTAIL_WORKFLOW_NAME).first()
    if old_workflow is None or workflow is None:
        return
    # Both workflows are one approval step, so a review under the old one, finished or in
    # progress, becomes one under the project's: the page's history keeps it and an
    # approver can finish it. Deleting the old workflow would delete the reviews with it.
    new_task = workflow.workflow_tasks.first().task
    old_tasks = [workflow_task.task for workflow_task in old_workflow.workflow_tasks.all()]
    TaskState.objects.filter(workflow_state__workflow=old_workflow).update(task=new_task)
    WorkflowState.objects.filter(workflow=old_workflow).update(workflow=workflow)
    old_workflow.delete()
    for task in old_tasks:
        if not (task.workflow_tasks.exists() or task.task_states.exists()):
            task.delete()
