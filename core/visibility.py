"""Which pages an anonymous visitor may see, asked the same way everywhere.

A page is visible when it is live, not past its expiry date (the scheduler unpublishes it
within a minute, but lists and links should not wait for that), and neither it nor an
ancestor carries a view restriction (password, login or groups). Teasers, cards, menus,
footer and feed links, related pages, rich text links, structured data, the sitemap,
feeds, iCal and the API's page links all ask here, so a restricted or embargoed page
never shows through another page.

Documents have their own rule, by collection (media.visibility).

The answer is the anonymous one even when the request comes from a visitor who entered a
page password or an editor who is signed in: a page that others read, or that a cache keeps
for everyone, must not depend on who asked first.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from . import fragments

__all__ = [
    "VisibilityScopeMiddleware",
    "expired_page_ids",
    "is_restricted",
    "is_visible",
    "request_scope",
    "restricted_paths",
    "visible_pages",
]

# Where the restricted paths are kept on the request, so a response asks for them once.
_REQUEST_ATTRIBUTE = "_restricted_page_paths"

# The same for code that is not handed the request (rich text link handlers, a page's related
# pages): inside `request_scope` the paths are read once and kept until the response is made.
_SCOPED_PATHS: ContextVar[list | None] = ContextVar("restricted_page_paths", default=None)


def restricted_paths(request=None) -> tuple[str, ...]:
    """The tree paths of the pages that carry a view restriction; each covers its subtree."""
    paths = getattr(request, _REQUEST_ATTRIBUTE, None)
    scoped = _SCOPED_PATHS.get()
    if paths is None and scoped:
        paths = scoped[0]
    if paths is None:
        # An anonymous read remembers them until content changes (core.fragments).
        paths = fragments.remembered("restricted-paths", (), _read_restricted_paths)
        if scoped is not None:
            scoped.append(paths)
    if request is not None:
        setattr(request, _REQUEST_ATTRIBUTE, paths)
    return paths


def _read_restricted_paths() -> tuple[str, ...]:
    return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))


@contextmanager
def request_scope():
    """Read the restricted paths at most once inside: one request that only reads
    (VisibilityScopeMiddleware), so no change made inside it can be missed."""
    token = _SCOPED_PATHS.set([])
    try:
        yield
    finally:
        _SCOPED_PATHS.reset(token)


class VisibilityScopeMiddleware:
    """Wraps each GET and HEAD request in `request_scope`; requests that may change content
    (an editor's save) read the restrictions afresh each time they ask."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with request_scope():
            return self.get_response(request)


def expired_page_ids(now=None):
    """The ids of live pages past their expiry date, as a subquery.

    A subquery on the id rather than a filter on `expire_at`, so that search results can
    be narrowed too: search backends filter only on indexed fields, and `id` is one.
    """
    return Page.objects.filter(live=True, expire_at__lte=now or timezone.now()).values("id")


def visible_pages(queryset, request=None):
    """The pages of `queryset` an anonymous visitor may see."""
    queryset = queryset.live().exclude(id__in=expired_page_ids())
    restricted = Q()
    for path in restricted_paths(request):
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted) if restricted else queryset


def is_restricted(page, request=None) -> bool:
    """Whether the page or an ancestor carries a view restriction."""
    return page.path.startswith(restricted_paths(request))


def is_visible(page, request=None) -> bool:
    """Whether an anonymous visitor may see this page (None, a deleted target, is not)."""
    if page is None or not page.live:
        return False
    if page.expire_at is not None and page.expire_at <= timezone.now():
        return False
    return not is_restricted(page, request)
