"""The news in the admin: "Nachrichten" in the sidebar and the "Aktuelles" section in the page
tree list articles newest first, with category and date filters (see core.editorial.sections); a
new article can start with an event filled in, and an event's form links an existing one
(articles.admin_views)."""

from django.forms import CheckboxSelectMultiple
from django.urls import path
from django_filters import DateFromToRangeFilter, ModelMultipleChoiceFilter
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
from core.models import Category

from .admin_views import ArticleCreateView, link_article_to_event, link_existing_article
from .models import ArticlePage


class ArticleFilterSet(SectionFilterSet):
    date = DateFromToRangeFilter(label="Datum", widget=DateRangePickerWidget)
    category = ModelMultipleChoiceFilter(
        label="Kategorie", queryset=Category.objects.all(), widget=CheckboxSelectMultiple
    )

    class Meta:
        model = ArticlePage
        fields = []


class ArticleListing:
    model = ArticlePage
    columns = section_columns(
        Column("date", label="Datum", sort_key="date", accessor=lambda article: admin_date(article.date)),
        Column("category", label="Kategorie", sort_key="category__name"),
    )
    filterset_class = ArticleFilterSet
    ordering = "-date"
    list_select_related = ["category"]
    add_item_label = "Neue Nachricht"


class ArticlePageViewSet(ArticleListing, SectionPageViewSet):
    add_view_class = ArticleCreateView


class ArticleListingViewSet(ArticleListing, SectionListingViewSet):
    name = "nachrichten"
    menu_label = "Nachrichten"
    icon = "doc-full"
    menu_order = 110


@hooks.register("register_admin_viewset")
def register_article_views():
    return [ArticlePageViewSet(), ArticleListingViewSet()]


@hooks.register("register_admin_urls")
def register_article_urls():
    return [
        path(
            "veranstaltungen/<int:event_id>/nachricht-verknuepfen/",
            link_existing_article,
            name="articles_link_existing_article",
        ),
        path(
            "veranstaltungen/<int:event_id>/nachricht-verknuepfen/<int:article_id>/",
            link_article_to_event,
            name="articles_link_article_to_event",
        ),
    ]
