"""The alerts in the admin: their own menu item "Hinweise", beside the pages."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Alert


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = "Hinweise"
    menu_name = "alerts"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "severity", "page", "go_live_at", "expire_at"]
    list_filter = ["severity", "live"]


register_snippet(AlertViewSet)
