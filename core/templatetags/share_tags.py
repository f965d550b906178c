"""Share links built on the server: plain links to each network's own share page, so no
script, font or pixel from a third-party host is ever loaded on our pages."""

from urllib.parse import quote, urlencode

from django import template
from django.utils.translation import gettext as _

register = template.Library()


def share_targets(url: str, title: str) -> list[dict]:
    """The networks a visitor can share a page with, each as {name, href}; `by_mail` marks
    the e-mail link, which opens the visitor's own mail program rather than a new tab."""
    text = f"{title} {url}"
    return [
        {
            "name": _("E-Mail"),
            "href": f"mailto:?{urlencode({'subject': title, 'body': url}, quote_via=quote)}",
            "by_mail": True,
        },
        {"name": "Facebook", "href": f"https://www.facebook.com/sharer/sharer.php?{urlencode({'u': url})}"},
        {"name": "X", "href": f"https://x.com/intent/post?{urlencode({'text': title, 'url': url})}"},
        {
            "name": "LinkedIn",
            "href": f"https://www.linkedin.com/sharing/share-offsite/?{urlencode({'url': url})}",
        },
        {"name": "WhatsApp", "href": f"https://wa.me/?{urlencode({'text': text})}"},
        {"name": "Bluesky", "href": f"https://bsky.app/intent/compose?{urlencode({'text': text})}"},
    ]


@register.inclusion_tag("includes/share.html", takes_context=True)
def share_page(context, page):
    url = page.get_full_url(context.get("request"))
    return {"page_url": url, "page_title": page.title, "targets": share_targets(url, page.title)}
