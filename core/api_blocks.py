"""Body blocks as API clients read them: every value ready to render, with the pages,
images, documents, events and videos it points to resolved.

A page body can hold dozens of blocks. Wagtail's StreamValue already loads the chooser
values of each block type in one query; `BodyReferences` does the same for what the
body's rich text points to and for the videos' embeds, and loads the renditions of every
image in the body at once. A detail response therefore costs the same number of queries
for 3 blocks or 30.

Rich text comes as display HTML that works outside this site: internal links carry the
page's absolute address (like `html_url`) and, in data attributes, its id, type and API
address; document links the absolute download address; embedded images an absolute `src`
with width, height and alt text, and the image in the image shape (`data-image`).
"""

import json

from django.db.models import prefetch_related_objects
from django.utils.html import format_html
from django.utils.timezone import now
from rest_framework.fields import DateTimeField
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.images.formats import get_image_format, get_image_formats
from wagtail.images.shortcuts import get_rendition_or_not_found
from wagtail.models import Page
from wagtail.rich_text import features
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter, MultiRuleRewriter

from content_safety import clean_rich_text, safe_url
from media.api import absolute_url, image_representation, renditions_prefetch
from shapes import boolean, date_time, integer, nullable, object_schema, ref, string

from .api_fields import page_link_properties, page_link_representation
from .body_walk import entity_ids, walk_blocks
from .external_links import external_link_tag

__all__ = [
    "BodyReferences",
    "block_api_value",
    "document_representation",
    "embed_representation",
    "event_representation",
    "link_representation",
    "preloaded_embed",
    "request_of",
    "rich_text_html",
    "with_body_references",
]

# Where a body's loaded references travel through the serializer context to nested blocks.
CONTEXT_KEY = "body_references"

# The same date format as the page fields `start` and `end` (ISO 8601, Berlin offset).
_DATETIME = DateTimeField()


def request_of(context):
    return (context or {}).get("request")


def _in_bulk(model, ids) -> dict:
    """Objects keyed by their id as rich text writes it; malformed ids match nothing."""
    pks = [int(pk) for pk in ids if pk.isdigit()]
    if not pks:
        return {}
    return {str(pk): obj for pk, obj in model._default_manager.in_bulk(pks).items()}


def _prefetch_renditions(images) -> None:
    """One query for the renditions of every image in a body: the API's fixed sizes for
    image blocks, and the rich text formats for images inside text."""
    if not images:
        return
    rich_text_specs = [image_format.filter_spec for image_format in get_image_formats()]
    prefetch_related_objects(images, renditions_prefetch("renditions", rich_text_specs))


def _fresh_embeds(urls) -> dict:
    """The providers' player data Wagtail has already stored for these videos, by embed hash."""
    hashes = {get_embed_hash(url) for url in urls}
    if not hashes:
        return {}
    embeds = Embed.objects.exclude(cache_until__lte=now()).filter(hash__in=hashes)
    return {embed.hash: embed for embed in embeds}


def _image_format(name):
    try:
        return get_image_format(name)
    except KeyError:
        # A format that is no longer registered: show the image rather than fail.
        return get_image_formats()[0]


def _wagtail_rules(handlers) -> dict:
    return {kind: handler.expand_db_attributes_many for kind, handler in handlers.items()}


def _opening_a(href) -> str:
    # A link whose target is gone keeps its text, unlinked, as Wagtail renders it too.
    return format_html('<a href="{}">', href) if href else "<a>"


