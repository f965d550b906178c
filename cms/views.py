"""Views outside Wagtail's page tree: the site search, the sitemap, robots.txt and
security.txt."""

import datetime
import re
from dataclasses import dataclass
from urllib.parse import quote

from django import forms
from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS, http_date, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from cachetags import PAGES, record
from core import fragments
from core.listing import page_number, paginate
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


@dataclass(frozen=True)
class SearchHit:
    url: str
    title: str
    type_name: str
    teaser: str

    @classmethod
    def of(cls, page, request) -> "SearchHit":
        return cls(
            url=page.get_url(request),
            title=page.title,
            type_name=str(page.specific_class._meta.verbose_name),
            teaser=page.teaser if getattr(page, "teaser", "") else page.search_description,
        )


def search(request):
    form = SearchForm(request.GET)
    query = form.query
    results = None
    hits = []
    site = site_for(request)
    record(PAGES)
    if query and site:
        # Ranking every match of a common word takes long on a large site: the count and the
        # hits of a results page are worked out once per content change (core.fragments).
        number = page_number(request)
        count, hits = fragments.cached(
            "search", (site.pk, query, number), lambda: _search(request, site, query)
        )
        # The same page of results, counted and paged, without the matches themselves.
        results = paginate(request, Paginator(range(count), SEARCH_RESULTS_PER_PAGE))
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


def _search(request, site, query) -> tuple[int, list[SearchHit]]:
    """How many pages match, and the hits of the requested results page."""
    # The pages in the visitor's language: under /en/ the English tree, stemmed in English
    # (core.search_backend).
    pages = Page.objects.descendant_of(localized_root(site), inclusive=True)
    pages = visible_pages(pages, request).specific().defer_streamfields()
    # "and": every word must occur, as visitors expect from a site search.
    results = paginate(request, Paginator(pages.search(query, operator="and"), SEARCH_RESULTS_PER_PAGE))
    return results.paginator.count, [SearchHit.of(page, request) for page in results]


