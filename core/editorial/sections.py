"""The admin's section listings: news, events and projects each listed with their own columns
and filters, one click from the sidebar, with an add button that says what it adds.

A page app describes its listing once, in a class with `model`, `columns`, `filterset_class`,
`ordering`, `list_select_related` and `add_item_label`, and combines it with both view sets:

- `SectionPageViewSet`, the page type's view set (core.editorial.page_views). The section's index page allows
  only this type below it, so Wagtail uses this listing when an editor explores the index page
  in the page tree ("Seiten → Aktuelles"). Page apps also swap in their own views here.
- `SectionListingViewSet`, a flat list of every page of the type on all sites, with its own
  menu item in the sidebar ("Nachrichten").
"""

from django.utils.functional import cached_property
from wagtail.admin.views.pages.listing import ExplorableIndexView, IndexView, PageFilterSet, PageListingMixin
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.search import index

from .page_views import BasePageViewSet

_WAGTAIL_COLUMNS = {column.name: column for column in PageListingMixin.base_columns}


def section_columns(*columns):
    """Wagtail's page columns (bulk actions, title, updated, status) with the section's own
    after the title; the page type column is left out, a section holds one type."""
    return [
        _WAGTAIL_COLUMNS["bulk_actions"],
        _WAGTAIL_COLUMNS["title"],
        *columns,
        _WAGTAIL_COLUMNS["latest_revision_created_at"],
        _WAGTAIL_COLUMNS["status"],
    ]


class SectionFilterSet(PageFilterSet):
    """Wagtail's page filters (updated, owner, edited by, site) for the section's own to extend."""

    # Pages in a section have no pages below them.
    has_child_pages = None


class SectionListingMixin:
    # Loads the objects the section's columns name (a category, a venue) with the list rather
    # than one query per row.
    list_select_related = ()

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages)
        if self.list_select_related:
            pages = pages.select_related(*self.list_select_related, for_specific_subqueries=True)
        return pages

    def get_valid_orderings(self):
        orderings = super().get_valid_orderings()
        if not self.is_searching:
            return orderings
        # Search results sort only by the page type's filter fields, never by a related
        # object's name ("category__name"): such a column sorts the unsearched list only.
        search_fields = self.model.get_search_fields()
        sortable = {field.field_name for field in search_fields if isinstance(field, index.FilterField)}
        return [ordering for ordering in orderings if ordering.removeprefix("-") in sortable]


class SectionIndexView(SectionListingMixin, IndexView):
    pass


class SectionExplorerView(SectionListingMixin, ExplorableIndexView):
    @cached_property
    def add_button(self):
        # Wagtail shows an unlabelled (+) here, for want of space in the page tree's header; a
        # section's header has the room to say "Neue Nachricht".
        if self.add_url:
            return HeaderButton(self.add_item_label, url=self.add_url, icon_name="plus")


class SectionViewSetMixin:
    add_item_label = None
    list_select_related = ()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            add_item_label=self.add_item_label, list_select_related=self.list_select_related, **kwargs
        )


class SectionPageViewSet(SectionViewSetMixin, BasePageViewSet):
    index_view_class = SectionExplorerView


class SectionListingViewSet(SectionViewSetMixin, PageListingViewSet):
    index_view_class = SectionIndexView
    add_to_admin_menu = True
