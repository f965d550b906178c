"""The filters of the news at /api/v2/pages/?type=articles.ArticlePage (core.api_filters);
the list is newest first."""

from core import api_filters as filters

ARTICLE_FILTERS = filters.PageFilters(
    (
        filters.category_filter(),
        filters.one(
            "tag",
            filters.TEXT,
            lambda articles, tag: articles.filter(filters.having(articles, tags__name__iexact=tag)),
            "Only articles with this tag name.",
        ),
        filters.project_filter(
            lambda articles, project: articles.filter(
                filters.having(articles, related_projects__project=project)
            )
        ),
        filters.one(
            "date_after",
            filters.DAY,
            lambda articles, day: articles.filter(date__gte=day),
            "Only articles dated on or after this day (`YYYY-MM-DD`).",
        ),
        filters.one(
            "date_before",
            filters.DAY,
            lambda articles, day: articles.filter(date__lte=day),
            "Only articles dated on or before this day (`YYYY-MM-DD`).",
        ),
    ),
    order=lambda articles: articles.newest_first(),
)
