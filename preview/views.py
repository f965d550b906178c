"""The admin's "App-Vorschau": the draft goes to the app front end instead of being
rendered here."""

import ipaddress
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit
from urllib.request import Request, urlopen

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from media.api import absolute_url

from .models import TOKEN_PLACEHOLDER, PreviewSnapshot

APP_PREVIEW_MODE = "app"


# How long the check of a front end on this machine may take; it answers at once or not at all.
LOCAL_FRONT_END_TIMEOUT = 1


def serve_app_preview(page, request):
    """Store the previewed page and open the app front end with a token for it.

    Without a configured front end, or with one on this machine that does not answer (the
    example app of `make run`, not started), the editor reads a notice instead of a panel
    that stays blank, and developers find the API address of the draft on the same page.
    """
    user = getattr(request, "user", None)
    if user is None or not user.has_perm("wagtailadmin.access_admin"):
        raise PermissionDenied
    snapshot = PreviewSnapshot.create_for(page)
    front_end_url = settings.HEADLESS_PREVIEW_URL.replace(TOKEN_PLACEHOLDER, snapshot.token)
    if front_end_url and not _is_local_and_silent(front_end_url):
        response = HttpResponseRedirect(front_end_url)
    else:
        query = urlencode({"token": snapshot.token})
        context = {
            "page": page,
            "front_end_url": front_end_url,
            "front_end_origin": _origin(front_end_url) if front_end_url else "",
            "api_url": absolute_url(request, f"{reverse('api_preview')}?{query}"),
            "expires_at": snapshot.expires_at,
        }
        response = TemplateResponse(request, "preview/app_preview.html", context)
    # The answer holds a token that opens an unpublished draft: no cache may keep it.
    add_never_cache_headers(response)
    return response


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _is_local_and_silent(url: str) -> bool:
    """Whether the front end runs on this machine but does not answer.

    Only a front end on this machine is asked: whether a remote one answers the server says
    little about whether it answers the editor's browser, while a local one that is not
    running is the usual development mistake. Any HTTP answer, an error status included,
    means it runs.
    """
    host = urlsplit(url).hostname or ""
    try:
        local = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        local = False
    if not local:
        return False
    try:
        with urlopen(Request(_origin(url) + "/", method="HEAD"), timeout=LOCAL_FRONT_END_TIMEOUT):
            return False
    except HTTPError:
        return False
    except (URLError, OSError):
        return True
