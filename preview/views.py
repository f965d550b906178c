"""The admin's "App-Vorschau": the draft goes to the app front end instead of being
rendered here."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from .models import TOKEN_PLACEHOLDER, PreviewSnapshot

APP_PREVIEW_MODE = "app"


def serve_app_preview(page, request):
    """Store the previewed page and open the app front end with a token for it.

    Without a configured front end the editor reads a notice, and developers find the
    API address of the draft on the same page.
    """
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    snapshot = PreviewSnapshot.create_for(page)
    if settings.HEADLESS_PREVIEW_URL:
        front_end_url = settings.HEADLESS_PREVIEW_URL.replace(TOKEN_PLACEHOLDER, snapshot.token)
        response = HttpResponseRedirect(front_end_url)
    else:
        query = urlencode({"token": snapshot.token})
        context = {
            "page": page,
            "api_url": request.build_absolute_uri(f"{reverse('api_preview')}?{query}"),
            "expires_at": snapshot.expires_at,
        }
        response = TemplateResponse(request, "preview/app_preview.html", context)
    # The answer holds a token that opens an unpublished draft: no cache may keep it.
    add_never_cache_headers(response)
    return response