class BodyReferences:
    """What a body's rich text points to (pages, documents, images) and its videos' embeds,
    each kind loaded in one query, plus the renditions of every image in the body."""

    def __init__(self, request=None):
        self.request = request
        self.pages = {}
        self.documents = {}
        self.images = {}
        self.embeds = {}
        # Wagtail's own rewriting, with the kinds that need a database lookup answered
        # from what was loaded up front.
        link_rules = {
            **_wagtail_rules(features.get_link_types()),
            "page": self._page_links,
            "document": self._document_links,
            "external": self._external_links,
        }
        embed_rules = {**_wagtail_rules(features.get_embed_types()), "image": self._image_embeds}
        self._rewrite = MultiRuleRewriter(
            [LinkRewriter(bulk_rules=link_rules), EmbedRewriter(bulk_rules=embed_rules)]
        )

    @classmethod
    def load(cls, request=None, rich_texts=(), images=(), video_urls=()):
        """Load the references of the given rich text sources, and renditions and embeds
        for the given images and videos."""
        references = cls(request)
        ids = entity_ids(rich_texts)
        references.pages = _in_bulk(Page, ids["page"])
        references.documents = _in_bulk(get_document_model(), ids["document"])
        references.images = _in_bulk(get_image_model(), ids["image"])
        _prefetch_renditions([*images, *references.images.values()])
        references.embeds = _fresh_embeds(video_urls)
        return references

    @classmethod
    def for_block(cls, block, value, request=None):
        """Load everything a block value (typically a whole body) points to."""
        rich_texts, images, video_urls = [], [], []
        for child_block, child_value in walk_blocks(block, value):
            if isinstance(child_block, blocks.RichTextBlock):
                rich_texts.append(child_value.source)
            elif isinstance(child_block, ImageChooserBlock):
                images.append(child_value)
            elif isinstance(child_block, EmbedBlock):
                video_urls.append(child_value.url)
        return cls.load(request, rich_texts=rich_texts, images=images, video_urls=video_urls)

    def rich_text(self, value) -> str:
        # Cleaned last, as on the website: the stored HTML may hold more than the editor made.
        return clean_rich_text(self._rewrite(value.source)) if value else ""

    def embed(self, url):
        return self.embeds.get(get_embed_hash(url))

    def _page_links(self, attrs_list):
        return [self._page_link(attrs) for attrs in attrs_list]

    def _page_link(self, attrs) -> str:
        """A link to a page visitors may see, with what an app needs to open it natively:
        the page's id, type and address in this API (the page link shape's `id`, `type` and
        `detail_url`) beside the website address in `href`."""
        page = self.pages.get(attrs.get("id", ""))
        # A draft, expired, deleted or restricted page would answer visitors with a 404 or
        # a login, and its address may give away an embargoed title: its text stays, unlinked.
        link = page_link_representation(page, self.request) if page else None
        if link is None or not link["url"]:
            return "<a>"
        return format_html(
            '<a href="{}" data-page-id="{}" data-page-type="{}" data-api-url="{}">',
            link["url"],
            link["id"],
            link["type"] or "",
            link["detail_url"] or "",
        )

    @staticmethod
    def _external_links(attrs_list):
        # Without the website's screen reader hint, which apps have not got: target="_blank"
        # tells them the editor wants a new tab (or the system browser).
        return [external_link_tag(attrs, described_by=None) for attrs in attrs_list]

    def _document_links(self, attrs_list):
        return [_opening_a(self._document_url(attrs)) for attrs in attrs_list]

    def _document_url(self, attrs):
        document = self.documents.get(attrs.get("id", ""))
        return absolute_url(self.request, document.url) if document else None

    def _image_embeds(self, attrs_list):
        return [self._image_tag(attrs) for attrs in attrs_list]

    def _image_tag(self, attrs) -> str:
        image = self.images.get(attrs.get("id", ""))
        if image is None:
            # A deleted image leaves nothing behind rather than an empty <img>.
            return ""
        image_format = _image_format(attrs.get("format"))
        rendition = get_rendition_or_not_found(image, image_format.filter_spec)
        classes = format_html(' class="{}"', image_format.classname) if image_format.classname else ""
        # The image in the shape of an image block (renditions, alt text, credit), for apps
        # that lay it out themselves rather than show the HTML.
        shape = json.dumps(
            image_representation(image, self.request), ensure_ascii=False, separators=(",", ":")
        )
        return format_html(
            '<img src="{}" width="{}" height="{}" alt="{}"{} data-image="{}">',
            absolute_url(self.request, rendition.url),
            rendition.width,
            rendition.height,
            attrs.get("alt", ""),
            classes,
            shape,
        )


def with_body_references(block, value, context) -> dict:
    """The serializer context, plus everything the body `value` points to, for its blocks."""
    references = BodyReferences.for_block(block, value, request_of(context))
    return {**(context or {}), CONTEXT_KEY: references}


