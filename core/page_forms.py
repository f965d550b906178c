"""The admin form of every page (`BasePage.base_form_class`): the "Kurztitel" explained as
the page's address, formed from the title when it is empty, and an address that is taken named
together with the page that holds it.

The editor fills the "Kurztitel" from the title a moment after typing stops; saving right
away (Ctrl+S) used to send it empty and fail on a field the editor never touched. An empty
one is now formed on the server as Wagtail forms it, made unique among the page's siblings
("live-auftakt-2" when "live-auftakt" is held).

An editor who leaves a new page before saving it may find it later as a draft that was
saved on its own (autosave), now holding the address the next attempt wants. Wagtail only
says that the slug is in use. Here the error names that page, its state and when it was
last changed, and links to it. (It stands beside the field, whose tab shows the error
count; a copy at the top of the form would lose its link, as Wagtail's summary there
escapes field errors.)
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page


class PageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].help_text = self._slug_help()
            self.fields["slug"].required = False

    def _slug_help(self) -> str:
        parent_url = self.parent_page.url if self.parent_page else None
        example = f"{parent_url}<kurztitel>/" if parent_url else "/<kurztitel>/"
        return (
            f"Der letzte Teil der Adresse dieser Seite: {example}. Wird aus dem Titel gebildet, "
            "auch wenn das Feld beim Speichern leer ist. "
            "Nach der Veröffentlichung nur mit Bedacht ändern: Links auf die alte Adresse "
            "werden weitergeleitet, Lesezeichen anderer Websites aber nicht immer."
        )

    def clean(self):
        if "slug" in self.cleaned_data and not self.cleaned_data["slug"]:
            self.cleaned_data["slug"] = self._slug_from_title()
        slug = self.cleaned_data.get("slug")
        holder = self._page_holding(slug) if slug and self.parent_page else None
        cleaned_data = super().clean()
        if holder is not None:
            message = self._address_taken(slug, holder)
            # Replaces Wagtail's bare "already in use" on the field.
            self.errors["slug"] = self.error_class([message])
        return cleaned_data

    def _slug_from_title(self) -> str:
        """The title's slug, with "-2", "-3" … where a sibling holds it; empty without a title,
        which then is the error to see."""
        allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
        base = slugify(self.cleaned_data.get("title", ""), allow_unicode=allow_unicode)
        if not base or self.parent_page is None:
            return base
        page = self.instance if self.instance.pk else None
        candidate, suffix = base, 1
        while not Page._slug_is_available(candidate, self.parent_page, page):
            suffix += 1
            candidate = f"{base}-{suffix}"
        return candidate

    def _page_holding(self, slug):
        siblings = self.parent_page.get_children().filter(slug=slug)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        return siblings.first()

    @staticmethod
    def _address_taken(slug, page):
        if page.live:
            state = "veröffentlicht"
        elif page.first_published_at:
            state = "nicht mehr veröffentlicht"
        else:
            state = "Entwurf, nie veröffentlicht"
        changed = page.latest_revision_created_at or page.last_published_at
        when = (
            f", zuletzt bearbeitet am {timezone.localtime(changed):%d.%m.%Y um %H:%M} Uhr" if changed else ""
        )
        return format_html(
            "Der Kurztitel „{}“ ist unter dieser Seite schon vergeben, an die Seite „{}“ ({}{}). "
            '<a href="{}">Diese Seite öffnen</a>, um sie weiterzuführen oder zu löschen, '
            "oder hier einen anderen Kurztitel wählen.",
            slug,
            page.title,
            state,
            when,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )
