"""The project's admin wiring: the shared directories of the core and the page apps under one
menu item, "Verzeichnisse"."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.directory import CategoryViewSet, OrganisationViewSet, PersonViewSet, ThemeViewSet
from events.directory import VenueViewSet


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Verzeichnisse"
    menu_icon = "folder-inverse"
    menu_order = 300
    items = (CategoryViewSet, ThemeViewSet, OrganisationViewSet, PersonViewSet, VenueViewSet)


register_snippet(DirectoryGroup)
