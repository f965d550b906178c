from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

import shapes
from cachetags import record, type_tag_of
from core.api_fields import DetailAPIField
from core.blocks import BodyBlock
from core.models import BasePage
from core.structured_data import website


class HomePage(BasePage):
    """The start page of a site: introduction, then the newest news, events and projects."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "events.EventIndexPage",
        "projects.ProjectIndexPage",
        "home.ContentPage",
        # BITV 2.0: the statement, the feedback form, Leichte Sprache and sign language
        # (the accessibility app, named by label: it sits beside this app, not below it).
        "accessibility.AccessibilityStatementPage",
        "accessibility.BarrierReportPage",
        "accessibility.EasyLanguagePage",
        "accessibility.SignLanguagePage",
    ]
    # Each site's root is a HomePage directly under the tree root. No count limit:
    # further sites, and translations of this one, are more HomePages side by side.

    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, DetailAPIField("body")]
    # The JSON shape of each API field, for the OpenAPI document (api.openapi).
    api_field_shapes = {"body": shapes.ref("Body")}

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = "Startseiten"

    def json_ld_nodes(self, request) -> list[dict]:
        return [website(self, request)]

    def get_context(self, request, *args, **kwargs):
        # The section page types are named by label rather than imported: importing them
        # here would create them before the home page types, and the order in which page
        # types are created is the order the admin and the API list them in.
        ArticlePage, EventPage, ProjectPage = (  # noqa: N806
            apps.get_model(label)
            for label in ("articles.ArticlePage", "events.EventPage", "projects.ProjectPage")
        )
        context = super().get_context(request, *args, **kwargs)
        record(*(type_tag_of(model) for model in (ArticlePage, EventPage, ProjectPage)))
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
    """A generic page: Impressum, Datenschutz, "Über das Projekt". (The accessibility
    statement has a page type of its own, accessibility.AccessibilityStatementPage.)"""

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
    api_fields = [*BasePage.api_fields, APIField("last_reviewed"), DetailAPIField("body")]
    # The JSON shape of each API field, for the OpenAPI document (api.openapi).
    api_field_shapes = {
        "last_reviewed": shapes.nullable(
            shapes.date("When the content was last reviewed, e.g. for the accessibility statement.")
        ),
        "body": shapes.ref("Body"),
    }

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = "Inhaltsseiten"
