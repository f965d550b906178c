"""The dashboard the team starts from (Wagtail's "construct_homepage_panels"): buttons for a new
article, event or project, what waits for my approval, my drafts and the team's, what goes live
next, what went live last and the images that still lack a credit or an alt text. The events
app adds the coming events (events.dashboard).

Every list is short, links into the admin, only names pages the user may edit and says in
German when it is empty. Each costs a fixed number of queries however many rows it shows
(tests/cms/test_dashboard_admin.py counts them).
"""

from django.db.models import CharField, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Trim
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.viewsets import viewsets
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, TaskState, get_default_page_content_type
from wagtail.permissions import policy_registry

from .sections import SectionListingViewSet


def editable_pages(user):
    return policy_registry.get_by_type(Page).instances_user_has_permission_for(user, "change")


def with_status(pages):
    """Pages with what Wagtail's status tag reads (schedule, workflow) loaded with the list."""
    return pages.annotate_approved_schedule().prefetch_workflow_states()


class DashboardPanel(Component):
    """A short list under a German heading, with a German note when it is empty."""

    name = ""
    heading = ""
    empty_text = ""
    limit = 5

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"panel": self, "rows": self.get_rows(request.user), "request": request}

    def get_rows(self, user) -> list:
        return list(self.get_queryset(user)[: self.limit])

    def get_queryset(self, user):
        raise NotImplementedError


class NewContentPanel(Component):
    """The add buttons of the section listings (core.editorial.sections), "Neue Nachricht" and the
    like, each leading to the add form under its section."""

    name = "new-content"
    order = 10
    template_name = "cms/dashboard/new_content.html"

    def get_context_data(self, parent_context):
        if not policy_registry.get_by_type(Page).user_has_permission(parent_context["request"].user, "add"):
            return {"buttons": []}
        sections = [viewset for viewset in viewsets.viewsets if isinstance(viewset, SectionListingViewSet)]
        buttons = [
            (section.add_item_label, reverse(section.get_url_name("choose_parent"))) for section in sections
        ]
        return {"buttons": buttons}


class AwaitingMyApprovalPanel(DashboardPanel):
    """Pages whose current review task the user may approve, the longest waiting first.
    Replaces Wagtail's own list of these, which costs queries for every row."""

    name = "awaiting-my-approval"
    order = 100
    heading = "Warten auf meine Freigabe"
    empty_text = "Keine Seite wartet auf Ihre Freigabe."
    template_name = "cms/dashboard/awaiting_my_approval.html"

    def get_rows(self, user):
        """(page, task state) pairs."""
        task_states = super().get_rows(user)
        pages = Page.objects.in_bulk([state.page_id for state in task_states])
        return [(pages[state.page_id], state) for state in task_states if state.page_id in pages]

    def get_queryset(self, user):
        return (
            TaskState.objects.reviewable_by(user)
            .filter(workflow_state__base_content_type=get_default_page_content_type())
            .select_related("workflow_state__requested_by")
            .annotate(page_id=Cast("workflow_state__object_id", output_field=IntegerField()))
            .order_by("started_at")
        )


class MyDraftsPanel(DashboardPanel):
    """Pages whose latest, unpublished version is the user's."""

    name = "my-drafts"
    order = 110
    heading = "Meine Entwürfe"
    empty_text = "Sie haben keine unveröffentlichten Entwürfe."
    template_name = "cms/dashboard/my_drafts.html"

    def get_queryset(self, user):
        drafts = editable_pages(user).filter(has_unpublished_changes=True, latest_revision__user=user)
        return with_status(drafts).order_by("-latest_revision_created_at")


class TeamDraftsPanel(DashboardPanel):
    """Pages whose latest, unpublished version someone else saved."""

    name = "team-drafts"
    order = 120
    heading = "Entwürfe im Team"
    empty_text = "Im Team gibt es keine unveröffentlichten Entwürfe."
    template_name = "cms/dashboard/team_drafts.html"

    def get_queryset(self, user):
        drafts = (
            editable_pages(user)
            .filter(has_unpublished_changes=True)
            .exclude(latest_revision__user=user)
            .select_related("latest_revision__user")
        )
        return with_status(drafts).order_by("-latest_revision_created_at")


class ScheduledPanel(DashboardPanel):
    """Pages with an approved revision that the scheduler publishes at a future time."""

    name = "scheduled"
    order = 130
    heading = "Geplante Veröffentlichungen"
    empty_text = "Keine Veröffentlichung ist geplant."
    template_name = "cms/dashboard/scheduled.html"

    def get_queryset(self, user):
        go_live_at = Revision.page_revisions.filter(
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            approved_go_live_at__gt=timezone.now(),
        ).values("approved_go_live_at")[:1]
        return (
            editable_pages(user)
            .annotate(scheduled_at=Subquery(go_live_at))
            .filter(scheduled_at__isnull=False)
            .order_by("scheduled_at")
        )


class RecentlyPublishedPanel(DashboardPanel):
    name = "recently-published"
    order = 150
    heading = "Zuletzt veröffentlicht"
    empty_text = "Noch ist keine Seite veröffentlicht."
    template_name = "cms/dashboard/recently_published.html"

    def get_queryset(self, user):
        published = editable_pages(user).live().filter(last_published_at__isnull=False)
        return with_status(published).order_by(F("last_published_at").desc())


class ImagesLackingCreditOrAltPanel(DashboardPanel):
    """Images a page would show without a credit ("Bildnachweise") or without an alt text,
    newest first."""

    name = "images-lacking-credit-or-alt"
    order = 160
    heading = "Bilder ohne Bildnachweis oder Alternativtext"
    empty_text = "Alle Bilder haben einen Bildnachweis und einen Alternativtext."
    template_name = "cms/dashboard/images_lacking_credit_or_alt.html"

    def get_rows(self, user):
        """(image, what it lacks) pairs."""
        return [(image, self.lacking(image)) for image in super().get_rows(user)]

    @staticmethod
    def lacking(image) -> list[str]:
        lacking = []
        if not image.credit_line:
            lacking.append("Bildnachweis")
        if not image.is_decorative and not image.description.strip():
            lacking.append("Alternativtext")
        return lacking

    def get_queryset(self, user):
        image_policy = policy_registry.get_by_type(get_image_model())
        images = image_policy.instances_user_has_any_permission_for(user, ["change"])
        return (
            images.alias(author=Trim("credit_author"), source=Trim("credit_source"), alt=Trim("description"))
            .filter(Q(author="", source="") | Q(is_decorative=False, alt=""))
            .order_by("-created_at", "-pk")
        )


def add_team_panels(request, panels):
    """Adds the team's panels; Wagtail's list of pages to review gives way to "Warten auf
    meine Freigabe"."""
    panels[:] = [panel for panel in panels if not isinstance(panel, WorkflowObjectsToModeratePanel)]
    panels += [
        NewContentPanel(),
        AwaitingMyApprovalPanel(),
        MyDraftsPanel(),
        TeamDraftsPanel(),
        ScheduledPanel(),
        RecentlyPublishedPanel(),
        ImagesLackingCreditOrAltPanel(),
    ]
