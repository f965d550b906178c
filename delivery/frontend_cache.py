"""Keeps the front-end cache (Varnish, deploy/varnish/) in step with what is published.

Wagtail's frontend_cache app purges a page's own address when the page is published or
unpublished, and its redirects app purges the old addresses of a moved or renamed page
and of the pages below it. A page shows in more places than that; on publishing,
unpublishing (also by deleting) and moving, this module purges, in one batch:

- the page's addresses again, with the fixed routes of a routable page (an event's iCal
  file), and its API detail;
- its ancestors, which list or tease it (the section's index and feed, the home page);
- the pages it points to and the pages that point to it, found in Wagtail's reference
  index (a project lists the articles that name it; an article shows its events);
- the API's page list and find endpoints, search and the sitemap.

Varnish purges every query variant of a path, so "/api/v2/pages/" also takes
"/api/v2/pages/?type=articles.ArticlePage&fields=*".

Directory entries (snippets), sites and view restrictions can show on any page, and so can
images and documents once something uses them: a change to one bans everything Varnish
keeps for the sites' hosts. Uploading an image or document that nothing uses yet bans
nothing.

An alert (alerts.Alert) shows in the banner of the pages in its scope: publishing,
unpublishing (by hand or at its end, through the scheduler) or deleting a live one bans
every site's hosts when it is for the whole site, and purges its page and every live page
below it otherwise (before and after, when a new revision moves its scope).

The changes arrive through delivery.signals. All of this happens only with
WAGTAILFRONTENDCACHE configured (FRONTEND_CACHE_URL), after
the change is committed, through tasks: in production the worker sends the requests. For
a published page the worker also works out the addresses, after bringing the page's
entries in the reference index up to date; the editor's request only notes which pages
the page pointed to before.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Site

logger = logging.getLogger(__name__)

# A page linked with more pages than this (either way) bans its sites instead: one
# request instead of hundreds, at the price of refilling the cache.
MAX_LINKED_PAGES = 50
# The same for an alert's scope: a section with more live pages than this bans the sites.
MAX_ALERT_SCOPE_PAGES = 200


def _enabled() -> bool:
    return bool(get_backends())


def page_published(instance) -> None:
    if not _enabled():
        return
    # Which pages show the page depends on its links, which this revision may change.
    # The request only notes the links it had; the worker brings the reference index up
    # to date and works out the addresses (purge_published_page_task).
    page_id, linked_before = instance.pk, sorted(_linked_page_ids(instance))
    transaction.on_commit(lambda: purge_published_page_task.enqueue(page_id, linked_before))


@task()
def purge_published_page_task(page_id: int, linked_before: list[int]) -> None:
    """Purges a published page and every address that shows it, the pages it has just
    started to point to included. The purges go out from this task at once rather than
    through one more queued task, which would add a poll of the worker to the delay."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:  # deleted since; the deletion purged it
        return
    page = page.specific
    with transaction.atomic():
        ReferenceIndex.create_or_update_for_object(page)
    urls = _urls_around(page, linked_ids=linked_before)
    if urls is None:
        ban_hosts_task.call(_site_hostnames())
    else:
        purge_urls_from_cache_task.call(urls)


def page_unpublished(instance) -> None:
    # Deleting a live page unpublishes it first, so this covers deletion too.
    if _enabled():
        _purge_around(instance)


def page_moved(instance, parent_page_before, url_path_before) -> None:
    """A move takes the page out of one section's lists and into another's (a reorder
    changes the order of one). Wagtail's redirects app purges the old addresses of the
    page and the pages below it; the page's own is purged here as well."""
    if not _enabled():
        return
    old_url = _url_of_path(url_path_before)
    _purge_around(
        instance,
        extra_pages=[parent_page_before, *parent_page_before.get_ancestors()],
        extra_urls=[old_url] if old_url else [],
    )


def slug_changed(instance, instance_before) -> None:
    """Sent when a renamed page is published; page_published purges the new address."""
    old_url = instance_before.get_full_url() if _enabled() else None
    if old_url:
        transaction.on_commit(PurgeBatch([old_url]).purge)


def _purge_around(page, **around) -> None:
    """Purges the page and every address that shows it, once the change is committed."""
    urls = _urls_around(page.specific, **around)
    if urls is None:
        _ban_sites()
    else:
        transaction.on_commit(PurgeBatch(urls).purge)


def _urls_around(page, *, linked_ids=(), extra_pages=(), extra_urls=()) -> list[str] | None:
    """The page's addresses and those of every page that shows it; None when it is linked
    with so many pages that banning its sites is cheaper."""
    linked_ids = _linked_page_ids(page) | set(linked_ids)
    if len(linked_ids) > MAX_LINKED_PAGES:
        return None
    pages = [
        page,
        *page.get_ancestors().filter(depth__gt=1).specific(),
        *Page.objects.live().filter(pk__in=linked_ids).specific(),
        *(extra.specific for extra in extra_pages if extra.depth > 1),
    ]
    urls = list(extra_urls)
    for each in pages:
        urls.extend(_page_urls(each))
    url_parts = page.get_url_parts()
    if url_parts and url_parts[1]:
        urls.extend(url_parts[1] + path for path in _site_paths())
    return list(dict.fromkeys(urls))


def _page_urls(page) -> list[str]:
    """The page's address with the paths Wagtail caches it under, its fixed routes and its API detail."""
    url_parts = page.get_url_parts()
    if not url_parts or not url_parts[1]:
        return []
    _site_id, root_url, page_path = url_parts
    page_url = root_url + page_path
    return [
        *(page_url + path.lstrip("/") for path in page.get_cached_paths()),
        *(page_url + path for path in _route_paths(page)),
        root_url + reverse("wagtailapi:pages:detail", args=[page.pk]),
    ]


