"""Views outside Wagtail's page tree: the site search, the sitemap, robots.txt and
security.txt."""

import datetime
import re
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from core.listing import paginate
from core.sites import localized_root, site_for
from core.visibility import visible_pages
from media.api import absolute_url

SEARCH_RESULTS_PER_PAGE = 10
# Long enough for any real question; caps the work a pasted essay can cause.
MAX_QUERY_LENGTH = 200
# Control characters (NUL in particular) cannot be stored in a PostgreSQL string.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class SearchQueryField(forms.CharField):
    """Turns whatever arrives into a searchable string rather than rejecting it: control
    characters become spaces and the text is cut to MAX_QUERY_LENGTH, so no query is an error."""

    def to_python(self, value):
        value = CONTROL_CHARACTERS.sub(" ", super().to_python(value))
        return " ".join(value.split())[:MAX_QUERY_LENGTH].strip()


class SearchForm(forms.Form):
    q = SearchQueryField(label=_("Suchbegriff"), required=False, max_length=MAX_QUERY_LENGTH)

    def __init__(self, data, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, *args, **kwargs)
        self.fields["q"].widget.input_type = "search"

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if self.is_valid() else ""

    @property
    def was_shortened(self) -> bool:
        return len(self.data.get("q", "")) > MAX_QUERY_LENGTH


@dataclass
class SearchHit:
    page: Page
    type_name: str


def search(request):
    form = SearchForm(request.GET)
    query = form.query
    results = None
    hits = []
    site = site_for(request)
    if query and site:
        # The pages in the visitor's language: under /en/ the English tree, stemmed in English
        # (core.search_backend).
        pages = Page.objects.descendant_of(localized_root(site), inclusive=True)
        pages = visible_pages(pages, request).specific().defer_streamfields()
        # "and": every word must occur, as visitors expect from a site search.
        results = paginate(request, Paginator(pages.search(query, operator="and"), SEARCH_RESULTS_PER_PAGE))
        hits = [SearchHit(page, page.specific_class._meta.verbose_name) for page in results]
    context = {
        # Shown with the cleaned query, so the field never echoes what was cut or replaced.
        "form": SearchForm({"q": query} if query else None),
        "query": query,
        "query_was_shortened": form.was_shortened,
        "results": results,
        "hits": hits,
        "filter_query": urlencode({"q": query}),
    }
    return TemplateResponse(request, "search.html", context)


class VisiblePagesSitemap(Sitemap):
    """Wagtail's sitemap, listing only the pages visitors may open (no expired ones either)."""

    def items(self):
        # Every language's tree: the German home and its translations (README, "Languages").
        homes = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for home in homes:
            pages |= Page.objects.descendant_of(home, inclusive=True)
        return visible_pages(pages, self.request).order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Each address with its language versions as `xhtml:link` alternates (and German as
        x-default), as the pages' hreflang links name them; Django's sitemap template writes
        them. The versions are looked up for the whole sitemap page in one query, so a
        translation listed on another page of a large sitemap is still named."""
        items = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        keys = {item.translation_key for item in items}
        versions: dict = {}
        for version in visible_pages(Page.objects.filter(translation_key__in=keys), self.request):
            url = version.get_full_url(self.request)
            if url:
                versions.setdefault(version.translation_key, {})[languages[version.locale_id]] = url
        urls = []
        for item in items:
            alternates = _alternates(versions.get(item.translation_key, {}))
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates} if alternates else url_info)
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def _alternates(versions: dict[str, str]) -> list[dict]:
    """A sitemap entry's `xhtml:link` alternates: nothing for a page in one language only."""
    if len(versions) < 2:
        return []
    alternates = [{"lang_code": code, "location": url} for code, url in sorted(versions.items())]
    if settings.LANGUAGE_CODE in versions:
        alternates.append({"lang_code": "x-default", "location": versions[settings.LANGUAGE_CODE]})
    return alternates


@require_GET
def robots_txt(request):
    """What crawlers may read, and where the sitemap of the requested site is."""
    sitemap_url = absolute_url(request, reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Allow: /",
        f"Disallow: {reverse('wagtailadmin_home')}",
        "",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def security_txt(request):
    """/.well-known/security.txt (RFC 9116): where to report a vulnerability, from settings;
    it expires SECURITY_TXT_VALID_DAYS after each request, so it never goes stale."""
    expires = timezone.now() + datetime.timedelta(days=settings.SECURITY_TXT_VALID_DAYS)
    lines = [
        *(f"Contact: {contact}" for contact in settings.SECURITY_CONTACTS),
        f"Expires: {expires.astimezone(datetime.UTC):%Y-%m-%dT%H:%M:%SZ}",
        "Preferred-Languages: de, en",
        f"Canonical: {absolute_url(request, reverse('security_txt'))}",
    ]
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
