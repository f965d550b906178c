"""The projects in the admin: "Projekte" in the sidebar and the section in the page tree list
projects by title, with their status and period, and filters on both (see
core.editorial.sections)."""

from django.db.models import Q
from django.forms import CheckboxSelectMultiple
from django_filters import DateFromToRangeFilter, MultipleChoiceFilter
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column

from core.editorial.dates import admin_date
from core.editorial.sections import (
    SectionFilterSet,
    SectionListingViewSet,
    SectionPageViewSet,
    section_columns,
)

from .models import ProjectPage


class ProjectFilterSet(SectionFilterSet):
    status = MultipleChoiceFilter(
        label="Projektstatus", choices=ProjectPage.Status.choices, widget=CheckboxSelectMultiple
    )
    period = DateFromToRangeFilter(label="Laufzeit", method="filter_period", widget=DateRangePickerWidget)

    class Meta:
        model = ProjectPage
        fields = []

    def filter_period(self, projects, name, value):
        """Projects running at some time in the range; an open start or end runs on that side."""
        if value.start:
            projects = projects.filter(Q(end_date__gte=value.start) | Q(end_date__isnull=True))
        if value.stop:
            projects = projects.filter(Q(start_date__lte=value.stop) | Q(start_date__isnull=True))
        return projects


def period(project) -> str:
    start, end = admin_date(project.start_date), admin_date(project.end_date)
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"seit {start}"
    if end:
        return f"bis {end}"
    return ""


class ProjectListing:
    model = ProjectPage
    columns = section_columns(
        # Named apart from Wagtail's "Status" column, which tells whether the page is published.
        Column("project_status", label="Projektstatus", sort_key="status", accessor="get_status_display"),
        Column("period", label="Laufzeit", sort_key="start_date", accessor=period),
    )
    filterset_class = ProjectFilterSet
    ordering = "title"
    add_item_label = "Neues Projekt"


class ProjectPageViewSet(ProjectListing, SectionPageViewSet):
    pass


class ProjectListingViewSet(ProjectListing, SectionListingViewSet):
    name = "projekte"
    menu_label = "Projekte"
    icon = "clipboard-list"
    menu_order = 130


@hooks.register("register_admin_viewset")
def register_project_views():
    return [ProjectPageViewSet(), ProjectListingViewSet()]
