"""What a page is, described for machines: the share image for link previews (Open Graph)
and schema.org JSON-LD for search engines.

The JSON-LD is built as plain dicts, so the API can hand out the same data. Each page type
says what it is (`json_ld_nodes`, `og_type` on BasePage and its page types); the helpers here
are the parts they share.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import get_language
from wagtail.images.models import SourceImageIOError

from media.api import absolute_url

from .sites import site_for, site_name_for

SCHEMA = "https://schema.org"
# The size Facebook, LinkedIn and Mastodon crop link previews to (1.91:1).
SHARE_IMAGE_SPEC = "fill-1200x630"

# "<", ">" and "&" as JSON escapes: the JSON means the same, and no "</script>" or
# "<!--" in a title can end the script element early.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def description_of(page) -> str:
    return page.search_description or page.teaser


def share_image(page, request) -> dict | None:
    """The hero image cut for link previews, with absolute URL, size and alt text; None
    without one, or when its rendition cannot be made (original lost, media storage down)."""
    image = getattr(page, "hero_image", None)
    if not image:
        return None
    try:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
    except SourceImageIOError:
        return None
    return {
        "url": absolute_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.alt_text,
    }


def json_ld(page, request) -> dict | None:
    """The page's schema.org description, ready for a JSON-LD script; None where the page
    type has nothing to say beyond its HTML (`BasePage.json_ld_nodes`)."""
    nodes = page.json_ld_nodes(request) if hasattr(page, "json_ld_nodes") else []
    if not nodes:
        return None
    # The language the page is written in: the one its address names (README, "Languages").
    nodes = [{**node, "inLanguage": get_language()} for node in nodes]
    if len(nodes) == 1:
        return {"@context": SCHEMA, **nodes[0]}
    return {"@context": SCHEMA, "@graph": nodes}


def json_for_script(data) -> str:
    """`data` as JSON that is safe to place between <script> tags."""
    return json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).translate(_SCRIPT_ESCAPES)


def publisher(request) -> dict:
    """The site as an organisation: author and publisher of its news."""
    site = site_for(request)
    organisation = {"@type": "Organization", "name": site_name_for(request)}
    if site:
        organisation["url"] = site.root_url + "/"
    return organisation


def website(page, request) -> dict:
    return {"@type": "WebSite", "name": site_name_for(request), "url": page.get_full_url(request)}
