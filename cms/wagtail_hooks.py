"""Admin wiring: the shared directories (snippets) under one menu item "Verzeichnisse"."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.models import Venue

from .models import Category, Organisation, Person, Theme


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "short_name", "url"]
    search_fields = ["name", "short_name"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name", "role"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "street", "city"]
    search_fields = ["name", "city"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Verzeichnisse"
    menu_icon = "folder-inverse"
    menu_order = 300
    items = (CategoryViewSet, ThemeViewSet, OrganisationViewSet, PersonViewSet, VenueViewSet)


register_snippet(DirectoryGroup)
