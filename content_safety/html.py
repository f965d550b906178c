"""HTML from stored content, cut down to what the editor's features make.

Wagtail stores rich text as HTML and rewrites only its link and embed elements on the way
out; everything else passes through as stored. A crafted form or a direct model save can
therefore store `<img onerror=...>`, `<a href="javascript:...">` or `<script>`, and video
players come as HTML from the provider. Both are cleaned by an allow-list (nh3, the binding
of the Rust sanitiser ammonia) as the last step before they reach a page or an answer.
"""

import re

import nh3

from .urls import SAFE_URL_SCHEMES

# What the rich text features (core.blocks.RICH_TEXT_FEATURES: bold, italic, links to pages,
# documents, other sites, e-mail and phone, lists, images) write out, on the website
# (core.rich_text, core.external_links) and in the API (core.api_blocks): `<b>`/`<i>` and their
# semantic twins, links with the new-tab choice and the app's page data, images with
# their size, format class and image shape.
_RICH_TEXT = nh3.Cleaner(
    tags={"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a", "img"},
    attributes={
        "a": {"href", "rel", "aria-describedby", "data-page-id", "data-page-type", "data-api-url"},
        "img": {"src", "alt", "width", "height", "class", "data-image"},
    },
    tag_attribute_values={"a": {"target": {"_blank"}}},
    # The writers set rel="noopener" where a link opens a new tab; nothing to add.
    link_rel=None,
    url_schemes=set(SAFE_URL_SCHEMES),
)

# A provider's video player: an iframe from an https address, nothing around it.
_PLAYER = nh3.Cleaner(
    tags={"iframe"},
    attributes={
        "iframe": {
            "src",
            "title",
            "width",
            "height",
            "allow",
            "allowfullscreen",
            "frameborder",
            "referrerpolicy",
            "loading",
        }
    },
    link_rel=None,
    url_schemes={"https"},
    url_relative="deny",
)


def clean_rich_text(html: str) -> str:
    """Rich text as the website and the API give it out, with anything that could run
    script, or load from a `data:` address, taken out."""
    return _RICH_TEXT.clean(html) if html else ""


# An iframe whose address was taken out would show an empty box. The cleaner's output is
# normalised (lower-case names, quoted values), so a pattern can find it.
_IFRAME_WITHOUT_SRC = re.compile(r"<iframe(?![^>]*\ssrc=)[^>]*></iframe>")


def clean_player(html: str) -> str:
    """A provider's player markup reduced to its https iframe."""
    return _IFRAME_WITHOUT_SRC.sub("", _PLAYER.clean(html)) if html else ""
