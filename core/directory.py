"""The shared directories ("Verzeichnisse"): entries editors keep once and pages point to,
such as categories, themes, organisations, people and the events' venues.

This is the one list of them. Each app registers the admin view sets of its directories when
it is ready (the core its four below, the events app its venues); the admin's menu
(cms.wagtail_hooks) and the editorial groups' permissions (core.editorial.setup) are derived
from it, and a test holds the API's directory endpoints (api.snippets) to it.
"""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category, Organisation, Person, Theme

_viewsets: list[type[SnippetViewSet]] = []


def register(*viewsets: type[SnippetViewSet]) -> None:
    for viewset in viewsets:
        if viewset not in _viewsets:
            _viewsets.append(viewset)


def viewsets() -> list[type[SnippetViewSet]]:
    """The directories' admin view sets, in the order the apps registered them."""
    return list(_viewsets)


def models() -> list:
    return [viewset.model for viewset in _viewsets]


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
