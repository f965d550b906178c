from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

import shapes
from cachetags import children_tag, record
from core.api_fields import DetailAPIField, DirectoryEntryField, PageLinkListField, TagNamesField
from core.blocks import BodyBlock
from core.listing import FilteredIndexMixin
from core.models import BasePage, CardQuerySet
from events.api_fields import EventLinkListField

from .api_filters import ARTICLE_FILTERS
from .feeds import article_feed, feed_response, published_at
from .filters import ArticleFilterForm
from .structured_data import news_article


class ArticleIndexPage(FilteredIndexMixin, RoutablePageMixin, BasePage):
    """The news section ("Aktuelles"): lists its articles, newest first, also as a feed."""

    parent_page_types = ["home.HomePage"]
    # The Atom feed linked in the head of every page of the site (core discovery tags).
    head_feed = ("feed", "application/atom+xml")
    subpage_types = ["articles.ArticlePage"]
    max_count_per_parent = 1

    filter_form_class = ArticleFilterForm
    cards_per_page = 10
    cards_context_name = "articles"
    anchored = True

    class Meta:
        verbose_name = _("Nachrichtenübersicht")
        verbose_name_plural = "Nachrichtenübersichten"

    def get_articles(self):
        record(children_tag(self.pk))
        return ArticlePage.objects.child_of(self).visible().newest_first()

    def listed_pages(self):
        return self.get_articles()

    def with_card_data(self, articles):
        return articles.for_cards().select_related("category")

    @path("feed/", name="feed")
    def feed(self, request):
        return feed_response(article_feed(self, request))


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticleQuerySet(CardQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")


class ArticlePage(BasePage):
    """A news item or press release."""

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []

    date = models.DateField(
        "Datum",
        default=timezone.localdate,
        help_text="Erscheint über dem Titel und bestimmt die Reihenfolge in Listen.",
    )
    category = models.ForeignKey(
        "cms.Category",
        verbose_name="Kategorie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    tags = ClusterTaggableManager(
        "Schlagwörter",
        through=ArticlePageTag,
        blank=True,
        help_text="Freie Stichworte, mit Komma getrennt.",
    )
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True)

    objects = PageManager.from_queryset(ArticleQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category"), FieldPanel("tags")],
            heading="Einordnung",
        ),
        BasePage.teaser_panel,
        BasePage.hero_image_panel,
        FieldPanel("body"),
        InlinePanel("related_events", label="Verwandte Veranstaltung", heading="Verwandte Veranstaltungen"),
        InlinePanel("related_projects", label="Zugehöriges Projekt", heading="Zugehörige Projekte"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("category", serializer=DirectoryEntryField()),
        APIField("tags", serializer=TagNamesField()),
        DetailAPIField("body"),
        # Detail responses only (see api.router).
        DetailAPIField("related_events", serializer=EventLinkListField(target="event")),
        DetailAPIField("related_projects", serializer=PageLinkListField(target="project")),
    ]
    # The JSON shape of each API field, for the OpenAPI document (api.openapi).
    # The filters of this type's list at /api/v2/pages/ (api_filters.py).
    api_filters = ARTICLE_FILTERS
    # The API's list of articles is sorted by the date first, whatever the filters: it is cut
    # on anchors kept per content version (api.pagination).
    api_list_anchored = True
    api_field_shapes = {
        "date": shapes.date("The date shown above the title; lists are newest first by it."),
        "category": shapes.nullable(shapes.ref("Category")),
        "tags": shapes.array(shapes.string(), "Tag names, alphabetical."),
        "body": shapes.ref("Body"),
        "related_events": shapes.array(
            shapes.ref("EventLink"),
            "Events the article points to, e.g. the one it announces, in the editors' order; "
            "unpublished or restricted ones are left out.",
        ),
        "related_projects": shapes.array(
            shapes.ref("PageLink"),
            "Projects the article belongs to, in the editors' order; unpublished or restricted "
            "ones are left out.",
        ),
    }

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = "Nachrichten"
        # The news list's order, newest first (core.listing.KeyAnchors seeks on the date).
        indexes = [models.Index(fields=["date", "page_ptr"], name="article_list_order")]

    og_type = "article"

    def json_ld_nodes(self, request) -> list[dict]:
        return [news_article(self, request)]

    def published_time(self):
        return published_at(self)

    def get_related_events(self):
        """The published events this article points to, in the editor's order."""
        # The page types are reached through the links' foreign keys: an import would create
        # them before this app's and change the order the admin and the API list types in.
        event_type = ArticleEventLink.event.field.related_model
        return _linked_pages(self, "related_events", event_type, "event_id")

    def get_related_projects(self):
        """The published projects this article belongs to, in the editor's order."""
        project_type = ArticleProjectLink.project.field.related_model
        return _linked_pages(self, "related_projects", project_type, "project_id")


def _linked_pages(article, relation, page_model, target_id):
    """The pages an article's links (`relation`) point to that visitors may see, in the
    links' order.

    A saved article's links are joined in the database, one query for links and pages. A
    preview holds the draft's links in memory (modelcluster), so those are read instead:
    the preview shows the links of the draft, not those of the published revision.
    """
    if article.pk is None or relation in getattr(article, "_cluster_related_objects", {}):
        ids = [getattr(link, target_id) for link in getattr(article, relation).all()]
        return _live_in_order(page_model, ids)
    pages = (
        page_model.objects.visible()
        .filter(article_links__article=article)
        .for_cards()
        .order_by("article_links__sort_order", "article_links__pk")
    )
    # A page linked twice is shown once, where it is first linked.
    return list(dict.fromkeys(pages))


def _live_in_order(page_model, ids):
    """The pages with the given ids that visitors may see, in the order of the ids."""
    pages = page_model.objects.visible().filter(pk__in=ids).for_cards().in_bulk()
    return [pages[page_id] for page_id in dict.fromkeys(ids) if page_id in pages]


class ArticleEventLink(Orderable):
    """An event the article points to, e.g. the event it announces."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_events")
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name="Veranstaltung",
        on_delete=models.CASCADE,
        related_name="article_links",
    )

    panels = [FieldPanel("event")]

    class Meta(Orderable.Meta):
        verbose_name = "Verwandte Veranstaltung"
        verbose_name_plural = "Verwandte Veranstaltungen"


class ArticleProjectLink(Orderable):
    """A project the article belongs to; the project page lists the article by itself."""

    article = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="related_projects")
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name="Projekt",
        on_delete=models.CASCADE,
        related_name="article_links",
    )

    panels = [FieldPanel("project")]

    class Meta(Orderable.Meta):
        verbose_name = "Zugehöriges Projekt"
        verbose_name_plural = "Zugehörige Projekte"
