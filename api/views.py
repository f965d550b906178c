"""Views of the API beside the router's endpoints: the index at /api/v2/, its OpenAPI
description as JSON, a page to read it, and a JSON 404 for addresses under /api/ that match
nothing.

The docs page uses Redoc from the pinned `drf-spectacular-sidecar` package, served from this
site's static files: it works offline, and a developer's browser contacts no other host
(the Content-Security-Policy below holds it to that).
"""

from functools import wraps

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from media.api import absolute_url

from .openapi import build_openapi
from .router import api_router

# Redoc renders with inline styles and builds its search index in a worker from a blob;
# everything else comes from this site. The logo Redoc's sidebar would fetch from Redocly's
# CDN is blocked by img-src.
DOCS_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ]
)


READ_METHODS = ("GET", "HEAD")


def read_only(view):
    """GET and HEAD; any other method is a JSON 405 naming them. Exempt from the CSRF check,
    which would answer an unsafe method (POST, QUERY, ...) with the site's HTML 403 before
    the view could refuse it; nothing here reads a form or changes anything."""

    @csrf_exempt
    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.method not in READ_METHODS:
            return JsonResponse(
                {"message": f"method {request.method} not allowed: the API is read-only (GET, HEAD)"},
                status=405,
                headers={"Allow": ", ".join(READ_METHODS)},
            )
        return view(request, *args, **kwargs)

    return checked


@read_only
def api_index(request):
    """Where everything is: each endpoint's list, the description and the docs page."""
    return JsonResponse(
        {
            "endpoints": {
                **{
                    name: absolute_url(request, reverse(f"wagtailapi:{name}:listing"))
                    for name in api_router._endpoints
                },
                "occurrences": absolute_url(request, reverse("api_occurrences")),
                "alerts": absolute_url(request, reverse("api_alerts")),
            },
            "openapi": absolute_url(request, reverse("api_openapi")),
            "docs": absolute_url(request, reverse("api_docs")),
        }
    )


@read_only
def openapi_json(request):
    return JsonResponse(build_openapi(), json_dumps_params={"ensure_ascii": False})


@read_only
def api_docs(request):
    response = TemplateResponse(request, "api/docs.html", {"schema_url": reverse("api_openapi")})
    response["Content-Security-Policy"] = DOCS_CONTENT_SECURITY_POLICY
    return response


@csrf_exempt
def api_not_found(request):
    """Clients of the API get JSON for every answer, also for an address that does not exist,
    rather than the website's HTML 404 page."""
    return JsonResponse({"message": f"no API endpoint at {request.path}"}, status=404)
