"""What the head of every page tells browsers, feed readers, social networks and search
engines: feed and calendar links, canonical URL, Open Graph and Twitter card tags, and
schema.org JSON-LD."""

from urllib.parse import urlencode

from django import template
from django.contrib.contenttypes.models import ContentType
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import get_page_models

from ..listing import PAGE_PARAM
from ..sites import site_for, site_name_for
from ..structured_data import description_of, json_for_script, json_ld, share_image
from .navigation_tags import current_page, root_children

register = template.Library()

OG_LOCALES = {"de": "de_DE", "en": "en_GB"}


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """The feeds of the request's site (the news feed, the event calendar), found among the
    root's children that the menu reads too: each index page type that offers one names it in
    `head_feed` (route, media type)."""
    request = context.get("request")
    site = site_for(request)
    feed_types = [model for model in get_page_models() if getattr(model, "head_feed", None)]
    if not site or not feed_types:
        return {"feeds": []}
    content_types = ContentType.objects.get_for_models(*feed_types)
    feed_type_ids = {content_type.pk for content_type in content_types.values()}
    index_pages = {}
    for page in root_children(context):
        if page.content_type_id in feed_type_ids:
            index_pages.setdefault(page.content_type_id, page)
    feeds = []
    for model in feed_types:
        route, mime_type = model.head_feed
        page = index_pages.get(content_types[model].pk)
        page_url = page.get_url(request) if page else None
        if page_url:
            # The route is reversed on the class: the plain Page rows need no second query.
            url = page_url + model.get_resolver().reverse(route)
            feeds.append({"title": page.title, "url": url, "type": mime_type})
    return {"feeds": feeds}


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Canonical URL, Open Graph and Twitter card tags, and JSON-LD for the current page."""
    request = context.get("request")
    page = current_page(context)
    if not page:
        return {}
    image = share_image(page, request)
    data = json_ld(page, request)
    return {
        "url": _canonical_url(context, page, request),
        "og_type": getattr(page, "og_type", "website"),
        "title": page.seo_title or page.title,
        "description": description_of(page),
        "locale": OG_LOCALES.get(get_language(), "de_DE"),
        "site_name": site_name_for(request),
        "image": image,
        "published_time": _published_time(page),
        "json_ld": _json_ld_script(data) if data else "",
    }


def _canonical_url(context, page, request):
    """Further pages of a list are pages of their own; filtered variants point to the full list,
    so search engines index each article once, not once per filter combination."""
    url = page.get_full_url(request)
    page_obj = context.get("page_obj")
    if page_obj is not None and page_obj.number > 1 and not context.get("filter_labels"):
        url += f"?{urlencode({PAGE_PARAM: page_obj.number})}"
    return url


def _json_ld_script(data):
    # A data block, not a script: browsers never execute application/ld+json.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(json_for_script(data)))


def _published_time(page) -> str:
    published = page.published_time() if hasattr(page, "published_time") else None
    return published.isoformat() if published else ""