class VisiblePagesSitemap(Sitemap):
    """Wagtail's sitemap, listing only the pages visitors may open (no expired ones either).

    /sitemap.xml is an index of files of SITEMAP_PAGE_SIZE addresses each (the protocol
    allows 50,000). A file is built from narrow rows (path, dates, translation key), not
    page objects: each address is its home page's address followed by the page's path
    below that home, as Wagtail's routing makes it; building and rendering ten thousand
    page objects and asking each for its address took seconds. Every page type keeps
    Wagtail's one address per page (no type overrides `get_sitemap_urls`).
    """

    @property
    def limit(self):
        return settings.SITEMAP_PAGE_SIZE

    def homes(self) -> list[Page]:
        # Every language's tree: the German home and its translations (README, "Languages").
        if not hasattr(self, "_homes"):
            self._homes = list(self.get_wagtail_site().root_page.get_translations(inclusive=True))
        return self._homes

    def items(self):
        record(PAGES)
        pages = Page.objects.none()
        for home in self.homes():
            pages |= Page.objects.descendant_of(home, inclusive=True)
        return visible_pages(pages, self.request).order_by("path")

    def get_latest_lastmod(self):
        # Django's default asks every item for its date; the database answers in one query.
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        """Each address with its language versions as `xhtml:link` alternates (and German as
        x-default), as the pages' hreflang links name them; Django's sitemap template writes
        them. The versions are looked up for the whole sitemap page in one query, so a
        translation listed on another page of a large sitemap is still named."""
        fields = ("url_path", "last_published_at", "latest_revision_created_at", "translation_key")
        rows = list(self.paginator.page(page).object_list.values_list(*fields))
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        address = _AddressBook(self.homes(), self.request)
        versions: dict = {}
        others = visible_pages(
            Page.objects.filter(translation_key__in={row[3] for row in rows}), self.request
        )
        for key, locale_id, url_path, pk in others.values_list(
            "translation_key", "locale_id", "url_path", "pk"
        ):
            url = address.of(url_path, pk)
            if url:
                versions.setdefault(key, {})[languages[locale_id]] = url
        urls = []
        for url_path, published, revised, key in rows:
            url_info = {"location": address.of(url_path), "lastmod": published or revised}
            alternates = _alternates(versions.get(key, {}))
            urls.append({**url_info, "alternates": alternates} if alternates else url_info)
        last_mods = {url_info["lastmod"] for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


class _AddressBook:
    """Full page addresses from tree paths: the address of the home page the path lies
    under, followed by the rest of the path, quoted as Django's `reverse` quotes it."""

    def __init__(self, homes, request):
        self.request = request
        self.homes = sorted(
            ((home.url_path, home.get_full_url(request)) for home in homes),
            key=lambda home: -len(home[0]),
        )

    def of(self, url_path: str, pk: int | None = None) -> str | None:
        for home_path, home_url in self.homes:
            if home_url and url_path.startswith(home_path):
                return home_url + quote(url_path[len(home_path) :], safe=RFC3986_SUBDELIMS + "/~:@")
        # A translation in another site's tree: Wagtail knows its address.
        page = Page.objects.filter(pk=pk).first() if pk else None
        return page.get_full_url(self.request) if page else None


def _alternates(versions: dict[str, str]) -> list[dict]:
    """A sitemap entry's `xhtml:link` alternates: nothing for a page in one language only."""
    if len(versions) < 2:
        return []
    alternates = [{"lang_code": code, "location": url} for code, url in sorted(versions.items())]
    if settings.LANGUAGE_CODE in versions:
        alternates.append({"lang_code": "x-default", "location": versions[settings.LANGUAGE_CODE]})
    return alternates


@require_GET
def sitemap_index(request):
    """/sitemap.xml: the addresses of the sitemap's files, under the site's public address
    as every other address the site gives out (media.api.absolute_url)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for section, sitemap_class in SITEMAP_SECTIONS.items():
        sitemap = sitemap_class(request)
        latest = sitemap.get_latest_lastmod()
        lastmod = f"<lastmod>{timezone.localtime(latest).isoformat()}</lastmod>" if latest else ""
        address = absolute_url(request, reverse("sitemap_section", kwargs={"section": section}))
        for number in sitemap.paginator.page_range:
            location = address if number == 1 else f"{address}?p={number}"
            lines.append(f"<sitemap><loc>{escape(location)}</loc>{lastmod}</sitemap>")
    lines.append("</sitemapindex>\n")
    return HttpResponse("\n".join(lines), content_type="application/xml")


@require_GET
def sitemap_file(request, section):
    """One file of the sitemap index, written directly: Django's sitemap template took most
    of a second per thousand addresses. The same XML, headers and 404s as Django's view."""
    if section not in SITEMAP_SECTIONS:
        raise Http404
    # Thousands of addresses: written once per content change (core.fragments).
    parts = (section, request.GET.get("p", "1"), request.scheme)
    body, latest = fragments.cached("sitemap-file", parts, lambda: _sitemap_file(request, section))
    response = HttpResponse(body, content_type="application/xml")
    if latest:
        response.headers["Last-Modified"] = http_date(latest)
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def _sitemap_file(request, section) -> tuple[str, float | None]:
    """The file's XML and the time of its latest change (epoch seconds)."""
    sitemap = SITEMAP_SECTIONS[section](request)
    try:
        urls = sitemap.get_urls(
            page=request.GET.get("p", 1), site=RequestSite(request), protocol=request.scheme
        )
    except (EmptyPage, PageNotAnInteger):
        raise Http404 from None
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    for url in urls:
        links = "".join(
            f'<xhtml:link rel="alternate" hreflang="{link["lang_code"]}" href="{escape(link["location"])}"/>'
            for link in url.get("alternates", ())
        )
        lastmod = (
            f"<lastmod>{timezone.localtime(url['lastmod']):%Y-%m-%d}</lastmod>" if url["lastmod"] else ""
        )
        lines.append(f"<url><loc>{escape(url['location'])}</loc>{lastmod}{links}</url>")
    lines.append("</urlset>\n")
    latest = getattr(sitemap, "latest_lastmod", None)
    return "\n".join(lines), latest.timestamp() if latest else None


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
# /sitemap.xml indexes the files of these sections (cms.urls).
SITEMAP_SECTIONS = {"pages": VisiblePagesSitemap}


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
