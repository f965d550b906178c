"""The StreamField block library shared by every page type.

Each block carries a German label, an icon, a template and a preview value, so
editors see in the admin what visitors will see. ``BodyBlock`` is the stream the
page bodies use; the individual blocks are importable for narrower streams.

Each block also has an API representation a client can render without a second
request (helpers in ``core.api_blocks``). Headings, quotes, calls to action, accordions
and link lists keep StructBlock's own representation: a dict of their children, which
already is the shape clients read.
"""

import re

from django.apps import apps
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.html import escape
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock

from content_safety import WEB_ADDRESS_MESSAGE, clean_player, safe_url
from media.api import image_representation
from shapes import HTML, array, nullable, object_schema, ref, string

from . import api_blocks
from .visibility import is_visible

__all__ = [
    "AccordionBlock",
    "BodyBlock",
    "CallToActionBlock",
    "DocumentBlock",
    "EventTeaserBlock",
    "HeadingBlock",
    "ImageBlock",
    "LinkBlock",
    "LinkListBlock",
    "QuoteBlock",
    "VideoBlock",
]


IFRAME_WITHOUT_TITLE = re.compile(r"<iframe(?![^>]*\btitle=)", re.IGNORECASE)

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol", "image"]
# Notes and accordion items are short: no images inside them.
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ul", "ol"]


def player_html(html: str, title: str) -> str:
    """The provider's player markup, titled for screen readers, which announce an iframe
    by its title; providers don't always set one. Only the https iframe is kept: the markup
    comes from the provider, or from whoever could write to the embed cache."""
    return clean_player(IFRAME_WITHOUT_TITLE.sub(f'<iframe title="{escape(title)}"', html))


def _newest(model):
    """The newest object of a model, so previews of chooser blocks show real media."""
    return model.objects.order_by("-pk").first()


HEADING_LEVELS = [("h2", "Abschnitt (H2)"), ("h3", "Unterabschnitt (H3)"), ("h4", "Kleinere Ebene (H4)")]


def heading_level(value) -> str:
    """The heading's element name. The template writes it as a tag name, where escaping does not
    help, and a direct save stores whatever it is given: anything but a choice is an h2."""
    level = value.get("level")
    return level if level in dict(HEADING_LEVELS) else "h2"


class HeadingBlock(blocks.StructBlock):
    """A section heading. The page title is the only h1, so sections start at h2."""

    text = blocks.CharBlock(label="Überschrift", max_length=120)
    level = blocks.ChoiceBlock(
        label="Ebene",
        choices=HEADING_LEVELS,
        default="h2",
        help_text="Ebenen nicht überspringen: auf H2 folgt H3, nicht H4.",
    )

    class Meta:
        icon = "title"
        label = "Zwischenüberschrift"
        template = "blocks/heading_block.html"
        description = "Gliedert den Text in Abschnitte."
        preview_value = {"text": "Wuppertals Smart-City-Strategie", "level": "h2"}

    def get_context(self, value, parent_context=None):
        return {**super().get_context(value, parent_context), "level": heading_level(value)}

    def get_api_representation(self, value, context=None):
        return {"text": value.get("text") or "", "level": heading_level(value)}


