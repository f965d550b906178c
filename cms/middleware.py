from django.conf import settings
from django.utils.cache import patch_cache_control


class APICacheControlMiddleware:
    """Lets apps and shared caches keep API answers for API_CACHE_MAX_AGE seconds.

    Only successful anonymous reads are marked public: an editor's session may see more
    (previews later), and errors should be asked again.
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
        ):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return response
