"""The admin of the venues directory, shown under "Verzeichnisse" (cms.wagtail_hooks)."""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Venue


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "street", "city"]
    search_fields = ["name", "city"]
