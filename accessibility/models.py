"""What German accessibility law asks of the website (BITV 2.0 §§ 4 and 7): the
accessibility statement, the form to report a barrier and the reports it collects, and the
pages in Leichte Sprache and German Sign Language (DGS)."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext_lazy
from modelcluster.fields import ParentalKey
from rest_framework.fields import ReadOnlyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

import shapes
from content_safety import SafeURLField
from core.api_fields import DetailAPIField
from core.blocks import BodyBlock, VideoBlock
from core.models import BasePage
from core.visibility import visible_pages

from . import reports
from .blocks import EASY_LANGUAGE_BODY_SHAPE, EasyLanguageBodyBlock
from .forms import BarrierReportForm, site_path

TOO_MANY_REPORTS = gettext_lazy(
    "Von Ihrem Anschluss sind in der letzten Stunde schon mehrere Meldungen eingegangen. Bitte "
    "versuchen Sie es später noch einmal oder schreiben Sie uns eine E-Mail."
)


class Conformity(models.TextChoices):
    FULL = "vollstaendig", gettext_lazy("vollständig vereinbar")
    PARTIAL = "teilweise", gettext_lazy("teilweise vereinbar")
    NONE = "nicht", gettext_lazy("nicht vereinbar")


class EvaluationMethod(models.TextChoices):
    SELF = "selbstbewertung", gettext_lazy("Selbstbewertung")
    EXTERNAL = "externe-pruefung", gettext_lazy("Prüfung durch Dritte")


class StatementContactField(ReadOnlyField):
    """Whom visitors write to about barriers."""

    def to_representation(self, page):
        return {
            "name": page.contact_name,
            "email": page.contact_email,
            "phone": page.contact_phone,
            "address": page.contact_address,
        }


class ArbitrationBodyField(ReadOnlyField):
    """The enforcement procedure: the arbitration body and what else the editors name."""

    def to_representation(self, page):
        return {
            "name": page.arbitration_name,
            "address": page.arbitration_address,
            "phone": page.arbitration_phone,
            "email": page.arbitration_email,
            "website": page.arbitration_website,
            "note": page.enforcement_note,
        }


class BarriersField(ReadOnlyField):
    """The parts not yet accessible, in the editors' order."""

    def to_representation(self, barriers):
        return [
            {"what": barrier.what, "reason": barrier.reason, "alternative": barrier.alternative}
            for barrier in barriers.all()
        ]


class FeedbackFormURLField(ReadOnlyField):
    def to_representation(self, page):
        form = page.feedback_form(self.context.get("request"))
        return form.get_full_url(self.context.get("request")) if form else None


