"""Small builders for StreamField values, so the demo texts read as content, not as dicts.

Each returns a ``(block_type, value)`` pair in the shape ``BodyBlock`` normalises;
struct values list every child, because Wagtail does not fill in missing ones.
"""

from django.utils.html import escape

from media.models import CustomImage


def heading(text: str, level: str = "h2") -> tuple:
    return ("heading", {"text": text, "level": level})


def paragraph(html: str) -> tuple:
    return ("paragraph", html)


def image(picture: CustomImage, caption: str = "") -> tuple:
    return ("image", {"image": picture, "caption": caption})


def quote(text: str, attribution: str = "", role: str = "") -> tuple:
    return ("quote", {"text": text, "attribution": attribution, "role": role})


def link(text: str, *, page=None, url: str = "", new_tab: bool = False) -> dict:
    return {"text": text, "page": page, "url": url, "new_tab": new_tab}


def call_to_action(title: str, text: str, button: dict) -> tuple:
    return ("call_to_action", {"title": title, "text": text, "link": button})


def link_list(title: str, *links: dict) -> tuple:
    return ("link_list", {"title": title, "links": list(links)})


def accordion(title: str, *items: tuple[str, str]) -> tuple:
    return (
        "accordion",
        {"title": title, "items": [{"title": item_title, "body": body} for item_title, body in items]},
    )


def event_teaser(event, text: str = "") -> tuple:
    return ("event_teaser", {"event": event, "text": text})


def embedded_image(picture: CustomImage, image_format: str = "fullwidth") -> str:
    """An image inside rich text, in Wagtail's storage format."""
    return (
        f'<embed embedtype="image" id="{picture.pk}" format="{image_format}" '
        f'alt="{escape(picture.alt_text)}"/>'
    )


def page_link(page, text: str) -> str:
    """A link to a page inside rich text; Wagtail turns it into the page's URL when rendering."""
    return f'<a linktype="page" id="{page.pk}">{escape(text)}</a>'
