"""The admin's list of barrier reports ("Barrieremeldungen"): read, mark as done, add a note.

Reports come only from visitors through the form, so nobody adds or copies one here; what a
visitor wrote is shown read-only, and the team edits only the "Erledigt" flag and its note."""

from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.safestring import mark_safe
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import BarrierReport


class ReportPermissionPolicy(ModelPermissionPolicy):
    """Nobody, not even a superuser, adds reports by hand: they are what visitors wrote."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


class BarrierReportInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        if field_name == "created_at":
            return f"{timezone.localtime(self.object.created_at):%d.%m.%Y, %H:%M} Uhr"
        if field_name == "description":
            return mark_safe(linebreaks(self.object.description, autoescape=True))
        if field_name == "done":
            return "ja" if self.object.done else "nein"
        return super().get_field_display_value(field_name, field) or "–"


class BarrierReportViewSet(ModelViewSet):
    model = BarrierReport
    name = "barrier-reports"
    menu_label = "Barrieremeldungen"
    icon = "warning"
    add_to_admin_menu = True
    menu_order = 800
    inspect_view_enabled = True
    inspect_view_class = BarrierReportInspectView
    inspect_view_fields = ["page_url", "description", "email", "created_at", "done", "note"]
    copy_view_enabled = False
    # The visitor's words stay as they were sent; the team records what it did.
    form_fields = ["done", "note"]
    list_display = [
        Column("page_url", label="Seite", accessor="page_url"),
        Column("description", label="Beschreibung", accessor=lambda report: _shortened(report.description)),
        Column("created_at", label="Eingegangen am", accessor=lambda report: _local(report.created_at)),
        BooleanColumn("done", label="Erledigt"),
    ]
    list_filter = ["done"]
    # Searched in the database: the reports are no part of the site's search index.
    search_backend_name = None
    search_fields = ["page_url", "description", "email"]
    ordering = ["done", "-created_at"]


def _shortened(text: str, length: int = 80) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _local(moment) -> str:
    return f"{timezone.localtime(moment):%d.%m.%Y, %H:%M}"