class ImageBlock(blocks.StructBlock):
    """An image from the media library with an optional caption; the credit comes from the image."""

    image = ImageChooserBlock(label="Bild")
    caption = blocks.CharBlock(
        label="Bildunterschrift",
        required=False,
        max_length=300,
        help_text="Sichtbar unter dem Bild. Der Bildnachweis wird automatisch ergänzt.",
    )

    class Meta:
        icon = "image"
        label = "Bild mit Unterschrift"
        template = "blocks/image_block.html"
        description = "Ein Bild aus der Mediathek mit optionaler Bildunterschrift."
        preview_value = staticmethod(
            lambda: {"image": _newest(get_image_model()), "caption": "Bildunterschrift"}
        )

    def get_api_representation(self, value, context=None):
        image = value.get("image")
        request = api_blocks.request_of(context)
        return {
            "image": image_representation(image, request) if image else None,
            "caption": value.get("caption") or "",
        }


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person or source it comes from."""

    text = blocks.TextBlock(label="Zitat")
    attribution = blocks.CharBlock(label="Quelle oder Person", required=False, max_length=200)
    role = blocks.CharBlock(label="Funktion", required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = "Zitat"
        template = "blocks/quote_block.html"
        description = "Ein hervorgehobenes Zitat mit Quellenangabe."
        preview_value = {
            "text": "Technik ist für uns ein Werkzeug, um das Zusammenleben in der Stadt zu verbessern.",
            "attribution": "Projektteam Smart City",
            "role": "Stadt Wuppertal",
        }


class VideoBlock(blocks.StructBlock):
    """A video from a provider such as YouTube or Vimeo, embedded through oEmbed."""

    video = EmbedBlock(label="Video-Adresse", help_text="Link zum Video, z. B. bei YouTube oder Vimeo.")
    title = blocks.CharBlock(
        label="Titel des Videos",
        max_length=200,
        help_text="Wird Screenreadern als Titel des eingebetteten Players vorgelesen.",
    )
    transcript = blocks.RichTextBlock(
        label="Transkript oder Beschreibung",
        required=False,
        features=SHORT_RICH_TEXT_FEATURES,
        help_text="Textfassung des Videos für Menschen, die es nicht sehen oder hören können.",
    )

    class Meta:
        icon = "media"
        label = "Video"
        template = "blocks/video_block.html"
        description = "Bettet ein Video eines externen Anbieters ein."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        embed = self.get_embed(value)
        context["embed"] = embed
        context["video_url"] = safe_url(value["video"].url) if value.get("video") else ""
        if embed:
            context["player"] = player_html(embed.html, value["title"])
        return context

    def get_api_representation(self, value, context=None):
        video = value.get("video")
        embed = api_blocks.preloaded_embed(video, context) or self.get_embed(value)
        return {
            "url": (safe_url(video.url) if video else None) or None,
            "title": value["title"],
            "transcript": api_blocks.rich_text_html(value.get("transcript"), context),
            "embed": api_blocks.embed_representation(embed, player_html(embed.html, value["title"]))
            if embed
            else None,
        }

    @staticmethod
    def get_embed(value):
        """The provider's player data (cached by Wagtail), or None when the provider can't be reached."""
        if not value.get("video"):
            return None
        try:
            return get_embed(value["video"].url)
        except EmbedException:
            return None


class LinkBlock(blocks.StructBlock):
    """A link to a page of this site or to an external address, with its visible text."""

    text = blocks.CharBlock(label="Linktext", max_length=120)
    page = blocks.PageChooserBlock(label="Interne Seite", required=False)
    url = blocks.URLBlock(label="Externe Adresse", required=False)
    new_tab = blocks.BooleanBlock(
        label="In neuem Tab öffnen",
        required=False,
        help_text="Nur für externe Links; Screenreader erfahren es automatisch.",
    )

    class Meta:
        icon = "link"
        label = "Link"
        template = "blocks/link_block.html"
        preview_value = {"text": "Mehr über smart.wuppertal", "url": "https://www.wuppertal.de/smart-city"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = "Bitte entweder eine interne Seite oder eine externe Adresse angeben."
            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([ValidationError(message)])}
            )
        if value.get("url") and not safe_url(value["url"]):
            # Django's URL check lets ftp through, which pages would leave unlinked.
            raise blocks.StructBlockValidationError(
                block_errors={"url": ErrorList([ValidationError(WEB_ADDRESS_MESSAGE)])}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value.get("page")
        if page:
            # A page visitors cannot open keeps its text but gives away no address.
            request = (parent_context or {}).get("request")
            context["href"] = page.get_url(request) if is_visible(page, request) else None
        else:
            context["href"] = safe_url(value.get("url"))
        return context

    def get_api_representation(self, value, context=None):
        return api_blocks.link_representation(value, api_blocks.request_of(context))


class CallToActionBlock(blocks.StructBlock):
    """A short prompt with a prominent button, e.g. "Zum Livestream"."""

    title = blocks.CharBlock(label="Titel", max_length=120)
    text = blocks.TextBlock(label="Text", required=False)
    link = LinkBlock(label="Schaltfläche")

    class Meta:
        icon = "pick"
        label = "Handlungsaufforderung"
        template = "blocks/call_to_action_block.html"
        description = "Ein hervorgehobener Kasten mit einer Schaltfläche."
        preview_value = {
            "title": "Link zum Stream",
            "text": "Keine Anmeldung nötig: Ein Klick genügt, um live dabei zu sein.",
            "link": {"text": "Zum Livestream", "url": "https://www.wuppertal.de/smart-city", "new_tab": True},
        }


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titel", max_length=200)
    body = blocks.RichTextBlock(label="Inhalt", features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        label = "Eintrag"

    def get_api_representation(self, value, context=None):
        return {"title": value["title"], "body": api_blocks.rich_text_html(value["body"], context)}


class AccordionBlock(blocks.StructBlock):
    """Collapsible notes, e.g. "Erläuterungen und Hinweise"; every item opens on its own."""

    title = blocks.CharBlock(label="Überschrift", max_length=120, default="Erläuterungen und Hinweise")
    items = blocks.ListBlock(AccordionItemBlock(), label="Einträge", min_num=1)

    class Meta:
        icon = "help"
        label = "Hinweise (Aufklappbereich)"
        template = "blocks/accordion_block.html"
        description = "Aufklappbare Erläuterungen, z. B. „Erläuterungen und Hinweise“."
        preview_value = {
            "title": "Erläuterungen und Hinweise",
            "items": [
                {"title": "Teilnahme", "body": "<p>Für den Livestream ist keine Anmeldung nötig.</p>"},
            ],
        }


class DocumentBlock(blocks.StructBlock):
    """A downloadable document; file type and size are shown next to the link."""

    document = DocumentChooserBlock(label="Dokument")
    title = blocks.CharBlock(
        label="Linktext",
        required=False,
        max_length=200,
        help_text="Leer lassen, um den Titel des Dokuments zu verwenden.",
    )
    description = blocks.TextBlock(label="Kurzbeschreibung", required=False)

    class Meta:
        icon = "doc-full"
        label = "Dokument zum Herunterladen"
        template = "blocks/document_block.html"
        description = "Ein Dokument aus der Mediathek zum Herunterladen."
        preview_value = staticmethod(lambda: {"document": _newest(get_document_model())})

    def get_api_representation(self, value, context=None):
        document = value.get("document")
        return {
            # As on the website: the document's own title unless the editor wrote a link text.
            "title": value.get("title") or (document.title if document else ""),
            "description": value.get("description") or "",
            "document": api_blocks.document_representation(document, api_blocks.request_of(context)),
        }


class EventTeaserBlock(blocks.StructBlock):
    """A card for an event page: title, date and teaser come from the event itself."""

    event = blocks.PageChooserBlock(label="Veranstaltung", page_type="events.EventPage")
    text = blocks.TextBlock(
        label="Eigener Anreißer",
        required=False,
        help_text="Leer lassen, um den Anreißer der Veranstaltung zu verwenden.",
    )

    class Meta:
        icon = "date"
        label = "Veranstaltungshinweis"
        template = "blocks/event_teaser_block.html"
        description = "Verweist mit Datum und Anreißer auf eine Veranstaltung."
        preview_value = staticmethod(lambda: {"event": _newest_event()})

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A teaser of a draft, expired or restricted event would give away its title,
        # date and address: it shows nothing instead.
        event = value.get("event")
        context["event"] = event if is_visible(event, (parent_context or {}).get("request")) else None
        return context

    def get_api_representation(self, value, context=None):
        event = api_blocks.event_representation(value.get("event"), api_blocks.request_of(context))
        # As on the website: the editor's own text, else the event's teaser.
        return {"text": value.get("text") or (event["teaser"] if event else ""), "event": event}


def _newest_event():
    # The events app sits above the core: its page type is named by label, not imported.
    return apps.get_model("events", "EventPage").objects.live().order_by("-start").first()


class LinkListBlock(blocks.StructBlock):
    """A titled list of internal and external links."""

    title = blocks.CharBlock(label="Überschrift", required=False, max_length=120)
    links = blocks.ListBlock(LinkBlock(), label="Links", min_num=1)

    class Meta:
        icon = "list-ul"
        label = "Linkliste"
        template = "blocks/link_list_block.html"
        description = "Eine Liste weiterführender Links."
        preview_value = {
            "title": "Weiterführende Links",
            "links": [
                {"text": "Smart Cities made in Germany", "url": "https://www.smart-city-dialog.de/"},
            ],
        }


class BodyBlock(blocks.StreamBlock):
    """The body of every content page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label="Absatz",
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description="Fließtext mit Links, Listen und Hervorhebungen.",
        preview_value="<p>Gemeinsam mit der Stadtgesellschaft entstehen digitale Lösungen.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    document = DocumentBlock()
    event_teaser = EventTeaserBlock()
    link_list = LinkListBlock()

    def get_api_representation(self, value, context=None):
        """Typed blocks `{type, id, value}`. Everything the body points to is loaded up front
        in a fixed number of queries, however many blocks there are."""
        if value is None:
            return []
        context = api_blocks.with_body_references(self, value, context)
        return [
            {
                "type": child.block.name,
                "id": child.id,
                "value": api_blocks.block_api_value(child.block, child.value, context),
            }
            for child in value
        ]


