"""The password form of password-protected pages, throttled like the admin's sign-in.

Wagtail's view checks the password without calling Django's authenticate(), so django-axes
does not see it by itself. This view, registered under Wagtail's address and name ahead of
Wagtail's own, counts a wrong password as a failed sign-in for the pseudo user name
"page-password:<restriction id>" from the client's address, and while that pair is locked out
it does not look at the password at all.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

PSEUDO_USERNAME_PREFIX = "page-password:"


def pseudo_username(restriction_id: int) -> str:
    return f"{PSEUDO_USERNAME_PREFIX}{restriction_id}"


def authenticate_with_password(request, page_view_restriction_id: int, page_id: int):
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)

    credentials = {"username": pseudo_username(page_view_restriction_id)}
    if not AxesProxyHandler.is_allowed(request, credentials):
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        # axes.middleware.AxesMiddleware turns this into the lockout answer (cms.signin.lockout).
        request.axes_locked_out = True
        request.axes_credentials = credentials
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
        return page.serve_password_required_response(
            request, PasswordViewRestrictionForm(instance=restriction), action_url
        )

    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code == 200:
        # The form came back: the password was wrong.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    elif response.status_code == 302:
        AxesProxyHandler.reset_attempts(ip_address=request.axes_ip_address, username=credentials["username"])
    return response
