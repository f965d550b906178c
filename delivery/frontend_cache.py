"""Purges exactly the cached answers a change shows on: in Varnish (deploy/varnish/) and in
the API response cache (delivery.tagged_cache).

Every answer names what it shows in tags (cachetags, delivery.middleware). A change works
out the tags of what it touches and invalidates them once it is committed:

- a page published, unpublished (also by deleting) or moved: the page (`p`), its subtree's
  scope (`a`: breadcrumbs and menus below it name it), the children lists of its parent,
  old and new (`c`), the lists of its type (`t`) and of all pages (`pages`), the lists of
  the pages it points to, before and after (`r`: a project lists the news naming it), and
  the pages that point to it (`p`: a link to it appears once it is published). A move or
  a new slug changes the addresses of the page and everything below it, and of every link
  to them, so those pages' tags go too;
- an image or document: its own tag and the lists of its kind; one nothing shows purges
  no page;
- a directory entry (snippet): its tag and the lists of its type;
- a site or view restriction: `all`, every answer;
- an alert published, unpublished (by hand or at its end, through the scheduler) or
  deleting a live one: its tag, the alert lists, and the scope it shows in (before and
  after, when a new revision moves it): `alerts` for the whole site, else its section's `a`.

The changes arrive through delivery.signals. Once the change is committed, the process
that made it invalidates the tags in the response cache, and a task (in production the
worker) then sends each Varnish one request naming them (`PURGE` with an `xkey-purge`
header): in that order, Varnish cannot fetch an answer from the response cache that is
older than its purge. For a published page the worker also brings the page's entries in
Wagtail's reference index up to date and invalidates again with the lists of the pages it
now points to; the editor's request only knows the links the page had before.
"""

import logging
from urllib.error import URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.utils import get_backends
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex, Site

import cachetags

from .tagged_cache import response_cache

logger = logging.getLogger(__name__)

# Tags per purge request: keeps the header well below Varnish's limit of 8 KB a line.
TAGS_PER_REQUEST = 400


def invalidate(tags) -> None:
    """Invalidates the tags once the change in progress is committed: in the response cache
    at once, by the process that committed (every web process answers fresh from then on),
    and then in Varnish through a task."""
    tags = sorted(set(tags))
    if tags:
        transaction.on_commit(lambda: _invalidate_committed(tags))


def _invalidate_committed(tags: list[str]) -> None:
    _invalidate_response_cache(tags)
    if get_backends():
        purge_task.enqueue(tags)


def _invalidate_response_cache(tags: list[str]) -> None:
    response_cache().invalidate(tags)


@task()
def purge_task(tags: list[str]) -> None:
    """Purges the tags in every Varnish. The response cache has been invalidated before, so
    a purged Varnish cannot fetch an answer it still held from before the change."""
    for backend in get_backends().values():
        if isinstance(backend, VarnishBackend):
            backend.purge_tags(tags)


# --- Pages


def page_published(instance) -> None:
    # Which lists show the page depends on its links, which this revision may change. The
    # request invalidates what it knows in the response cache at once; the worker brings the
    # reference index up to date and invalidates everything, its new links' lists included.
    page_id, pointed_to_before = instance.pk, sorted(_points_to(instance))
    known = sorted(page_tags(instance, pointed_to_before))

    def committed():
        _invalidate_response_cache(known)
        invalidate_published_page_task.enqueue(page_id, pointed_to_before)

    transaction.on_commit(committed)


