"""The blocks of a page in Leichte Sprache: short headings, short paragraphs with an optional
picture beside them, and explanations of hard words. Deliberately fewer than the body blocks of
other pages: no quotes, accordions or link lists, which Leichte Sprache avoids."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core import api_blocks
from media.api import image_representation
from shapes import nullable, object_schema, ref, string

__all__ = ["EasyLanguageBodyBlock", "EASY_LANGUAGE_BODY_SHAPE"]


class EasyHeadingBlock(blocks.CharBlock):
    """A section heading (h2)."""

    def __init__(self, **kwargs):
        super().__init__(
            label="Überschrift",
            max_length=80,
            help_text="Kurz und klar, z. B. „So finden Sie Nachrichten“. Keine Fragen mit Fachwörtern.",
            **kwargs,
        )

    class Meta:
        icon = "title"
        template = "accessibility/blocks/easy_heading_block.html"


class EasyParagraphBlock(blocks.StructBlock):
    """One idea in a few short sentences, with a picture that shows it if there is one."""

    text = blocks.TextBlock(
        label="Text",
        help_text=(
            "Ein Gedanke pro Absatz. Kurze Sätze: ein Satz, eine Aussage. Jeder Satz in einer "
            "eigenen Zeile. Keine Abkürzungen, keine Fremdwörter, keine Verneinungen, wo es geht. "
            "Sprechen Sie die Leser mit „Sie“ an."
        ),
    )
    image = ImageChooserBlock(
        label="Bild",
        required=False,
        help_text="Ein Bild, das den Absatz zeigt. Es steht links neben dem Text. Der Alternativtext "
        "kommt aus der Mediathek.",
    )

    class Meta:
        icon = "pilcrow"
        label = "Absatz"
        template = "accessibility/blocks/easy_paragraph_block.html"
        description = "Ein Absatz in Leichter Sprache, auf Wunsch mit Bild."

    def get_api_representation(self, value, context=None):
        image = value.get("image")
        return {
            "text": value.get("text") or "",
            "image": image_representation(image, api_blocks.request_of(context)) if image else None,
        }


class WordExplanationBlock(blocks.StructBlock):
    """A hard word the text cannot avoid, explained in simple words where it first appears."""

    word = blocks.CharBlock(
        label="Schweres Wort",
        max_length=80,
        help_text="Das Wort, so wie es im Text steht, z. B. „Barriere“. Lange Wörter mit Medio·punkt "
        "trennen: „Barriere·freiheit“.",
    )
    explanation = blocks.TextBlock(
        label="Erklärung",
        help_text="Was das Wort bedeutet, in kurzen Sätzen und einfachen Wörtern.",
    )

    class Meta:
        icon = "help"
        label = "Wort-Erklärung"
        template = "accessibility/blocks/word_explanation_block.html"
        description = "Erklärt ein schweres Wort in einem Kasten."


class EasyLanguageBodyBlock(blocks.StreamBlock):
    heading = EasyHeadingBlock()
    paragraph = EasyParagraphBlock()
    word = WordExplanationBlock()


# The JSON shape of such a body, for the OpenAPI document (api.openapi).
EASY_LANGUAGE_BODY_SHAPE = {
    "type": "array",
    "description": "The page's blocks in order, each `{type, id, value}`.",
    "items": {
        "oneOf": [
            object_schema(
                {
                    "type": string(const="heading"),
                    "id": string(),
                    "value": string("A heading (h2)."),
                }
            ),
            object_schema(
                {
                    "type": string(const="paragraph"),
                    "id": string(),
                    "value": object_schema(
                        {
                            "text": string("Plain text; each line is one short sentence."),
                            "image": nullable(ref("Image")),
                        }
                    ),
                }
            ),
            object_schema(
                {
                    "type": string(const="word"),
                    "id": string(),
                    "value": object_schema(
                        {"word": string("The hard word."), "explanation": string("Plain text.")}
                    ),
                }
            ),
        ]
    },
}