def rich_text_html(value, context) -> str:
    """Rich text as display HTML with absolute links and image sources. Inside a body it
    uses what the body loaded; a block serialised on its own loads its own references."""
    if not value:
        return ""
    references = (context or {}).get(CONTEXT_KEY)
    if references is None:
        references = BodyReferences.load(request_of(context), rich_texts=[value.source])
    return references.rich_text(value)


def block_api_value(block, value, context):
    """A child block's API value; rich text as display HTML instead of Wagtail's database HTML."""
    if isinstance(block, blocks.RichTextBlock):
        return rich_text_html(value, context)
    return block.get_api_representation(value, context=context)


def preloaded_embed(video, context):
    """The embed the enclosing body loaded for this video, if Wagtail had it stored."""
    references = (context or {}).get(CONTEXT_KEY)
    if video is None or references is None:
        return None
    return references.embed(video.url)


def embed_representation(embed, html) -> dict:
    """The provider's player data; `html` is the player as the block gives it out, cleaned."""
    return {
        "provider_name": embed.provider_name,
        "type": embed.type,
        "title": embed.title,
        "thumbnail_url": safe_url(embed.thumbnail_url) or None,
        "width": embed.width,
        "height": embed.height,
        "html": html,
    }


def link_representation(value, request) -> dict:
    """A link block: `url` is always the address to open, `page` says where it leads inside
    the site. A link to a draft or deleted page has neither."""
    page = page_link_representation(value.get("page"), request)
    return {
        "text": value.get("text") or "",
        "url": page["url"] if page else (safe_url(value.get("url")) or None),
        "new_tab": bool(value.get("new_tab")),
        "page": page,
    }


def document_representation(document, request) -> dict | None:
    """A document with what a download link shows: absolute address, file name, size and type."""
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute_url(request, document.url),
        "filename": document.filename,
        # Stored at upload; documents saved without it are measured once and remembered.
        "file_size": document.get_file_size(),
        "file_type": document.file_extension.lower(),
        "content_type": document.content_type,
    }


def event_representation(event, request) -> dict | None:
    """A page link to an event, with the dates and teaser a teaser card shows."""
    link = page_link_representation(event, request)
    if link is None:
        return None
    return {
        **link,
        "start": _DATETIME.to_representation(event.start),
        "end": _DATETIME.to_representation(event.end) if event.end else None,
        "all_day": event.all_day,
        "teaser": event.teaser,
    }


# --- JSON shapes (api.openapi) ------------------------------------------------------


def api_schemas() -> dict:
    """The shapes that body block values share: links, documents, embeds, event teasers."""
    return {
        "Link": object_schema(
            {
                "text": string("The visible link text."),
                "url": nullable(
                    string(
                        "The address to open, internal or external, always resolved; null when "
                        "the link pointed to a page that is no longer published.",
                        format="uri",
                    )
                ),
                "new_tab": boolean(
                    "The editor wants it opened in a new tab; tell screen reader users when you do."
                ),
                "page": nullable(
                    ref("PageLink") | {"description": "Set when the link leads to a page of this site."}
                ),
            },
        ),
        "Document": object_schema(
            {
                "id": integer(),
                "title": string(),
                "url": string("Absolute download address.", format="uri"),
                "filename": string(),
                "file_size": nullable(integer("Bytes; null when the file cannot be read.")),
                "file_type": string("Lower-case file extension, e.g. `pdf`."),
                "content_type": string("MIME type, e.g. `application/pdf`."),
            },
            "A downloadable document, with what a download link shows next to it.",
        ),
        "Embed": object_schema(
            {
                "provider_name": string("e.g. `YouTube`."),
                "type": string("oEmbed type, e.g. `video`."),
                "title": string("The provider's title of the video."),
                "thumbnail_url": nullable(string(format="uri")),
                "width": nullable(integer()),
                "height": nullable(integer()),
                "html": string(
                    "The provider's player markup; its iframe carries the block's title for "
                    "screen readers. Loading it contacts the provider: ask for consent first."
                ),
            },
            "The video provider's player data (oEmbed).",
        ),
        "EventTeaserEvent": object_schema(
            {
                **page_link_properties(),
                "start": date_time("ISO 8601 with the Berlin offset."),
                "end": nullable(date_time("ISO 8601 with the Berlin offset.")),
                "all_day": boolean(),
                "teaser": string(),
            },
            "A page link to an event, with the dates and teaser a card shows.",
        ),
    }
