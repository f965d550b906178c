"""The filters of the projects at /api/v2/pages/?type=projects.ProjectPage (core.api_filters)."""

from core import api_filters as filters

from .choices import Status

PROJECT_FILTERS = filters.PageFilters(
    (
        filters.status_filter(Status, "Only projects with this status"),
        filters.one(
            "theme",
            filters.TEXT,
            lambda projects, theme: projects.filter(filters.having(projects, themes__slug=theme)),
            "Only projects in this theme, by slug (see /api/v2/themes/).",
        ),
    )
)
