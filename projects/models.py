from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

import shapes
from cachetags import children_tag, pointed_to_tag, record
from content_safety import SafeURLField
from core.api_fields import DetailAPIField, DirectoryEntryListField, PageCardsField
from core.blocks import BodyBlock
from core.listing import FilteredIndexMixin
from core.models import BasePage, CardQuerySet

from .api_fields import ContactField, GoalsField, MilestonesField, OrganisationsField
from .api_filters import PROJECT_FILTERS
from .choices import Status
from .filters import ProjectFilterForm

# How many news and events an app's project screen gets with the project (`latest_news`,
# `upcoming_events`).
SCREEN_CARDS = 5


class ProjectIndexPage(FilteredIndexMixin, BasePage):
    """The overview of all projects of the programme ("Projekte")."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1

    filter_form_class = ProjectFilterForm
    cards_per_page = 12
    cards_context_name = "projects"

    class Meta:
        verbose_name = _("Projektübersicht")
        verbose_name_plural = "Projektübersichten"

    def get_projects(self):
        record(children_tag(self.pk))
        return ProjectPage.objects.child_of(self).visible().order_by("title")

    def listed_pages(self):
        return self.get_projects()

    def with_card_data(self, projects):
        return projects.for_cards().prefetch_related("themes")


class ProjectPage(BasePage):
    """The overview of one project: status, period, funding, partners, goals, milestones."""

    # In projects.choices, which the filters import without loading the models.
    Status = Status

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    status = models.CharField("Status", max_length=20, choices=Status.choices, default=Status.PLANNED)
    start_date = models.DateField("Beginn", null=True, blank=True)
    end_date = models.DateField("Ende", null=True, blank=True)
    themes = ParentalManyToManyField(
        "cms.Theme", verbose_name="Themenfelder", blank=True, related_name="projects"
    )
    funding_programme = models.CharField(
        "Förderprogramm",
        max_length=200,
        blank=True,
        help_text="z. B. „Modellprojekte Smart Cities made in Germany“.",
    )
    funding_programme_url = SafeURLField("Link zum Förderprogramm", blank=True)
    contact = models.ForeignKey(
        "cms.Person",
        verbose_name="Ansprechperson",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    website = SafeURLField("Projektwebsite", blank=True)
    body = StreamField(BodyBlock(), verbose_name="Inhalt", blank=True)

    objects = PageManager.from_queryset(CardQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading="Laufzeit"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
            ],
            heading="Stand und Einordnung",
        ),
        BasePage.teaser_panel,
        BasePage.hero_image_panel,
        InlinePanel("goals", label="Ziel", heading="Ziele"),
        InlinePanel("milestones", label="Meilenstein", heading="Meilensteine"),
        MultiFieldPanel(
            [
                FieldPanel("funding_programme"),
                FieldPanel("funding_programme_url"),
                InlinePanel("funders", label="Fördergeber", heading="Fördergeber"),
                InlinePanel("partners", label="Partner", heading="Partner"),
            ],
            heading="Förderung und Partner",
        ),
        MultiFieldPanel([FieldPanel("contact"), FieldPanel("website")], heading="Kontakt"),
        FieldPanel("body"),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("funding_programme"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("status"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("funding_programme"),
        APIField("funding_programme_url"),
        APIField("website"),
        APIField("themes", serializer=DirectoryEntryListField()),
        # Detail responses only (see api.router): what the project's own screen shows.
        DetailAPIField("goals", serializer=GoalsField()),
        DetailAPIField("milestones", serializer=MilestonesField()),
        DetailAPIField("funders", serializer=OrganisationsField()),
        DetailAPIField("partners", serializer=OrganisationsField()),
        DetailAPIField("contact", serializer=ContactField()),
        DetailAPIField("latest_news", serializer=PageCardsField()),
        DetailAPIField("upcoming_events", serializer=PageCardsField()),
        DetailAPIField("body"),
    ]
    # The JSON shape of each API field, for the OpenAPI document (api.openapi).
    # The filters of this type's list at /api/v2/pages/ (api_filters.py).
    api_filters = PROJECT_FILTERS
    api_field_shapes = {
        "status": shapes.choices(Status, "Where the project stands."),
        "start_date": shapes.nullable(shapes.date("Start of the project period.")),
        "end_date": shapes.nullable(shapes.date("End of the project period.")),
        "funding_programme": shapes.string(
            "e.g. „Modellprojekte Smart Cities made in Germany“; may be empty."
        ),
        "funding_programme_url": shapes.string(shapes.URL_OR_EMPTY),
        "website": shapes.string("The project's own website. " + shapes.URL_OR_EMPTY),
        "themes": shapes.array(shapes.ref("Theme"), "Fields of action of the Smart City strategy."),
        "goals": shapes.array(shapes.string(), "What the project wants to achieve, in the editors' order."),
        "milestones": shapes.array(shapes.ref("Milestone"), "Steps of the project, in the editors' order."),
        "funders": shapes.array(shapes.ref("Organisation"), "Who funds the project, in the editors' order."),
        "partners": shapes.array(shapes.ref("Organisation"), "Who takes part, in the editors' order."),
        "contact": shapes.nullable(shapes.ref("Person") | {"description": "Whom to ask about the project."}),
        "latest_news": shapes.array(
            shapes.ref("ArticlePageListItem"),
            f"The {SCREEN_CARDS} newest news naming the project, as cards (list items with `fields=*`); "
            "all of them: `/api/v2/pages/?type=articles.ArticlePage&project={id}`.",
        ),
        "upcoming_events": shapes.array(
            shapes.ref("EventPageListItem"),
            f"The next {SCREEN_CARDS} of the project's events still running or to come, as cards; "
            "all of them: `/api/v2/pages/?type=events.EventPage&project={id}&upcoming=true`.",
        ),
        "body": shapes.ref("Body"),
    }

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = "Projekte"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "Das Ende darf nicht vor dem Beginn liegen."})

    def get_articles(self):
        """Published news that name this project, newest first: no manual upkeep needed.

        The news app links its articles to projects (`article_links`); it sits above this app,
        so the article type is reached through that relation instead of an import."""
        article_type = self.article_links.model.article.field.related_model
        record(pointed_to_tag(self.pk))
        return (
            article_type.objects.visible()
            .filter(related_projects__project=self)
            .distinct()
            .for_cards()
            .select_related("category")
            .newest_first()
        )

    def get_events(self):
        """Published events that belong to this project (the events' `project`), newest first."""
        record(pointed_to_tag(self.pk))
        return self.events.visible().for_cards().select_related("category").order_by("-start", "-pk")

    def latest_news(self):
        """The newest news naming this project, for its page and an app's project screen."""
        return self.get_articles()[:SCREEN_CARDS]

    def upcoming_events(self):
        """This project's events still running or to come, the next first (its page, the app)."""
        record(pointed_to_tag(self.pk))
        return self.events.visible().upcoming().for_cards().select_related("category")[:SCREEN_CARDS]

    def events_preview(self):
        """The project's page's events: the next ones, then, if fewer than a screen's worth are
        ahead, the latest that are over (a finished project keeps its history)."""
        events = list(self.upcoming_events())
        if len(events) < SCREEN_CARDS:
            past = self.events.visible().past().for_cards().select_related("category")
            events += past[: SCREEN_CARDS - len(events)]
        return events

    def get_funders(self):
        return [funder.organisation for funder in self.funders.select_related("organisation")]

    def get_partners(self):
        return [partner.organisation for partner in self.partners.select_related("organisation")]


class ProjectGoal(Orderable):
    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField("Ziel", max_length=300)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "Ziel"
        verbose_name_plural = "Ziele"


class ProjectMilestone(Orderable):
    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField("Datum", help_text="Geplantes oder erreichtes Datum.")
    title = models.CharField("Titel", max_length=200)
    description = models.TextField("Beschreibung", blank=True)
    done = models.BooleanField("Erreicht", default=False)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("done")]),
        FieldPanel("title"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "Meilenstein"
        verbose_name_plural = "Meilensteine"


class ProjectOrganisation(Orderable):
    organisation = models.ForeignKey(
        "cms.Organisation", verbose_name="Organisation", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        abstract = True


class ProjectFunder(ProjectOrganisation):
    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="funders")

    class Meta(ProjectOrganisation.Meta):
        verbose_name = "Fördergeber"
        verbose_name_plural = "Fördergeber"


class ProjectPartner(ProjectOrganisation):
    project = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners")

    class Meta(ProjectOrganisation.Meta):
        verbose_name = "Partner"
        verbose_name_plural = "Partner"