class AccessibilityStatementPage(BasePage):
    """The "Erklärung zur Barrierefreiheit" after § 7 BITV 2.0 and the EU model statement
    (implementing decision (EU) 2018/1523)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    # One per site: per parent rather than max_count, so that a second site, or the start
    # page of another language, can have its own.
    max_count_per_parent = 1

    scope = models.TextField(
        "Geltungsbereich",
        default="Diese Erklärung zur Barrierefreiheit gilt für diese Website.",
        help_text="Für welche Website oder welche Angebote die Erklärung gilt, z. B. mit Adresse.",
    )
    conformity = models.CharField(
        "Stand der Vereinbarkeit",
        max_length=20,
        choices=Conformity.choices,
        default=Conformity.PARTIAL,
        help_text="„Teilweise vereinbar“, sobald unten mindestens ein nicht barrierefreier Inhalt steht.",
    )
    standard = models.CharField(
        "Maßstab",
        max_length=200,
        default="BITV 2.0 (EN 301 549, WCAG 2.1 Stufe AA)",
        help_text="Gegen welche Anforderungen geprüft wurde, z. B. „BITV 2.0 (EN 301 549, WCAG 2.1 "
        "Stufe AA)“.",
    )
    prepared_on = models.DateField("Erstellt am", help_text="Wann die Erklärung erstellt wurde.")
    last_reviewed = models.DateField(
        "Zuletzt überprüft am",
        help_text="Wann die Angaben zuletzt überprüft wurden. Mindestens einmal im Jahr prüfen.",
    )
    evaluation_method = models.CharField(
        "Methode",
        max_length=20,
        choices=EvaluationMethod.choices,
        default=EvaluationMethod.SELF,
        help_text="Wie die Vereinbarkeit festgestellt wurde.",
    )
    evaluator = models.CharField(
        "Geprüft von",
        max_length=200,
        blank=True,
        help_text="Wer geprüft hat: bei einer Prüfung durch Dritte deren Name (Pflicht), sonst z. B. "
        "„Redaktion Smart City“.",
    )
    contact_name = models.CharField(
        "Kontaktstelle", max_length=200, help_text="Wer Rückmeldungen zur Barrierefreiheit bearbeitet."
    )
    contact_email = models.EmailField("E-Mail")
    contact_phone = models.CharField("Telefon", max_length=40, blank=True)
    contact_address = models.TextField("Postanschrift", blank=True, help_text="Eine Angabe pro Zeile.")
    arbitration_name = models.CharField(
        "Schlichtungsstelle",
        max_length=300,
        default=(
            "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten "
            "der Bundesregierung für die Belange von Menschen mit Behinderungen"
        ),
        help_text="Die Stelle nach § 16 BGG. Landesbehörden nennen ihre Ombudsstelle unten im Hinweis.",
    )
    arbitration_address = models.TextField(
        "Anschrift der Schlichtungsstelle", default="Mauerstraße 53\n10117 Berlin"
    )
    arbitration_phone = models.CharField(
        "Telefon der Schlichtungsstelle", max_length=40, blank=True, default="030 18 527-2805"
    )
    arbitration_email = models.EmailField(
        "E-Mail der Schlichtungsstelle", blank=True, default="info@schlichtungsstelle-bgg.de"
    )
    arbitration_website = SafeURLField(
        "Website der Schlichtungsstelle", blank=True, default="https://www.schlichtungsstelle-bgg.de"
    )
    enforcement_note = models.TextField(
        "Hinweis zum Durchsetzungsverfahren",
        blank=True,
        help_text="Z. B. wann man sich an die Schlichtungsstelle wenden kann, oder die Ombudsstelle "
        "des Landes (in Nordrhein-Westfalen: bei der Landesbehindertenbeauftragten). Absätze durch "
        "Leerzeilen trennen.",
    )
    body = StreamField(
        BodyBlock(),
        verbose_name="Weitere Angaben",
        blank=True,
        help_text="Optional: was Besucherinnen und Besucher sonst wissen sollten.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("scope"),
        MultiFieldPanel(
            [FieldPanel("conformity"), FieldPanel("standard")], heading="Stand der Vereinbarkeit"
        ),
        InlinePanel(
            "barriers",
            label="Nicht barrierefreier Inhalt",
            heading="Nicht barrierefreie Inhalte",
            help_text="Was noch nicht barrierefrei ist, warum, und wie man es trotzdem erreicht.",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("last_reviewed")]),
                FieldRowPanel([FieldPanel("evaluation_method"), FieldPanel("evaluator")]),
            ],
            heading="Erstellung der Erklärung",
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Der Link zum Formular „Barriere melden“ erscheint von selbst, wenn die Seite "
                    "„Barriere melden“ veröffentlicht ist."
                ),
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
                FieldPanel("contact_address"),
            ],
            heading="Feedback und Kontakt",
        ),
        MultiFieldPanel(
            [
                FieldPanel("arbitration_name"),
                FieldPanel("arbitration_address"),
                FieldRowPanel([FieldPanel("arbitration_phone"), FieldPanel("arbitration_email")]),
                FieldPanel("arbitration_website"),
                FieldPanel("enforcement_note"),
            ],
            heading="Durchsetzungsverfahren",
        ),
        FieldPanel("body"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("scope"), index.SearchField("body")]
    api_fields = [
        *BasePage.api_fields,
        APIField("conformity"),
        APIField("standard"),
        APIField("prepared_on"),
        APIField("last_reviewed"),
        APIField("evaluation_method"),
        APIField("evaluator"),
        DetailAPIField("scope"),
        DetailAPIField("barriers", serializer=BarriersField()),
        DetailAPIField("contact", serializer=StatementContactField(source="*")),
        DetailAPIField("feedback_form_url", serializer=FeedbackFormURLField(source="*")),
        DetailAPIField("arbitration_body", serializer=ArbitrationBodyField(source="*")),
        DetailAPIField("body"),
    ]
    # The JSON shape of each API field, for the OpenAPI document (api.openapi).
    api_field_shapes = {
        "conformity": shapes.choices(Conformity, "How far the site meets the standard."),
        "standard": shapes.string("The requirements checked against, e.g. „BITV 2.0 (EN 301 549, …)“."),
        "prepared_on": shapes.date("When the statement was made."),
        "last_reviewed": shapes.date("When the statement was last reviewed."),
        "evaluation_method": shapes.choices(EvaluationMethod, "How conformity was established."),
        "evaluator": shapes.string("Who evaluated the site; may be empty for a self-assessment."),
        "scope": shapes.string("Plain text: which website or services the statement covers."),
        "barriers": shapes.array(
            shapes.object_schema(
                {
                    "what": shapes.string("The part that is not accessible."),
                    "reason": shapes.string("Plain text: why."),
                    "alternative": shapes.string("Plain text: an accessible alternative; may be empty."),
                }
            ),
            "The parts not yet accessible, in the editors' order.",
        ),
        "contact": shapes.object_schema(
            {
                "name": shapes.string("The office that answers feedback."),
                "email": shapes.string(),
                "phone": shapes.string("May be empty."),
                "address": shapes.string("Postal address, one item per line; may be empty."),
            },
            "Whom visitors write to about barriers.",
        ),
        "feedback_form_url": shapes.nullable(
            shapes.string("The website's form to report a barrier; null while there is none.")
        ),
        "arbitration_body": shapes.object_schema(
            {
                "name": shapes.string("The arbitration body (§ 16 BGG)."),
                "address": shapes.string("One item per line."),
                "phone": shapes.string("May be empty."),
                "email": shapes.string("May be empty."),
                "website": shapes.string(shapes.URL_OR_EMPTY),
                "note": shapes.string("Plain text, paragraphs separated by blank lines; may be empty."),
            },
            "The enforcement procedure.",
        ),
        "body": shapes.ref("Body"),
    }

    class Meta:
        verbose_name = "Erklärung zur Barrierefreiheit"
        verbose_name_plural = "Erklärungen zur Barrierefreiheit"

    def clean(self):
        super().clean()
        errors = {}
        if self.prepared_on and self.last_reviewed and self.last_reviewed < self.prepared_on:
            errors["last_reviewed"] = "Die Überprüfung kann nicht vor der Erstellung liegen."
        if self.evaluation_method == EvaluationMethod.EXTERNAL and not self.evaluator.strip():
            errors["evaluator"] = "Bei einer Prüfung durch Dritte bitte angeben, wer geprüft hat."
        if errors:
            raise ValidationError(errors)

    def feedback_form(self, request=None):
        """The form "Barriere melden" of the same site, if visitors may open it."""
        # One query: a start page holds at most one form (max_count_per_parent).
        return visible_pages(BarrierReportPage.objects.sibling_of(self, inclusive=False), request).first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feedback_form"] = self.feedback_form(request)
        return context


class StatementBarrier(Orderable):
    """One part of the site that is not (yet) accessible."""

    page = ParentalKey(AccessibilityStatementPage, on_delete=models.CASCADE, related_name="barriers")
    what = models.CharField(
        "Was ist nicht barrierefrei?",
        max_length=300,
        help_text="So konkret wie möglich, z. B. „Ältere PDF-Dokumente in der Mediathek“.",
    )
    reason = models.TextField(
        "Warum?",
        help_text="Der Grund, z. B. „unverhältnismäßige Belastung“ oder „Inhalt Dritter“, und bis wann "
        "es behoben wird, wenn das feststeht.",
    )
    alternative = models.TextField(
        "Barrierefreie Alternative",
        blank=True,
        help_text="Wie man den Inhalt trotzdem bekommt, z. B. „Auf Anfrage senden wir eine "
        "barrierefreie Fassung.“",
    )

    panels = [FieldPanel("what"), FieldPanel("reason"), FieldPanel("alternative")]

    class Meta(Orderable.Meta):
        verbose_name = "Nicht barrierefreier Inhalt"
        verbose_name_plural = "Nicht barrierefreie Inhalte"


class BarrierReportPage(RoutablePageMixin, BasePage):
    """The form "Barriere melden": visitors report a barrier, the report is stored, mailed to
    the address in BARRIER_REPORT_EMAIL, and the visitor sees a confirmation (accessibility.views)."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = models.TextField(
        "Einleitung",
        blank=True,
        help_text="Ein, zwei Sätze über dem Formular: wozu es dient und wann Sie antworten.",
    )
    confirmation_text = models.TextField(
        "Bestätigung",
        default="Vielen Dank für Ihre Meldung. Wir prüfen sie und antworten, wenn Sie eine E-Mail-Adresse "
        "angegeben haben, in der Regel innerhalb von zwei Wochen.",
        help_text="Was Besucherinnen und Besucher nach dem Absenden lesen.",
    )

    content_panels = [
        *BasePage.content_panels,
        HelpPanel(
            "Die Meldungen stehen im Menü „Barrieremeldungen“ und gehen per E-Mail an die Adresse "
            "in der Einstellung BARRIER_REPORT_EMAIL. Die Seite muss unter der Startseite liegen, mit "
            "dem Kurztitel „barriere-melden“, damit der Link „Barriere melden“ im Fußbereich sie findet."
        ),
        FieldPanel("intro"),
        FieldPanel("confirmation_text"),
    ]
    api_fields = [*BasePage.api_fields, DetailAPIField("intro")]
    api_field_shapes = {"intro": shapes.string("Plain text above the form; may be empty.")}

    class Meta:
        verbose_name = "Formular „Barriere melden“"
        verbose_name_plural = "Formulare „Barriere melden“"

    @path("")
    def form_view(self, request):
        hosts = self._hosts(request)
        status = 200
        if request.method == "POST":
            form = BarrierReportForm(request.POST, hosts=hosts)
            if reports.limit_reached(request):
                form.add_error(None, TOO_MANY_REPORTS)
                status = 429
            elif form.is_valid():
                report = BarrierReport.objects.create(
                    page_url=form.cleaned_data["page_url"],
                    description=form.cleaned_data["description"],
                    email=form.cleaned_data["email"],
                )
                reports.count_report(request)
                reports.send_report_email(report, self._absolute(request, report.page_url))
                # Post/Redirect/Get: reloading the confirmation sends nothing twice.
                return HttpResponseRedirect(self.url + self.reverse_subpage("confirmation"))
            else:
                status = 400
        else:
            form = BarrierReportForm(initial={"page_url": self._reported_page(request, hosts)}, hosts=hosts)
        context = self.get_context(request)
        context["form"] = form
        response = TemplateResponse(request, "accessibility/barrier_report_page.html", context, status=status)
        return self._keep_private(response)

    @path("danke/", name="confirmation")
    def confirmation_view(self, request):
        return TemplateResponse(
            request, "accessibility/barrier_report_confirmation.html", self.get_context(request)
        )

    @staticmethod
    def _keep_private(response):
        """The form carries this visitor's CSRF token: neither Varnish nor a browser's shared
        cache may hand it to anyone else, nor keep it for a later visit."""
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    def _hosts(self, request) -> set[str]:
        """The host names this site's addresses have: the site's own, and the one asked for."""
        site = self.get_site()
        return {name for name in (site.hostname if site else "", request.get_host().split(":")[0]) if name}

    def _reported_page(self, request, hosts) -> str:
        """The page the visitor came from: the footer link's `?seite=`, else the Referer
        header; only this site's addresses, and never the form itself."""
        own = urlsplit(self.get_url(request) or "").path
        for address in (request.GET.get("seite", ""), request.headers.get("referer", "")):
            path = site_path(address, hosts)
            if path and not (own and path.startswith(own)):
                return path
        return ""

    def _absolute(self, request, path: str) -> str:
        site = self.get_site()
        return (site.root_url if site else request.build_absolute_uri("/").rstrip("/")) + path


