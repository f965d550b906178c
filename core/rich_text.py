"""Rich text as visitors read it: links to pages they cannot open are text, not links.

Wagtail writes every internal link out with the target's address, drafts included, so a
link to an embargoed press release would give its slug away in public HTML. This handler
replaces Wagtail's own for the "page" link type (registered in core.wagtail_hooks) and
links only pages an anonymous visitor may see (core.visibility); any other target keeps
its text in an `<a>` without `href`, as Wagtail renders a link to a deleted page.

Wagtail expands each rich text value on its own, so a body of ten paragraphs would look up
pages, documents and images ten times over. `preloaded_targets` loads what all of a body's
rich text points to at once; the handlers here answer from it while the body renders.
"""

from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from cachetags import page_tag, record

from .body_walk import entity_ids, rich_text_sources
from .visibility import visible_pages

__all__ = [
    "PreloadedDocumentLinkHandler",
    "PreloadedImageEmbedHandler",
    "VisiblePageLinkHandler",
    "preloaded_targets",
    "rich_text_sources",
]

# The targets loaded for the body being rendered: {entity type: {id as written: object or None}}.
_PRELOADED: ContextVar[dict | None] = ContextVar("rich_text_targets", default=None)


class _AnswersFromPreloaded:
    """A handler's `get_many` answered from `preloaded_targets` when it holds every id asked
    for; anything else (rich text outside a body, an id it did not see) loads as usual."""

    @classmethod
    def get_many(cls, attrs_list: list[dict]):
        found = (_PRELOADED.get() or {}).get(cls.identifier)
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        if found is not None and all(pk in found for pk in ids):
            return [found[pk] for pk in ids]
        return cls.load_many(attrs_list)

    @classmethod
    def load_many(cls, attrs_list: list[dict]):
        """The handler's own lookup, one query."""
        return super().get_many(attrs_list)


class VisiblePageLinkHandler(_AnswersFromPreloaded, PageLinkHandler):
    @classmethod
    def load_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        # Every target, visible or not: a link to a draft becomes a link when it is published.
        record(*(page_tag(pk) for pk in ids))
        pages = visible_pages(Page.objects.filter(id__in=[pk for pk in ids if pk.isdigit()]))
        pages_by_id = {str(page.pk): page for page in pages.defer_streamfields().specific()}
        # Where each link leads in the visitor's language, found with the pages: one query for a
        # whole body rather than one for each of its rich text passages.
        for page, version in in_active_language(list(pages_by_id.values())).items():
            pages_by_id[str(page)]._in_active_language = version
        return [pages_by_id.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            format_html('<a href="{}">', page._in_active_language.url) if page else "<a>"
            for page in cls.get_many(attrs_list)
        ]


def in_active_language(pages: list[Page]) -> dict[int, Page]:
    """Each page's visible version in the active language, by the page's id; the page itself
    where it has none. One query for all of them (Wagtail's `page.localized` takes one or two
    per page), none for no pages."""
    if not pages:
        return {}
    keys = {page.translation_key for page in pages}
    versions = visible_pages(
        Page.objects.filter(translation_key__in=keys, locale__language_code=get_language())
    )
    by_key = {version.translation_key: version for version in versions}
    return {page.pk: by_key.get(page.translation_key, page) for page in pages}


class PreloadedDocumentLinkHandler(_AnswersFromPreloaded, DocumentLinkHandler):
    pass


class PreloadedImageEmbedHandler(_AnswersFromPreloaded, ImageEmbedHandler):
    pass


_HANDLERS = (VisiblePageLinkHandler, PreloadedDocumentLinkHandler, PreloadedImageEmbedHandler)


@contextmanager
def preloaded_targets(sources: Iterable[str]):
    """Load the pages, documents and images that the rich text `sources` point to, one
    query per kind, and let the handlers answer from them inside the block."""
    ids = entity_ids(sources)
    found = {}
    for handler in _HANDLERS:
        # A malformed id is left to the handler's own lookup, as without preloading.
        wanted = sorted(pk for pk in ids.get(handler.identifier, ()) if pk.isdigit())
        if wanted:
            objects = handler.load_many([{"id": pk} for pk in wanted])
            found[handler.identifier] = dict(zip(wanted, objects, strict=True))
    token = _PRELOADED.set(found)
    try:
        yield
    finally:
        _PRELOADED.reset(token)
