"""The alerts in the admin: their own menu item "Hinweise", beside the pages."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Alert, InfoScreen


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


class InfoScreenViewSet(SnippetViewSet):
    model = InfoScreen
    icon = "desktop"
    menu_label = "Infobildschirme"
    menu_name = "infoscreens"
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "slug", "orientation", "seconds_per_item"]


register_snippet(InfoScreenViewSet)
