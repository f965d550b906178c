from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models import BasePage


class HomePage(BasePage):
    """The start page of a site: introduction, then the newest news, events and projects."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "events.EventIndexPage",
        "projects.ProjectIndexPage",
        "home.ContentPage",
    ]
    # Each site's root is a HomePage directly under the tree root. No count limit:
    # further sites, and translations of this one, are more HomePages side by side.

    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("body")]

    class Meta:
        verbose_name = "Startseite"
        verbose_name_plural = "Startseiten"

    def get_context(self, request, *args, **kwargs):
        from articles.models import ArticlePage
        from events.models import EventPage
        from projects.models import ProjectPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_articles"] = (
            ArticlePage.objects.visible(request)
            .descendant_of(self)
            .for_cards()
            .select_related("category")
            .newest_first()[:3]
        )
        context["upcoming_events"] = (
            EventPage.objects.visible(request)
            .descendant_of(self)
            .for_cards()
            .select_related("category")
            .upcoming()[:3]
        )
        context["projects"] = (
            ProjectPage.objects.visible(request).descendant_of(self).for_cards().order_by("title")[:3]
        )
        return context


class ContentPage(BasePage):
    """A generic page: Impressum, Datenschutz, Barrierefreiheit, "Über das Projekt"."""

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True)
    last_reviewed = models.DateField(
        "Zuletzt geprüft",
        null=True,
        blank=True,
        help_text="Für Pflichtseiten wie die Erklärung zur Barrierefreiheit: Datum der letzten Prüfung.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, APIField("last_reviewed"), APIField("body")]

    class Meta:
        verbose_name = "Inhaltsseite"
        verbose_name_plural = "Inhaltsseiten"
