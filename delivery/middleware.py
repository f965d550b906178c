import hashlib
import logging

from django.conf import settings
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction
from wagtail.views import serve as wagtail_serve

import cachetags
from core import fragments
from core.site_structure import route_for_request

from . import content_version
from .tagged_cache import response_cache

logger = logging.getLogger(__name__)

# Where Wagtail remembers the page and collection passwords a visitor has entered.
PASSED_RESTRICTIONS_SESSION_KEYS = (
    PageViewRestriction.passed_view_restrictions_session_key,
    CollectionViewRestriction.passed_view_restrictions_session_key,
)


def is_anonymous(request) -> bool:
    """Whether the answer to this request is the one everybody gets: no credentials sent,
    nobody signed in, and no page or collection password accepted in the session.

    Anything else may be shown more (a login-only page, a password-protected article), so
    its answer must neither come from nor go into a cache that others read.
    """
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    if request.user.is_authenticated:
        return False
    return not any(request.session.get(key) for key in PASSED_RESTRICTIONS_SESSION_KEYS)


class APICacheControlMiddleware:
    """Tells apps and shared caches who may keep an API answer.

    Successful anonymous reads are public for API_CACHE_MAX_AGE seconds; errors should be
    asked again, and answers that say they are private (previews) stay so. An answer
    computed for a signed-in user or a session that passed a view restriction is private
    and never stored, whatever it is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith("/api/"):
            return response
        if not is_anonymous(request):
            response["Cache-Control"] = "private, no-store"
        elif (
            request.method in ("GET", "HEAD")
            and response.status_code in (200, 304)
            and not _is_private(response)
        ):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return response


class CacheTagsMiddleware:
    """Names what an anonymous GET or HEAD answer shows in its `xkey` header (cachetags),
    so Varnish can purge exactly the answers a change shows on (deploy/varnish/default.vcl,
    which keeps the header from clients).

    Every such answer also carries `all`, purged when a site or a view restriction changes.
    An answer that lists pages of every type (`pages`) drops its page tags: whatever purges
    a page purges `pages` too. An answer naming more than fits a header is not kept by
    shared caches.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with cachetags.collect() as tags:
            response = self.get_response(request)
        # A request turned away before the session and user were read (a redirect to add a
        # slash) is anonymous unless it sent a session cookie.
        if hasattr(request, "user") or settings.SESSION_COOKIE_NAME not in request.COOKIES:
            anonymous = is_anonymous(request)
        else:
            anonymous = False
        if anonymous and not _is_private(response):
            header = xkey_header(tags)
            if len(header) <= MAX_XKEY_LENGTH:
                response[XKEY_HEADER] = header
            else:
                logger.warning("%s names too much to be cached (%d tags)", request.path, len(tags))
                patch_cache_control(response, private=True)
        return response


XKEY_HEADER = "xkey"
# Varnish takes header lines up to 8 KB (http_resp_hdr_len).
MAX_XKEY_LENGTH = 7000


def xkey_header(tags) -> str:
    tags = {cachetags.ALL, *tags}
    if cachetags.PAGES in tags:
        tags = {tag for tag in tags if not tag.startswith("p") or tag == cachetags.PAGES}
    return " ".join(sorted(tags))


class APIResponseCacheMiddleware:
    """Serves repeated anonymous API reads from the cache and dates every API answer.

    Only answers to anonymous requests (`is_anonymous`) are read from or written to the
    cache: an answer computed for a session that entered a page password would otherwise
    be served to everybody.

    Entries live in the tagged cache (`delivery.tagged_cache`): each is stored with the tags
    of what it shows and is valid until one of them is invalidated, so publishing an article
    leaves the answers that do not show it cached. Every successful API answer carries the
    time of the last change to published content (`delivery.content_version`) as
    Last-Modified. An empty cache, or one that is down (`delivery.cache`), costs only speed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (request.path.startswith("/api/") and request.method in ("GET", "HEAD")):
            return self.get_response(request)
        version = content_version.for_request(request)
        response = None
        if self._cacheable_request(request):
            cache = response_cache()
            key = self._cache_key(request)
            start = cache.start()
            entry = cache.get(key, start)
            if entry is not None:
                content, headers = entry
                response = HttpResponse(content, headers=headers)
            else:
                with cachetags.collect() as tags:
                    response = self.get_response(request)
                if self._cacheable_response(response):
                    cache.set(key, (response.content, dict(response.headers.items())), tags, start)
        else:
            response = self.get_response(request)
        if response.status_code == 200 and not _is_private(response):
            response.headers.setdefault("Last-Modified", http_date(version.changed_at.timestamp()))
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return settings.API_RESPONSE_CACHE and is_anonymous(request)

    @staticmethod
    def _cacheable_response(response) -> bool:
        return response.status_code == 200 and not response.streaming and not _is_private(response)

    @staticmethod
    def _cache_key(request) -> str:
        # The Accept header picks JSON or the browsable API, so it is part of the key.
        varying = "\n".join([request.get_host(), request.get_full_path(), request.headers.get("Accept", "")])
        return f"api-response:{hashlib.sha256(varying.encode()).hexdigest()}"


def _is_private(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control or "no-store" in cache_control


class FragmentScopeMiddleware:
    """Lets anonymous reads of the website and the API keep the parts they work out
    (core.fragments) for every later reader, until content changes.

    The generation is the content version (moved forward by every change, inside its
    transaction) and the next moment a live page expires: until the scheduler unpublishes
    it, lists and links leave it out by its date (core.visibility), so parts that show it
    must not outlive that moment. Previews, the admin and anything a signed-in user or a
    page password opens are worked out afresh.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable(request):
            return self.get_response(request)
        with fragments.request_scope(lambda: _generation(request), request.get_host()):
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Where a page's address leads, remembered; Wagtail's serve view reads it from the
        # request (core.site_structure).
        if view_func is wagtail_serve and fragments.generation() is not None:
            route_for_request(request, view_args[0] if view_args else view_kwargs.get("path", ""))

    @staticmethod
    def _cacheable(request) -> bool:
        return (
            settings.FRAGMENT_CACHE
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(FRESH_PATHS)
            and is_anonymous(request)
        )


# Drafts and the admin: always the present state.
FRESH_PATHS = ("/admin/", "/api/v2/preview/")


def _generation(request) -> str:
    version = content_version.for_request(request)
    generation = f"{version.number}.{version.changed_at.timestamp()}"
    # The next expiry follows from the content of this version (and the clock): each process
    # works it out once per version and keeps it until that moment has passed.
    remembered, horizon = _HORIZON
    if remembered != generation or horizon <= timezone.now().timestamp():
        horizon = _next_page_expiry()
        _HORIZON[:] = [generation, horizon]
    return f"{generation}.{horizon}"


# [generation, the next page expiry in it (epoch seconds)]
_HORIZON: list = [None, 0.0]


def _next_page_expiry() -> float:
    """When the next live page expires (epoch seconds; infinity when none will)."""
    expiring = Page.objects.filter(live=True, expire_at__gt=timezone.now())
    moment = expiring.aggregate(next=Min("expire_at"))["next"]
    return moment.timestamp() if moment else float("inf")