_HEADING_LEVELS = [value for value, _label in HEADING_LEVELS]

# The JSON shape of each block type's value in the API, as `{type, id, value}` carries it
# (api.openapi writes the document from these; a block type without one stops it).
BLOCK_VALUE_SHAPES = {
    "heading": object_schema(
        {
            "text": string(),
            "level": string(
                "The HTML heading element to use. The page title is the only h1.", enum=_HEADING_LEVELS
            ),
        }
    ),
    "paragraph": string(HTML),
    "image": object_schema(
        {
            "image": nullable(ref("Image") | {"description": "null when the image was deleted."}),
            "caption": string("May be empty. Print the image's credit line next to it."),
        }
    ),
    "quote": object_schema(
        {
            "text": string("Plain text; line breaks are meaningful."),
            "attribution": string("Who said it; may be empty."),
            "role": string("Their role or organisation; may be empty."),
        }
    ),
    "video": object_schema(
        {
            "url": nullable(string("The video's address at the provider.", format="uri")),
            "title": string("Title for the player, read out by screen readers."),
            "transcript": string(HTML + " May be empty."),
            "embed": nullable(
                ref("Embed") | {"description": "null when the provider could not be reached; link to `url`."}
            ),
        }
    ),
    "call_to_action": object_schema(
        {
            "title": string(),
            "text": string("Plain text; may be empty."),
            "link": ref("Link") | {"description": "The button."},
        }
    ),
    "accordion": object_schema(
        {
            "title": string("e.g. „Erläuterungen und Hinweise“."),
            "items": array(object_schema({"title": string(), "body": string(HTML)})),
        }
    ),
    "document": object_schema(
        {
            "title": string("The link text: the editor's, else the document's title."),
            "description": string("May be empty."),
            "document": nullable(ref("Document") | {"description": "null when the document was deleted."}),
        }
    ),
    "event_teaser": object_schema(
        {
            "text": string("The editor's teaser, else the event's own."),
            "event": nullable(
                ref("EventTeaserEvent") | {"description": "null when the event is unpublished or deleted."}
            ),
        }
    ),
    "link_list": object_schema(
        {
            "title": string("May be empty."),
            "links": array(ref("Link")),
        }
    ),
}
