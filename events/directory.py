"""The admin of the venues directory, shown under "Verzeichnisse" (cms.wagtail_hooks)."""

from core.directory import DirectoryViewSet

from .models import Venue


class VenueViewSet(DirectoryViewSet):
    model = Venue
    api_name = "venues"
    api_summary = "Veranstaltungsorte mit Adresse, Koordinaten und Hinweisen zur Barrierefreiheit."
    icon = "site"
    list_display = ["name", "street", "city"]
    search_fields = ["name", "city"]