@task()
def invalidate_published_page_task(page_id: int, pointed_to_before: list[int]) -> None:
    """Invalidates a published page and every answer that shows it, the lists of the pages it
    has just started to point to included. Done from this task at once rather than through
    one more queued task, which would add a poll of the worker to the delay."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:  # deleted since; the deletion purged it
        return
    page = page.specific
    with transaction.atomic():
        ReferenceIndex.create_or_update_for_object(page)
    tags = sorted(page_tags(page, pointed_to_before))
    # The response cache first, then Varnish (purge_task).
    _invalidate_response_cache(tags)
    purge_task.call(tags)


def page_unpublished(instance) -> None:
    # Deleting a live page unpublishes it first (and each live page below it), so this
    # covers deletion too.
    invalidate(page_tags(instance))


def page_moved(instance, parent_page_before) -> None:
    """A move takes the page out of one section's lists and into another's (a reorder
    changes the order of one), and gives it and the pages below it new addresses."""
    old_list = cachetags.children_tag(parent_page_before.pk)
    invalidate({*page_tags(instance), old_list, *_subtree_tags(instance)})


def slug_changed(instance) -> None:
    """Sent when a renamed page is published: the pages below it and the links to them get
    new addresses (page_published covers the page itself)."""
    invalidate(_subtree_tags(instance))


def page_tags(page, pointed_to=()) -> set[str]:
    """The tags of the answers a change to the page shows on (see the module's docstring)."""
    return {
        cachetags.page_tag(page.pk),
        cachetags.scope_tag(page.path),
        cachetags.children_tag(page.get_parent().pk),
        cachetags.type_tag(page.content_type_id),
        cachetags.PAGES,
        *(cachetags.pointed_to_tag(pk) for pk in {*pointed_to, *_points_to(page)}),
        *(cachetags.page_tag(pk) for pk in _pointing_to([page.pk])),
    }


def _subtree_tags(page) -> set[str]:
    """The page and the pages below it, and the pages that link to any of them."""
    ids = list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    return {cachetags.page_tag(pk) for pk in [*ids, *_pointing_to(ids)]}


def _page_type():
    return ContentType.objects.get_for_model(Page)


def _points_to(page) -> set[int]:
    """The pages the page points to, by Wagtail's reference index."""
    references = ReferenceIndex.get_references_for_object(page).filter(to_content_type=_page_type())
    return {int(pk) for pk in references.values_list("to_object_id", flat=True)}


def _pointing_to(page_ids) -> set[int]:
    """The pages that point to any of these pages, by Wagtail's reference index."""
    references = ReferenceIndex.objects.filter(
        to_content_type=_page_type(),
        to_object_id__in=[str(pk) for pk in page_ids],
        base_content_type=_page_type(),
    )
    return {int(pk) for pk in references.values_list("object_id", flat=True)}


# --- Everything else that pages and the API show


def shared_content_changed(sender, instance) -> None:
    """A directory entry, site, view restriction, image or document (one of
    content_version.shared_content_models()) was saved or deleted."""
    if sender in (Site, PageViewRestriction, CollectionViewRestriction):
        invalidate([cachetags.ALL])
    elif sender is get_image_model():
        invalidate([cachetags.image_tag(instance.pk), cachetags.type_tag_of(sender)])
    elif sender is get_document_model():
        invalidate([cachetags.document_tag(instance.pk), cachetags.type_tag_of(sender)])
    else:
        invalidate([cachetags.entry_tag(sender, instance.pk), cachetags.type_tag_of(sender)])


def alert_changed(alert, scopes) -> None:
    """An alert's banner changed on the pages of these scopes: page ids, None for the whole
    site."""
    paths = Page.objects.filter(pk__in=[pk for pk in scopes if pk is not None]).values_list("path", flat=True)
    invalidate(
        [
            cachetags.entry_tag(type(alert), alert.pk),
            cachetags.type_tag_of(type(alert)),
            *([cachetags.ALERTS] if None in scopes else []),
            *(cachetags.scope_tag(path) for path in paths),
        ]
    )


class VarnishBackend(HTTPBackend):
    """Wagtail's HTTP purge backend with a timeout, and purges by tag (Varnish's xkey).

    Wagtail's own backend waits for Varnish without limit; in production the purges run
    in the worker, where every other task (indexing, webhooks) would wait behind a hung
    Varnish. A purge that fails or times out is logged; the cache entry then lives until
    its TTL ends (deploy/varnish/default.vcl).
    """

    timeout = 5

    def purge(self, url):
        """Wagtail's own purges by address (a published page, a redirect's old path)."""
        parts = urlsplit(url)
        host = f"{parts.hostname}:{parts.port}" if parts.port else parts.hostname
        path = parts.path or "/"
        self._send("PURGE", f"{path}?{parts.query}" if parts.query else path, {"Host": host})

    def purge_tags(self, tags: list[str]) -> None:
        for start in range(0, len(tags), TAGS_PER_REQUEST):
            self._send("PURGE", "/", {"xkey-purge": " ".join(tags[start : start + TAGS_PER_REQUEST])})

    def _send(self, method: str, path: str, headers: dict) -> None:
        request = Request(
            f"{self.cache_scheme}://{self.cache_netloc}{path}",
            method=method,
            headers={"User-Agent": "smart-city-cms-frontend-cache", **headers},
        )
        try:
            with urlopen(request, timeout=self.timeout):  # noqa: S310 - the configured cache's address
                pass
        except (URLError, TimeoutError) as error:
            logger.error("%s of %s in the front-end cache failed: %s", method, _what(path, headers), error)


def _what(path: str, headers: dict) -> str:
    if "xkey-purge" in headers:
        return f"the tags {headers['xkey-purge']}"
    return headers.get("Host", "") + path
