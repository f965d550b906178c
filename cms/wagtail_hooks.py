"""Admin wiring: the shared directories (snippets) under one menu item "Verzeichnisse",
and the rich text link handler that keeps pages visitors cannot open unlinked."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from events.models import Venue

from . import dashboard, date_input, review_steps, userbar
from .link_chooser import register_new_tab_links
from .models import Category, Organisation, Person, Theme
from .page_views import BasePageViewSet
from .rich_text import VisiblePageLinkHandler


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


# After Wagtail's own registration (order 0), so these replace its "page" link type and its
# "link" feature.
@hooks.register("register_rich_text_features", order=1)
def register_links(features):
    features.register_link_type(VisiblePageLinkHandler)
    register_new_tab_links(features)


# The calendars keep the dates editors type (cms.date_input), and the preview's "Checks"
# panel runs the team's accessibility rules (cms.userbar).
hooks.register("insert_global_admin_js", date_input.date_picker_script)
hooks.register("construct_wagtail_userbar", userbar.use_editorial_checks)


# The team's dashboard (cms.dashboard) in place of Wagtail's nearly empty one.
hooks.register("construct_homepage_panels", dashboard.add_team_panels)


# The approver's button and confirmation in the page editor say what a review step does
# (cms.review_steps).
hooks.register("construct_page_action_menu", review_steps.label_a_scheduling_approval)
hooks.register("after_edit_page", review_steps.confirm_review_step)


# Every page type's add and edit views (cms.page_views): autosave names the field it stops at.
@hooks.register("register_admin_viewset")
def register_page_views():
    return BasePageViewSet()
