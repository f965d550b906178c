"""The page's languages: `hreflang` alternates in the head and the language switcher in the
header (README, "Languages").

Both read the page's visible translations with one query per response. The switcher speaks
the language it leads to, so an English reader finds "English" on a German page, and says so
when the page has no version in that language and the link leads to that language's home page.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from ..sites import site_for
from ..visibility import visible_pages
from .navigation_tags import current_page

register = template.Library()

# What the switcher says, in the language it leads to.
SWITCH_TEXTS = {
    "de": {
        "name": "Deutsch",
        "missing": "Diese Seite gibt es nicht auf Deutsch – zur deutschen Startseite",
    },
    "en": {
        "name": "English",
        "missing": "This page is not available in English – to the English home page",
    },
}

_TRANSLATIONS_ATTRIBUTE = "_visible_translations"


def page_translations(context) -> dict[str, str]:
    """The current page's visible versions, language code -> full URL (itself included), read
    once per request; empty outside Wagtail pages."""
    request = context.get("request")
    cached = getattr(request, _TRANSLATIONS_ATTRIBUTE, None)
    if cached is not None:
        return cached
    page = current_page(context)
    translations = {}
    if page is not None and page.pk:
        pages = visible_pages(page.get_translations(inclusive=True).select_related("locale"), request)
        translations = {other.locale.language_code: other.get_full_url(request) for other in pages}
    if request is not None:
        setattr(request, _TRANSLATIONS_ATTRIBUTE, translations)
    return translations


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """An alternate link for each language the page exists in, and x-default: the German one."""
    translations = page_translations(context)
    links = [{"hreflang": code, "url": url} for code, url in translations.items()]
    if settings.LANGUAGE_CODE in translations:
        links.append({"hreflang": "x-default", "url": translations[settings.LANGUAGE_CODE]})
    return {"links": sorted(links, key=lambda link: link["hreflang"])}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link to the page in each other language; where the page has no version in that
    language, to that language's home page, saying so."""
    request = context.get("request")
    current = get_language()
    translations = page_translations(context)
    is_page = current_page(context) is not None
    options = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        texts = SWITCH_TEXTS[code]
        if code in translations:
            options.append({"code": code, "url": translations[code], "text": texts["name"]})
            continue
        home = _home_in(request, code)
        if home is not None:
            text = texts["missing"] if is_page else texts["name"]
            options.append({"code": code, "url": home.get_url(request), "text": text})
    return {"options": options}


def _home_in(request, language_code):
    site = site_for(request)
    if site is None:
        return None
    homes = site.root_page.get_translations(inclusive=True).filter(locale__language_code=language_code)
    return visible_pages(homes, request).first()
