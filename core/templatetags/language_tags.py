"""The page's languages: `hreflang` alternates in the head and the language switcher in the
header (README, "Languages").

Both read the page's visible translations in one query per response. The switcher speaks
the language it leads to, so an English reader finds "English" on a German page, and says so
when the page has no version in that language and the link leads to that language's home page.
"""

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from ..sites import site_for
from ..visibility import visible_pages
from .navigation_tags import ROOT_ATTRIBUTE, current_page

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

_LANGUAGES_ATTRIBUTE = "_page_languages"


@dataclass
class PageLanguages:
    """The current page's visible versions and the site's visible home pages, each as
    language code -> URL."""

    translations: dict[str, str] = field(default_factory=dict)
    homes: dict[str, str] = field(default_factory=dict)


def page_languages(context) -> PageLanguages:
    """Read once per request, in one query: the current page's translations and the start
    page's, for the switcher's way out where a page has no version in a language."""
    request = context.get("request")
    cached = getattr(request, _LANGUAGES_ATTRIBUTE, None)
    if cached is not None:
        return cached
    page = current_page(context)
    site = site_for(request)
    languages = PageLanguages()
    if site is not None:
        home_key = _home_translation_key(context, site)
        keys = {home_key} | ({page.translation_key} if page is not None and page.pk else set())
        found = visible_pages(Page.objects.filter(translation_key__in=keys).select_related("locale"), request)
        for version in found:
            code = version.locale.language_code
            if page is not None and version.translation_key == page.translation_key:
                languages.translations[code] = version.get_full_url(request)
            if version.translation_key == home_key:
                languages.homes[code] = version.get_url(request)
    if request is not None:
        setattr(request, _LANGUAGES_ATTRIBUTE, languages)
    return languages


def _home_translation_key(context, site):
    """The start page's translation key, from the menu's localized start page where the
    header has read it already (core.templatetags.navigation_tags)."""
    root = getattr(context.get("request"), ROOT_ATTRIBUTE, None)
    return (root or site.root_page).translation_key


@register.inclusion_tag("includes/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """An alternate link for each language the page exists in, and x-default: the German one."""
    translations = page_languages(context).translations
    links = [{"hreflang": code, "url": url} for code, url in translations.items()]
    if settings.LANGUAGE_CODE in translations:
        links.append({"hreflang": "x-default", "url": translations[settings.LANGUAGE_CODE]})
    return {"links": sorted(links, key=lambda link: link["hreflang"])}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link to the page in each other language; where the page has no version in that
    language, to that language's home page, saying so."""
    current = get_language()
    languages = page_languages(context)
    is_page = current_page(context) is not None
    options = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        texts = SWITCH_TEXTS[code]
        if code in languages.translations:
            options.append({"code": code, "url": languages.translations[code], "text": texts["name"]})
        elif code in languages.homes:
            text = texts["missing"] if is_page else texts["name"]
            options.append({"code": code, "url": languages.homes[code], "text": text})
    return {"options": options}
