"""The shared directories ("Verzeichnisse"): entries editors keep once and pages point to,
such as categories, themes, organisations, people and the events' venues.

This is the one list of them. Each app registers the view sets of its directories when it is
ready (the core its four below, the events app its venues). Everything else is derived from
it: the admin's menu (cms.wagtail_hooks), the editorial groups' permissions
(core.editorial.setup) and the API's directory endpoints (api.snippets), which give each
entry in the one shape its model's `api_fields` describe, the shape pages embed it in.
"""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category, Organisation, Person, Theme


class DirectoryViewSet(SnippetViewSet):
    """A directory's admin views, and whether and where apps can list it."""

    # The directory's endpoint in the API, /api/v2/<api_name>/; None keeps the list out of
    # the API (its entries still appear where pages point to them).
    api_name: str | None = None
    # What the endpoint's page in the browsable API says, in German.
    api_summary = ""


_viewsets: list[type[DirectoryViewSet]] = []


def register(*viewsets: type[DirectoryViewSet]) -> None:
    for viewset in viewsets:
        if viewset not in _viewsets:
            _viewsets.append(viewset)


def viewsets() -> list[type[DirectoryViewSet]]:
    """The directories' admin view sets, in the order the apps registered them."""
    return list(_viewsets)


def models() -> list:
    return [viewset.model for viewset in _viewsets]


class CategoryViewSet(DirectoryViewSet):
    model = Category
    api_name = "categories"
    api_summary = "Die Arten von Nachrichten und Veranstaltungen; ihr Kurzname filtert Seiten (`category=`)."
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ThemeViewSet(DirectoryViewSet):
    model = Theme
    api_name = "themes"
    api_summary = "Die Handlungsfelder der Strategie; ihr Kurzname filtert Projekte (`theme=`)."
    icon = "folder-open-inverse"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class OrganisationViewSet(DirectoryViewSet):
    model = Organisation
    api_name = "organisations"
    api_summary = "Fördergeber, Partner und Veranstalter, mit Logo."
    icon = "group"
    list_display = ["name", "short_name", "url"]
    search_fields = ["name", "short_name"]


class PersonViewSet(DirectoryViewSet):
    """Contact people are shown with the project they are the contact for, not listed in the
    API: a list of names, e-mail addresses and phone numbers is not for every app."""

    model = Person
    icon = "user"
    list_display = ["name", "role", "organisation", "email"]
    search_fields = ["name", "role"]
