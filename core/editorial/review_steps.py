"""What an approver reads about a review step in the page editor, before and after taking it.

Wagtail labels the approval of a page whose go-live date lies ahead "Freigeben und
veröffentlichen", although approving it schedules the publication; and it confirms
"Freigeben und veröffentlichen" and "Änderungen anfordern" with the message of a plain
save, "Die Seite ‚…‘ wurde aktualisiert.", which leaves the approver guessing whether the
page is online. Neither text can be changed through the catalogue, as each stands for
other things too, so two hooks correct them (registered in core.wagtail_hooks).
"""

from django.contrib import messages as django_messages
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.admin.action_menu import WorkflowMenuItem
from wagtail.models import Page


def label_a_scheduling_approval(menu_items, request, context) -> None:
    """construct_page_action_menu hook: "Freigeben und Veröffentlichung planen"."""
    page = context.get("page")
    if not (page and page.go_live_at and page.go_live_at > timezone.now()):
        return
    workflow_state = page.current_workflow_state
    if workflow_state is None or not workflow_state.is_at_final_task:
        return
    # The task's own labels ("Freigeben", "Mit Kommentar freigeben"), in the menu's order.
    approvals = iter(
        label
        for name, label, _ in page.current_workflow_task.get_actions(page, request.user)
        if name == "approve"
    )
    for item in menu_items:
        if isinstance(item, WorkflowMenuItem) and item.name == "approve":
            item.label = f"{next(approvals)} und Veröffentlichung planen"


def confirm_review_step(request, page) -> None:
    """after_edit_page hook: says what the approver's step did."""
    if not request.POST.get("action-workflow-action"):
        return
    title = page.get_admin_display_title()
    _withdraw(request, gettext("Page '%(page_title)s' has been updated.") % {"page_title": title})
    messages.success(request, _what_happened(request.POST.get("workflow-action-name"), page, title))


def _withdraw(request, text) -> None:
    # Reading the queued messages takes them off the queue; all but the one withdrawn go back.
    for message in list(django_messages.get_messages(request)):
        if escape(text) not in message.message:
            django_messages.add_message(request, message.level, message.message, message.extra_tags)


def _what_happened(action, page, title) -> str:
    if action == "reject":
        return f"Für die Seite ‚{title}‘ wurden Änderungen angefordert."
    page = Page.objects.get(pk=page.pk)
    if page.scheduled_revision is not None:
        go_live = timezone.localtime(page.scheduled_revision.approved_go_live_at)
        return (
            f"Die Seite ‚{title}‘ wurde freigegeben. Veröffentlichung geplant für den "
            f"{go_live:%d.%m.%Y um %H:%M} Uhr."
        )
    if page.live and not page.has_unpublished_changes:
        return f"Die Seite ‚{title}‘ wurde freigegeben und veröffentlicht."
    # A workflow with further steps after this one.
    return f"Die Seite ‚{title}‘ wurde freigegeben."
