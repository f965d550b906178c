"""The Alert snippet: one entry that the website's banner, /api/v2/alerts/ and the webhooks share.

An alert goes through drafts, revisions, locking and the review workflow like a page
(Wagtail's mixins for snippets). Its start and end are Wagtail's `go_live_at` and
`expire_at`: the `scheduler` service publishes and unpublishes it within a minute, as it
does pages. Its scope is the whole site (no page) or one page and everything below it.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    PreviewableMixin,
    RevisionMixin,
    Site,
    TranslatableMixin,
    WorkflowMixin,
)

from cachetags import RecordedWhenLoaded
from content_safety import SafeURLField

TEXT_MAX_LENGTH = 300


class Severity(models.TextChoices):
    INFORMATION = "information", _("Information")
    WARNING = "warning", _("Warnung")
    DANGER = "danger", _("Gefahr")


class AlertQuerySet(models.QuerySet):
    def current(self, now=None):
        """Published and not past their end. The scheduler unpublishes an alert within a
        minute of its end; until then the end date alone keeps it out."""
        now = now or timezone.now()
        return self.filter(live=True).filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now))

    def in_language(self, language_code: str):
        """The alerts in this language, and those in the default language (German) that have
        no translation into it among these: an urgent notice reaches every visitor, in German
        until its translation is published."""
        default = settings.LANGUAGE_CODE
        if language_code == default:
            return self.filter(locale__language_code=default)
        translated = self.filter(locale__language_code=language_code).values("translation_key")
        return self.filter(
            Q(locale__language_code=language_code)
            | (Q(locale__language_code=default) & ~Q(translation_key__in=translated))
        )

    def for_page(self, page):
        """The alerts for the whole site and those whose page is the page or one above it
        (tree paths: each ancestor's path is a prefix of the page's, four characters a level)."""
        scope = Q(page__isnull=True)
        if page is not None and getattr(page, "path", None):
            prefixes = [page.path[:end] for end in range(4, len(page.path) + 1, 4)]
            scope |= Q(page__path__in=prefixes)
        return self.filter(scope)

    def in_order(self):
        """Danger first, then warnings, then information; the newest first within each."""
        rank = models.Case(
            models.When(severity=Severity.DANGER, then=0),
            models.When(severity=Severity.WARNING, then=1),
            default=2,
        )
        return self.order_by(rank, "-first_published_at", "-pk")


class Alert(
    RecordedWhenLoaded,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    PreviewableMixin,
    models.Model,
):
    # --- Content
    title = models.CharField(
        "Titel", max_length=120, help_text="Kurz und eindeutig, z. B. „Konzert abgesagt“."
    )
    text = models.TextField(
        "Kurztext",
        max_length=TEXT_MAX_LENGTH,
        help_text=f"Was Besucherinnen und Besucher wissen müssen, in höchstens {TEXT_MAX_LENGTH} Zeichen.",
    )
    severity = models.CharField(
        "Dringlichkeit",
        max_length=16,
        choices=Severity.choices,
        default=Severity.INFORMATION,
        help_text="Wird als Text und Symbol gezeigt: Information, Warnung oder Gefahr.",
    )
    # --- Link (optional): a page of this site or an outside address, not both
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Verlinkte Seite",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: eine Seite mit weiteren Informationen.",
    )
    link_url = SafeURLField(
        "Externer Link", blank=True, help_text="Optional: eine Adresse außerhalb der Website (https://…)."
    )
    # --- Scope
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Gilt für",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=(
            "Leer lassen für die ganze Website; sonst gilt der Hinweis für diese Seite "
            "und alle Seiten darunter."
        ),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="alert")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="alert",
        for_concrete_model=False,
    )

    objects = AlertQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("severity"),
        MultiFieldPanel([FieldPanel("link_page"), FieldPanel("link_url")], heading="Link"),
        FieldPanel("page"),
        PublishingPanel(),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "Hinweis"
        verbose_name_plural = "Hinweise"

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError(
                {
                    "link_url": "Bitte entweder eine verlinkte Seite oder einen externen Link angeben, "
                    "nicht beides."
                }
            )
        if self.go_live_at and self.expire_at and self.expire_at <= self.go_live_at:
            raise ValidationError({"expire_at": "Das Ende muss nach dem Beginn liegen."})

    # --- Preview in the admin: the banner above the page it applies to, as visitors will see it
    def get_preview_template(self, request, mode_name):
        return "alerts/preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        page = self.page
        if page is None:
            site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
            page = site.root_page if site else Page.get_first_root_node()
        # `alert_preview` puts this draft into the banner ahead of the alerts that are current.
        return {**context, "page": page.specific, "alert_preview": self}

    @property
    def dismiss_key(self) -> str:
        """What the browser remembers a hidden alert by: a new published revision shows it again."""
        return f"{self.pk}-{self.live_revision_id or 0}"


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", "Querformat (1920 × 1080)"
    PORTRAIT = "portrait", "Hochformat (1080 × 1920)"


class InfoScreen(RecordedWhenLoaded, models.Model):
    """One screen in a foyer or a stele: what it shows at /infoscreen/<slug>/ and how fast it turns."""

    name = models.CharField(
        "Name", max_length=100, help_text="Wo der Bildschirm steht, z. B. „Rathaus Foyer“."
    )
    slug = models.SlugField(
        "Kurzname",
        unique=True,
        help_text="Teil der Adresse: /infoscreen/<Kurzname>/ (Kleinbuchstaben, Ziffern, Bindestriche).",
    )
    show_alerts = models.BooleanField(
        "Hinweise zeigen",
        default=True,
        help_text="Aktuelle Hinweise für die ganze Website stehen vollständig oben, solange sie gelten.",
    )
    show_news = models.BooleanField("Nachrichten zeigen", default=True, help_text="Die neuesten Artikel.")
    show_events = models.BooleanField(
        "Veranstaltungen zeigen", default=True, help_text="Die nächsten Veranstaltungen."
    )
    # Optional narrowing of the news and events, as an app narrows them with `project=` or
    # `category=` at /api/v2/pages/ (InfoScreen.page_filters).
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name="Nur dieses Projekt",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: nur Nachrichten und Veranstaltungen, die zu diesem Projekt gehören.",
    )
    category = models.ForeignKey(
        "cms.Category",
        verbose_name="Nur diese Kategorie",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional: nur Nachrichten und Veranstaltungen dieser Kategorie.",
    )
    seconds_per_item = models.PositiveSmallIntegerField(
        "Sekunden je Eintrag",
        default=12,
        validators=[MinValueValidator(2), MaxValueValidator(300)],
        help_text="Wie lange jeder Eintrag steht (2 bis 300 Sekunden); so oft holt der Bildschirm auch "
        "neue Inhalte.",
    )
    orientation = models.CharField(
        "Format",
        max_length=16,
        choices=Orientation.choices,
        default=Orientation.LANDSCAPE,
        help_text="Wie der Bildschirm hängt.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [FieldPanel("show_alerts"), FieldPanel("show_news"), FieldPanel("show_events")], heading="Inhalte"
        ),
        MultiFieldPanel(
            [FieldPanel("project"), FieldPanel("category")],
            heading="Eingrenzen (optional)",
            help_text=(
                "Ein Projekt oder eine Kategorie, nicht beides. Hinweise gelten immer für die ganze Website."
            ),
        ),
        FieldPanel("seconds_per_item"),
        FieldPanel("orientation"),
    ]

    class Meta:
        verbose_name = "Infobildschirm"
        verbose_name_plural = "Infobildschirme"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not (self.show_alerts or self.show_news or self.show_events):
            raise ValidationError({"show_news": "Bitte mindestens einen Inhalt auswählen."})
        if self.project_id and self.category_id:
            raise ValidationError(
                {"category": "Bitte entweder ein Projekt oder eine Kategorie wählen, nicht beides."}
            )

    def page_filters(self) -> dict[str, int | str]:
        """The narrowing as the API's query parameters for news and events: the server-rendered
        first state and the script's polling (alerts/static/alerts/infoscreen.js) ask the same."""
        if self.project_id:
            return {"project": self.project_id}
        if self.category_id:
            return {"category": self.category.slug}
        return {}
