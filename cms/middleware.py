import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from . import content_version


class APICacheControlMiddleware:
    """Lets apps and shared caches keep API answers for API_CACHE_MAX_AGE seconds.

    Only successful anonymous reads are marked public: an editor's session may see more,
    errors should be asked again, and answers that say they are private (previews) stay so.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith("/api/")
            and request.method in ("GET", "HEAD")
            and response.status_code in (200, 304)
            and not request.user.is_authenticated
            and not _is_private(response)
        ):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return response


class APIResponseCacheMiddleware:
    """Serves repeated anonymous API reads from the cache and dates every API answer.

    The cache key includes the content version (`cms.content_version`), so publishing
    anything makes older entries unreachable in every web process at once; there is
    nothing to purge. Every successful API answer carries the version's time as
    Last-Modified. An empty cache, or one that is down (`cms.cache`), costs only speed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (request.path.startswith("/api/") and request.method in ("GET", "HEAD")):
            return self.get_response(request)
        version = content_version.current()
        key = self._cache_key(request, version) if self._cacheable_request(request) else None
        response = self._cached(key) if key else None
        if response is None:
            response = self.get_response(request)
            if key and self._cacheable_response(response):
                self._store(key, response)
        if response.status_code == 200 and not _is_private(response):
            response.headers.setdefault("Last-Modified", http_date(version.changed_at.timestamp()))
        return response

    @staticmethod
    def _cacheable_request(request) -> bool:
        return (
            settings.API_RESPONSE_CACHE
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.user.is_authenticated
        )

    @staticmethod
    def _cacheable_response(response) -> bool:
        return response.status_code == 200 and not response.streaming and not _is_private(response)

    @staticmethod
    def _cache_key(request, version) -> str:
        # The Accept header picks JSON or the browsable API, so it is part of the key.
        varying = "\n".join([request.get_host(), request.get_full_path(), request.headers.get("Accept", "")])
        return f"api-response:{version.number}:{hashlib.sha256(varying.encode()).hexdigest()}"

    @staticmethod
    def _cached(key):
        entry = caches[settings.API_RESPONSE_CACHE_ALIAS].get(key)
        if entry is None:
            return None
        content, headers = entry
        return HttpResponse(content, headers=headers)

    @staticmethod
    def _store(key, response) -> None:
        entry = (response.content, dict(response.headers.items()))
        caches[settings.API_RESPONSE_CACHE_ALIAS].set(key, entry, settings.API_RESPONSE_CACHE_TIMEOUT)


def _is_private(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return "private" in cache_control or "no-store" in cache_control
