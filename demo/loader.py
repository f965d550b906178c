"""Builds the demo site from ``demo.content``, creating only what is missing.

Every object is looked up by a stable key first (image title, snippet name or slug,
page slug under its parent) and left alone when found, so a second run changes
nothing and an editor's changes to demo pages survive a re-run.
"""

import io
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import Translation, TranslationSource

from alerts.models import Alert, InfoScreen
from core.factories import CategoryFactory, OrganisationFactory, PersonFactory, ThemeFactory
from core.models import Category, Organisation, Person, Theme
from events.factories import VenueFactory
from events.models import Venue
from home.models import HomePage
from media.factories import ImageFactory
from media.models import CustomImage

from . import english
from .content import (
    CATEGORIES,
    INFO_SCREENS,
    ORGANISATIONS,
    PAGES,
    PEOPLE,
    SITE_NAME,
    THEMES,
    VENUES,
    PageSpec,
    Refs,
    alerts,
)
from .images import HEIGHT, IMAGES, WIDTH, DemoImage, render

WAGTAIL_PLACEHOLDER_TITLE = "Welcome to your new Wagtail site!"


class DemoContentLoader:
    def __init__(self, today=None):
        self.refs = Refs(today=today or timezone.localdate())
        self.created: Counter[str] = Counter()

    @transaction.atomic
    def load(self) -> Counter:
        """Create what is missing and return how many objects of each kind were created."""
        self._load_german()
        self._english()
        return self.created

    def _load_german(self) -> None:
        root_collection = Collection.get_first_root_node()
        for spec in IMAGES:
            self.refs.images[spec.key] = self._image(spec, root_collection)
        self._snippets()
        for spec in PAGES:
            self.refs.pages[spec.slug] = self._page(spec)
        home = self.refs.pages[PAGES[0].slug]
        self._point_default_site_at(home)
        self._remove_wagtail_placeholder()
        self._alerts()
        self._info_screens()

    def _get_or_create(self, label: str, model, lookup: dict, factory, **fields):
        found = model.objects.filter(**lookup).first()
        if found is not None:
            return found
        self.created[label] += 1
        return factory(**lookup, **fields)

    def _image(self, spec: DemoImage, collection: Collection) -> CustomImage:
        found = CustomImage.objects.filter(title=spec.title).first()
        if found is not None:
            return found
        focal = {}
        if spec.focal:
            x, y, width, height = spec.focal
            focal = {
                "focal_point_x": x,
                "focal_point_y": y,
                "focal_point_width": width,
                "focal_point_height": height,
            }
        licence, licence_url = spec.licence
        image = ImageFactory.build(
            title=spec.title,
            file=ImageFile(io.BytesIO(render(spec)), name=spec.filename),
            width=WIDTH,
            height=HEIGHT,
            collection=collection,
            description=spec.alt,
            is_decorative=spec.decorative,
            credit_author=spec.author,
            credit_source=spec.source,
            licence=licence,
            licence_url=licence_url,
            **focal,
        )
        # Size and hash are what the admin's upload form records; duplicate detection needs the hash.
        image._set_image_file_metadata()
        image.full_clean()
        image.save()
        self.created["images"] += 1
        return image

    def _snippets(self) -> None:
        refs = self.refs
        for name, slug in CATEGORIES:
            refs.categories[name] = self._get_or_create(
                "categories", Category, {"slug": slug}, CategoryFactory, name=name
            )
        for name, slug, description in THEMES:
            refs.themes[slug] = self._get_or_create(
                "themes", Theme, {"slug": slug}, ThemeFactory, name=name, description=description
            )
        for fields in ORGANISATIONS:
            fields = dict(fields)
            name = fields.pop("name")
            refs.organisations[name] = self._get_or_create(
                "organisations", Organisation, {"name": name}, OrganisationFactory, **fields
            )
        for fields in PEOPLE:
            fields = dict(fields)
            name = fields.pop("name")
            fields["organisation"] = refs.organisations[fields["organisation"]]
            refs.people[name] = self._get_or_create("people", Person, {"name": name}, PersonFactory, **fields)
        for fields in VENUES:
            fields = dict(fields)
            name = fields.pop("name")
            refs.venues[name] = self._get_or_create("venues", Venue, {"name": name}, VenueFactory, **fields)

    def _page(self, spec: PageSpec) -> Page:
        if spec.parent:
            # Fetched afresh: treebeard derives the new child's path from the parent's numchild.
            parent = Page.objects.get(pk=self.refs.pages[spec.parent].pk)
            found = parent.get_children().filter(slug=spec.slug).first()
        else:
            parent = Page.get_first_root_node()
            # A site has one start page; adopt the one that is there, whatever its slug.
            found = HomePage.objects.child_of(parent).first()
        if found is not None and not self._outdated(found, spec):
            return found.specific

        page = spec.factory(parent=parent, slug=spec.slug, live=False, **spec.fields(self.refs))
        if spec.tags:
            page.tags.add(*spec.tags)
        # Through a revision, as the admin does, so the page has a history and a live revision.
        page.save_revision(log_action=True).publish()
        self.created["pages"] += 1
        return page

    def _outdated(self, found: Page, spec: PageSpec) -> bool:
        """Whether `found` is a demo page of an earlier release whose type has changed since
        (the content page "Barrierefreiheit" became the accessibility statement); then it is
        deleted, to be built again, but only while no editor has changed it."""
        if isinstance(found.specific, spec.factory._meta.model):
            return False
        revisions = list(found.revisions.values_list("user_id", flat=True)[:2])
        if found.numchild or len(revisions) != 1 or revisions[0] is not None:
            return False
        found.delete()
        return True

    def _alerts(self) -> None:
        for fields in alerts(self.refs):
            if Alert.objects.filter(title=fields["title"]).exists():
                continue
            alert = Alert.objects.create(live=False, **fields)
            # Through a revision, as the admin publishes it, so the banner knows its revision.
            alert.save_revision(log_action=True).publish()
            self.created["alerts"] += 1

    def _info_screens(self) -> None:
        for fields in INFO_SCREENS:
            _, created = InfoScreen.objects.get_or_create(slug=fields["slug"], defaults=fields)
            if created:
                self.created["info screens"] += 1

    def _english(self) -> None:
        """The English versions of the start page, the sections, the seed article and the
        kickoff event, as wagtail-localize translations, with the snippets they point to."""
        locale, _ = Locale.objects.get_or_create(language_code="en")
        for slug in english.PAGES:
            page = Page.objects.get(pk=self.refs.pages[slug].pk).specific
            if page.has_translation(locale):
                continue
            self._translate_page(page, locale)

    def _translate_page(self, page: Page, locale: Locale) -> None:
        source, _ = TranslationSource.get_or_create_from_instance(page)
        for segment in source.relatedobjectsegment_set.select_related("object"):
            related = segment.object.get_instance(page.locale)
            if not related.has_translation(locale):
                self._translate(TranslationSource.get_or_create_from_instance(related)[0], locale)
                self.created["English snippets"] += 1
        self._translate(source, locale)
        self.created["English pages"] += 1

    @staticmethod
    def _translate(source: TranslationSource, locale: Locale) -> None:
        """Translate as an editor does in wagtail-localize's editor: each string of the German
        original gets its English text (english.STRINGS); the translation is then published."""
        translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
        po = translation.export_po()
        for entry in po:
            entry.msgstr = english.STRINGS.get(entry.msgid, "")
        translation.import_po(po)
        original = source.get_source_instance()
        if not isinstance(original, Page):
            translation.save_target(publish=True)
            return
        # Saved as a draft and published here, from the page as it is now: wagtail-localize
        # would publish when the transaction commits, from the page as it was when saved, and so
        # write back a stale child count (treebeard's numchild) once its children are translated.
        translation.save_target(publish=False)
        original.get_translation(locale).get_latest_revision().publish()

    def _point_default_site_at(self, home: HomePage) -> None:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, site_name=SITE_NAME, root_page=home, is_default_site=True
            )
        elif site.root_page_id != home.pk:
            # Host and port stay as they are: they describe the server, not the content.
            site.root_page = home
            site.site_name = SITE_NAME
            site.save()

    def _remove_wagtail_placeholder(self) -> None:
        """Delete Wagtail's welcome page, but only while nobody has touched or used it."""
        placeholders = Page.objects.filter(
            depth=2,
            content_type=ContentType.objects.get_for_model(Page),
            title=WAGTAIL_PLACEHOLDER_TITLE,
            numchild=0,
            latest_revision__isnull=True,
            sites_rooted_here__isnull=True,
        )
        for placeholder in placeholders:
            placeholder.delete()
