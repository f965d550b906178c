"""Shared pieces of the content model: the page base class and the snippets that
several apps use (categories, themes, organisations, people)."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.text import slugify
from rest_framework.fields import CharField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index

import shapes
from cachetags import RecordedWhenLoaded, page_tag
from content_safety import SafeURLField
from media.api import ImageCreditsField, ImageField
from media.credits import credits_for, images_shown_on

from . import fragments, preview_modes
from .api_fields import DetailAPIField
from .page_forms import PageForm
from .site_structure import view_restrictions
from .visibility import restricted_paths, visible_pages

GERMAN_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def german_slugify(text: str) -> str:
    """A slug as German readers expect it: "Bürgerbeteiligung" becomes "buergerbeteiligung"."""
    return slugify(text.translate(GERMAN_TRANSLITERATION))


class Term(RecordedWhenLoaded, TranslatableMixin, index.Indexed, models.Model):
    """A named term editors sort content by; the slug is derived from the name when left empty.
    Translatable: each language has its own name and slug, unique within that language."""

    name = models.CharField("Name", max_length=80)
    slug = models.SlugField(
        "Kurzname für Adressen",
        max_length=80,
        blank=True,
        help_text="Wird in Filteradressen verwendet. Leer lassen, um ihn aus dem Namen zu bilden.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # The fields of the directory's one API shape (core.api_fields.DirectoryEntryField), at
    # its endpoint and where a page points to it; their JSON shapes are for api.openapi.
    api_fields = [APIField("name"), APIField("slug")]
    api_field_shapes = {"name": shapes.string("The name to show.")}

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = german_slugify(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = german_slugify(self.name)
        # Unique per language: the admin's form leaves the locale out, so Django would not check
        # these constraints and the database would refuse the row with a server error.
        locale_id = self.locale_id or Locale.get_default().pk
        errors = {}
        for field in ("name", "slug"):
            value = getattr(self, field)
            same = type(self).objects.filter(**{field: value}, locale_id=locale_id).exclude(pk=self.pk)
            if same.exists():
                errors[field] = f"„{value}“ gibt es in dieser Sprache schon."
        if errors:
            raise ValidationError(errors)


class Category(Term):
    """The kind of a news item or event, e.g. "Pressemitteilung" or "Workshop"."""

    api_field_shapes = {"slug": shapes.string("The value for `category=` filters.")}

    class Meta(Term.Meta):
        verbose_name = "Kategorie"
        verbose_name_plural = "Kategorien"
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="category_name_unique_per_locale"),
            models.UniqueConstraint(fields=["slug", "locale"], name="category_slug_unique_per_locale"),
        ]


class Theme(Term):
    """A field of action of the Smart City strategy, e.g. "Mobilität" or "Teilhabe"."""

    description = models.TextField("Beschreibung", blank=True)

    panels = [*Term.panels, FieldPanel("description")]
    api_fields = [*Term.api_fields, APIField("description")]
    api_field_shapes = {
        "slug": shapes.string("The value for `theme=` filters."),
        "description": shapes.string("May be empty."),
    }

    class Meta(Term.Meta):
        verbose_name = "Themenfeld"
        verbose_name_plural = "Themenfelder"
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="theme_name_unique_per_locale"),
            models.UniqueConstraint(fields=["slug", "locale"], name="theme_slug_unique_per_locale"),
        ]


class Organisation(RecordedWhenLoaded, TranslatableMixin, index.Indexed, models.Model):
    """A funder, partner or organiser, e.g. a ministry, a bank or a local association.
    Translatable: the English version carries the organisation's English name."""

    name = models.CharField("Name", max_length=200)
    short_name = models.CharField(
        "Abkürzung", max_length=40, blank=True, help_text="z. B. „BMWSB“ oder „KfW“."
    )
    url = SafeURLField("Website", blank=True)
    logo = models.ForeignKey(
        "media.CustomImage",
        verbose_name="Logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("url"), FieldPanel("logo")]
    # The fields of the directory's one API shape (see Term.api_fields).
    api_fields = [
        APIField("name"),
        APIField("short_name"),
        APIField("url"),
        APIField("logo", serializer=ImageField()),
    ]
    api_field_shapes = {
        "name": shapes.string(),
        "short_name": shapes.string("e.g. „BMWSB“; may be empty."),
        "url": shapes.string(shapes.URL_OR_EMPTY),
        "logo": shapes.nullable(shapes.ref("Image")),
    }
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = "Organisation"
        verbose_name_plural = "Organisationen"
        constraints = [
            models.UniqueConstraint(fields=["name", "locale"], name="organisation_name_unique_per_locale"),
        ]

    def __str__(self):
        return f"{self.name} ({self.short_name})" if self.short_name else self.name


class Person(RecordedWhenLoaded, index.Indexed, models.Model):
    """A contact person shown on project and event pages."""

    name = models.CharField("Name", max_length=200)
    role = models.CharField("Funktion", max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    email = models.EmailField("E-Mail", blank=True)
    phone = models.CharField("Telefon", max_length=40, blank=True)
    photo = models.ForeignKey(
        "media.CustomImage",
        verbose_name="Foto",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("photo"),
    ]
    # The fields of the directory's one API shape (see Term.api_fields); the organisation
    # by its name.
    api_fields = [
        APIField("name"),
        APIField("role"),
        APIField("organisation", serializer=CharField(source="organisation.name", allow_null=True)),
        APIField("email"),
        APIField("phone"),
        APIField("photo", serializer=ImageField()),
    ]
    api_field_shapes = {
        "name": shapes.string(),
        "role": shapes.string("e.g. „Projektleitung“; may be empty."),
        "organisation": shapes.nullable(shapes.string("The name of the person's organisation.")),
        "email": shapes.string("E-mail address, or an empty string."),
        "phone": shapes.string("As the editors wrote it, e.g. „0202 563-0“; may be empty."),
        "photo": shapes.nullable(shapes.ref("Image")),
    }
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "Ansprechperson"
        verbose_name_plural = "Ansprechpersonen"

    def __str__(self):
        return f"{self.name}, {self.role}" if self.role else self.name


class CardQuerySet(PageQuerySet):
    def visible(self, request=None):
        """The pages an anonymous visitor may see (core.visibility)."""
        return visible_pages(self, request)

    def for_cards(self):
        """Load what a card shows (hero image and its renditions) with the list, not per card."""
        return self.select_related("hero_image").prefetch_related("hero_image__renditions")


IMAGE_CREDITS_SHAPE = shapes.array(
    shapes.ref("ImageCredit"),
    "The page's „Bildnachweise“: the distinct credits of every image it shows (hero "
    "image and body), in order of appearance. Print them on the page.",
)


class BasePage(RecordedWhenLoaded, Page):
    """What every visitor-facing page carries: a teaser for cards and apps, a hero image,
    the computed list of image credits, and a preview on the website and in the app."""

    base_form_class = PageForm

    teaser = models.TextField(
        "Anreißer",
        max_length=400,
        blank=True,
        help_text=(
            "Ein bis zwei Sätze ohne Formatierung. Erscheint in Listen, Vorschaukarten, "
            "Apps und Suchergebnissen."
        ),
    )
    hero_image = models.ForeignKey(
        "media.CustomImage",
        verbose_name="Titelbild",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Großes Bild oben auf der Seite und in Vorschaukarten.",
    )

    teaser_panel = FieldPanel("teaser")
    hero_image_panel = FieldPanel("hero_image")
    content_panels = [*Page.content_panels, teaser_panel, hero_image_panel]

    search_fields = [*Page.search_fields, index.SearchField("teaser")]
    api_fields = [
        APIField("teaser"),
        APIField("hero_image", serializer=ImageField()),
        # Computed from the whole body: detail responses only.
        DetailAPIField("image_credits", serializer=ImageCreditsField()),
    ]
    # The JSON shape of each API field, for the OpenAPI document (api.openapi).
    api_field_shapes = {
        "teaser": shapes.string("One or two sentences of plain text for cards, lists and search results."),
        "hero_image": shapes.nullable(
            shapes.ref("Image") | {"description": "The large image on top of the page and on cards."}
        ),
        "image_credits": IMAGE_CREDITS_SHAPE,
    }

    class Meta:
        abstract = True

    def cache_tag(self) -> str:
        return page_tag(self.pk)

    def get_view_restrictions(self):
        # Wagtail checks them before serving the page (two queries: the ancestors, then their
        # restrictions); an anonymous read remembers them until content changes, and needs
        # neither query on a site where no page carries a restriction (the paths of those that
        # do are read once per request anyway, core.visibility). A list there, which is all
        # Wagtail's check needs; a queryset everywhere else.
        if fragments.generation() is None:
            return super().get_view_restrictions()
        if not restricted_paths():
            return []
        return view_restrictions(self, super().get_view_restrictions)

    def serve_password_required_response(self, request, form, action_url):
        """The password form of a protected page, in the site's layout. Its context holds no
        page: the form must not tell what it protects (title, teaser, image, breadcrumbs and
        link previews all come from the page in the context)."""
        context = {"form": form, "action_url": action_url}
        return TemplateResponse(request, "wagtailcore/password_required.html", context)

    def images_shown(self) -> list:
        """The images this page shows, in order of appearance."""
        return images_shown_on(self)

    def image_credits(self):
        """The page's "Bildnachweise": distinct credits in order of appearance."""
        return credits_for(self)

    # What the page is for link previews (Open Graph) and search engines (schema.org
    # JSON-LD, core.structured_data); page types that are more than a web page say so.
    og_type = "website"

    def json_ld_nodes(self, request) -> list[dict]:
        """The schema.org nodes describing this page; none for a plain web page."""
        return []

    def published_time(self):
        """When the page counts as published, for `article:published_time`; None where the
        page type is no article."""
        return None

    @property
    def preview_modes(self):
        """The website, and the modes other apps registered (core.preview_modes)."""
        return [("", "Website"), *preview_modes.choices()]

    def make_preview_request(self, original_request=None, preview_mode=None, extra_request_attrs=None):
        # Every preview in the admin (editing, creating, revisions, workflow) comes through
        # here. Registered modes are hooked here rather than in serve_preview, which
        # RoutablePageMixin overrides on the pages that list it before BasePage.
        if serve := preview_modes.server_for(preview_mode or ""):
            return serve(self, original_request)
        return super().make_preview_request(original_request, preview_mode, extra_request_attrs)


class ContentVersion(models.Model):
    """One row that changes whenever published content may have changed.

    API responses carry its time as Last-Modified, and the API response cache keys on
    its number, so every web process sees a change at once without having to purge
    anything. `delivery.content_version` keeps it up to date.
    """

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "Inhaltsstand"
        verbose_name_plural = "Inhaltsstände"

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M:%S})"


class GroupDescription(models.Model):
    """What the members of a group may do, in a sentence or two. Django's groups have only a
    name; administrators read and edit this where they list and edit groups (core.editorial.groups)."""

    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, primary_key=True, related_name="description"
    )
    text = models.TextField("Beschreibung", blank=True)

    class Meta:
        verbose_name = "Gruppenbeschreibung"
        verbose_name_plural = "Gruppenbeschreibungen"

    def __str__(self):
        return self.text
