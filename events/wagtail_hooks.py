"""The events in the admin: "Veranstaltungen" in the sidebar and the section in the page tree
list events by start, with status and venue, and filters on all three (see
core.editorial.sections); the dashboard shows the events of the next two weeks (events.dashboard)."""

from django.forms import CheckboxSelectMultiple
from django_filters import DateFromToRangeFilter, ModelMultipleChoiceFilter, MultipleChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column

from core.editorial.sections import (
    SectionFilterSet,
    SectionListingViewSet,
    SectionPageViewSet,
    section_columns,
)

from .dashboard import UpcomingEventsPanel
from .models import EventPage, Venue


class EventFilterSet(SectionFilterSet):
    start = DateFromToRangeFilter(label="Beginn", widget=DateRangePickerWidget)
    status = MultipleChoiceFilter(
        label="Veranstaltungsstatus", choices=EventPage.Status.choices, widget=CheckboxSelectMultiple
    )
    venue = ModelMultipleChoiceFilter(
        label="Veranstaltungsort", queryset=Venue.objects.all(), widget=CheckboxSelectMultiple
    )

    class Meta:
        model = EventPage
        fields = []


class EventListing:
    model = EventPage
    columns = section_columns(
        Column("start", label="Beginn", sort_key="start", accessor="admin_start"),
        # Named apart from Wagtail's "Status" column, which tells whether the page is published.
        Column(
            "event_status", label="Veranstaltungsstatus", sort_key="status", accessor="get_status_display"
        ),
        Column("venue", label="Veranstaltungsort", sort_key="venue__name"),
    )
    filterset_class = EventFilterSet
    # The latest start first: the coming events and those just past lead the list, rather
    # than the first events the site ever announced.
    ordering = "-start"
    list_select_related = ["venue"]
    add_item_label = "Neue Veranstaltung"


class EventPageViewSet(EventListing, SectionPageViewSet):
    pass


class EventListingViewSet(EventListing, SectionListingViewSet):
    name = "veranstaltungen"
    menu_label = "Veranstaltungen"
    icon = "date"
    menu_order = 120


@hooks.register("register_admin_viewset")
def register_event_views():
    return [EventPageViewSet(), EventListingViewSet()]


@hooks.register("construct_homepage_panels")
def add_upcoming_events_panel(request, panels):
    panels.append(UpcomingEventsPanel())
