"""What the browser may do with the CMS's answers: Content-Security-Policy and Permissions-Policy.

django-csp writes the Content-Security-Policy; this middleware chooses which of the three
policies in the settings an answer gets:

- the website's (``CONTENT_SECURITY_POLICY``) for pages, search, feeds and errors: scripts and
  styles from this site's files only, frames only from the video block's players;
- the admin's (``CONTENT_SECURITY_POLICY_ADMIN``) under ``/admin/``, with what Wagtail's admin
  cannot work without (README, "Browser policies");
- the API's (``CONTENT_SECURITY_POLICY_API``) under ``/api/``: JSON runs nothing, so it may
  load nothing.

Wagtail renders a preview by passing a request for the page's own address through the whole
middleware stack (``request.is_preview``), so a draft gets the website's policy and the admin's
preview panel shows it under the rules it will be served with; only that answer may be framed
by this site's pages (``frame-ancestors 'self'``), as may any other a view marks framable
(``X-Frame-Options: SAMEORIGIN``). Everything else may be framed by none. A view that sets its
own policy (the API's docs page, which Redoc needs a wider one for) keeps it.

Referrer-Policy and Cross-Origin-Opener-Policy come from Django's SecurityMiddleware
(``SECURE_REFERRER_POLICY``, ``SECURE_CROSS_ORIGIN_OPENER_POLICY``).
"""

from urllib.parse import urlsplit

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase

__all__ = ["PERMISSIONS_POLICY", "BrowserPoliciesMiddleware"]

# Features neither the website nor the admin uses, off for every frame, the video players'
# included. Sharing (Web Share API) and the clipboard stay allowed.
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()"


class BrowserPoliciesMiddleware(CSPMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None:
            directives = policy_for(request)
            if directives is not None:
                parts.config = directives
        framable = response.headers.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
        if framable or getattr(request, "is_preview", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


def policy_for(request: HttpRequest) -> dict | None:
    """The directives for this request's answer; None for the website's, the settings' default."""
    path = request.path_info
    if path.startswith("/api/"):
        return settings.CONTENT_SECURITY_POLICY_API["DIRECTIVES"]
    if path.startswith("/admin/"):
        return admin_policy()
    return None


def admin_policy() -> dict:
    """The admin's directives, with the app front end its "App-Vorschau" frames."""
    directives = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
    front_end = urlsplit(settings.HEADLESS_PREVIEW_URL)
    if not front_end.netloc:
        return directives
    return {**directives, "frame-src": [*directives["frame-src"], f"{front_end.scheme}://{front_end.netloc}"]}