class BarrierReport(models.Model):
    """A barrier a visitor reported through the form."""

    page_url = models.CharField("Seite", max_length=500)
    description = models.TextField("Beschreibung")
    email = models.EmailField("E-Mail für Rückfragen", blank=True)
    created_at = models.DateTimeField("Eingegangen am", auto_now_add=True)
    done = models.BooleanField(
        "Erledigt", default=False, help_text="Setzen, sobald die Meldung beantwortet und bearbeitet ist."
    )
    note = models.TextField("Interne Notiz", blank=True, help_text="Was getan wurde; nur im Admin sichtbar.")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Barrieremeldung"
        verbose_name_plural = "Barrieremeldungen"

    def __str__(self):
        if not self.created_at:
            return self.page_url
        return f"{self.page_url} ({timezone.localtime(self.created_at):%d.%m.%Y %H:%M})"


class EasyLanguagePage(BasePage):
    """A page in Leichte Sprache (BITV 2.0 § 4): the section under /leichte-sprache/ and the
    pages in it. Leichte Sprache is a form of German with its own rules, not a translation of
    every page, so its pages are a section of the German tree (README, "Leichte Sprache")."""

    parent_page_types = ["home.HomePage", "accessibility.EasyLanguagePage"]
    subpage_types = ["accessibility.EasyLanguagePage"]

    body = StreamField(
        EasyLanguageBodyBlock(),
        verbose_name="Inhalt in Leichter Sprache",
        help_text=(
            "Regeln für Leichte Sprache: kurze Sätze, ein Gedanke pro Absatz, bekannte Wörter, "
            "keine Abkürzungen. Schwere Wörter mit einer Wort-Erklärung erklären. Zahlen als Ziffern. "
            "Wenn möglich, prüfen Menschen mit Lernschwierigkeiten den Text."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    api_fields = [*BasePage.api_fields, DetailAPIField("body")]
    api_field_shapes = {"body": EASY_LANGUAGE_BODY_SHAPE}

    class Meta:
        verbose_name = "Seite in Leichter Sprache"
        verbose_name_plural = "Seiten in Leichter Sprache"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = visible_pages(self.get_children(), request).specific()
        return context


class SignLanguagePage(BasePage):
    """The page in German Sign Language (DGS, BITV 2.0 § 4): videos about the site's content,
    how to use it and the accessibility statement, each through the two-click video consent
    and with its transcript."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = models.TextField(
        "Einleitung",
        blank=True,
        help_text="Ein, zwei kurze Sätze für alle, die die Videos nicht sehen: was sie zeigen.",
    )
    videos = StreamField(
        [("video", VideoBlock())],
        verbose_name="Videos in Gebärdensprache",
        min_num=1,
        help_text="Ein Video pro Thema: Inhalte der Website, Bedienung, Erklärung zur Barrierefreiheit. "
        "Zu jedem Video ein Transkript eintragen.",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("videos")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("videos")]
    api_fields = [*BasePage.api_fields, DetailAPIField("intro"), DetailAPIField("videos")]
    api_field_shapes = {
        "intro": shapes.string("Plain text; may be empty."),
        "videos": shapes.array(
            shapes.ref("VideoBlock"),
            "The videos in German Sign Language, in order, each with title and transcript.",
        ),
    }

    class Meta:
        verbose_name = "Seite in Gebärdensprache"
        verbose_name_plural = "Seiten in Gebärdensprache"