def _route_paths(page) -> list[str]:
    """The routes without parameters of a routable page ("feed/", "ical/"): they show the
    same content in another format. Routes with parameters cannot be listed."""
    if not isinstance(page, RoutablePageMixin):
        return []
    return [
        page.reverse_subpage(route.name)
        for route in page.get_subpage_urls()
        if route.name and not route.pattern.regex.groups
    ]


def _site_paths() -> list[str]:
    """Addresses of a site that list pages of every section."""
    return [
        reverse("wagtailapi:pages:listing"),
        reverse("wagtailapi:pages:find"),
        reverse("search"),
        reverse("sitemap"),
    ]


def _linked_page_ids(page) -> set[int]:
    """The pages that point to the page and the pages it points to, by Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    points_to = ReferenceIndex.get_references_for_object(page).filter(to_content_type=page_type)
    pointed_from = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type)
    return {
        *(int(pk) for pk in points_to.values_list("to_object_id", flat=True)),
        *(int(pk) for pk in pointed_from.values_list("object_id", flat=True)),
    }


def _url_of_path(url_path: str) -> str | None:
    """The public address of a page's tree path ("/smart-city/aktuelles/alt/"), as Wagtail builds it."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            # In the tree's language: an English page's address starts with /en/ (README, "Languages").
            with translation.override(root.language_code):
                return root.root_url + reverse("wagtail_serve", args=[url_path[len(root.root_path) :]])
    return None


def shared_content_changed(sender, instance) -> None:
    """A directory entry, site, view restriction, image or document (one of
    content_version.shared_content_models()) was saved or deleted."""
    if not _enabled():
        return
    if sender in (get_image_model(), get_document_model()) and not _shown_anywhere(instance):
        # A new upload, or a file no page uses: nothing cached shows it. Uploading a
        # batch of images must not empty the cache for every visitor.
        return
    # A deleted site is gone from the table, but not yet from the cache.
    _ban_sites(extra_hostnames=[instance.hostname] if sender is Site else [])


def alert_changed(alert_id: int, scopes) -> None:
    """An alert's banner changed on the pages of these scopes: page ids, None for the whole
    site. Worked out and sent by the worker once the change is committed."""
    if not _enabled():
        return
    scopes = list(dict.fromkeys(scopes))
    transaction.on_commit(lambda: purge_alert_scopes_task.enqueue(alert_id, scopes))


@task()
def purge_alert_scopes_task(alert_id: int, scopes: list[int | None]) -> None:
    """Purges the live pages in the alert's scopes and its answers in the API, or bans the
    sites for a site-wide alert or a scope too large to list."""
    if None in scopes:
        ban_hosts_task.call(_site_hostnames())
        return
    in_scope = Q(pk__in=[])
    for path in Page.objects.filter(pk__in=scopes).values_list("path", flat=True):
        in_scope |= Q(path__startswith=path)
    pages = Page.objects.live().filter(in_scope)
    if pages.count() > MAX_ALERT_SCOPE_PAGES:
        ban_hosts_task.call(_site_hostnames())
        return
    urls = [url for page in pages.specific() for url in _page_urls(page)]
    for site in Site.objects.all():
        urls += [
            site.root_url + reverse("api_alerts"),
            site.root_url + reverse("api_alerts_detail", args=[alert_id]),
        ]
    purge_urls_from_cache_task.call(list(dict.fromkeys(urls)))


def _shown_anywhere(instance) -> bool:
    """Whether any page or directory entry uses the image or document (reference index)."""
    return ReferenceIndex.get_references_to(instance).exists()


def _ban_sites(extra_hostnames=()) -> None:
    """Bans everything the front-end cache keeps for every site, once the change is committed."""
    hostnames = _site_hostnames(extra_hostnames)
    transaction.on_commit(lambda: ban_hosts_task.enqueue(hostnames))


def _site_hostnames(extra_hostnames=()) -> list[str]:
    return sorted({*Site.objects.values_list("hostname", flat=True), *extra_hostnames})


@task()
def ban_hosts_task(hostnames: list[str]) -> None:
    """Bans everything each Varnish keeps for these hosts (see deploy/varnish/default.vcl)."""
    for backend in get_backends().values():
        if isinstance(backend, VarnishBackend):
            for hostname in hostnames:
                backend.ban_host(hostname)


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purge backend with a timeout, and BAN for a whole host.

    Wagtail's own backend waits for Varnish without limit; in production the purges run
    in the worker, where every other task (indexing, webhooks) would wait behind a hung
    Varnish. A purge that fails or times out is logged; the cache entry then lives until
    its TTL ends (deploy/varnish/default.vcl).
    """

    timeout = 5

    def purge(self, url):
        parts = urlsplit(url)
        host = f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname
        path = parts.path or "/"
        self._send("PURGE", host, f"{path}?{parts.query}" if parts.query else path)

    def ban_host(self, hostname: str) -> None:
        self._send("BAN", hostname, "/")

    def _send(self, method: str, host: str, path: str) -> None:
        request = Request(
            f"{self.cache_scheme}://{self.cache_netloc}{path}",
            method=method,
            headers={"Host": host, "User-Agent": "smart-city-cms-frontend-cache"},
        )
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310 - the configured cache's address
                pass
        except (URLError, TimeoutError) as error:
            logger.error("%s of %s%s in the front-end cache failed: %s", method, host, path, error)
