"""What a locked-out client sees: the form it used (the admin's sign-in or a page's password
form) again, with a message saying that and until when it is refused, and the status 429
Too Many Requests. The message is in the active language: German in the admin, English for
a page's password form under /en/."""

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.db.models import Max, Sum
from django.forms.utils import ErrorList
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext as _


def pair_attempts(username: str | None, ip_address: str | None) -> tuple[int, timezone.datetime | None]:
    """The wrong passwords counted for a user name and client address, and when their lockout
    ends (the cool-off after the latest). axes keeps one entry per browser (user agent) and
    counts a pair's entries together, so a client cannot escape the limit by changing its
    user agent; one query for both."""
    pair = AccessAttempt.objects.filter(username=username, ip_address=ip_address).aggregate(
        failures=Sum("failures_since_start"), last=Max("attempt_time")
    )
    if pair["last"] is None:
        return 0, None
    return pair["failures"], timezone.localtime(pair["last"] + get_cool_off())


def lockout_ends(request: HttpRequest, credentials: dict | None) -> timezone.datetime | None:
    """When the lockout of this request's user name and client address ends."""
    return pair_attempts(get_client_username(request, credentials), request.axes_ip_address)[1]


def lockout_message(request: HttpRequest, credentials: dict | None) -> str:
    ends = lockout_ends(request, credentials)
    if ends:
        until = _("bis %(time)s") % {"time": time_format(ends, "TIME_OF_DAY_FORMAT")}
    else:
        until = _("für einige Minuten")
    return _(
        "Zu viele falsche Passwörter: Von diesem Gerät aus ist die Anmeldung %(until)s gesperrt, "
        "auch mit dem richtigen Passwort. Bitte versuchen Sie es danach erneut."
    ) % {"until": until}


def lockout_response(
    request: HttpRequest, original_response: HttpResponse | None, credentials: dict | None
) -> HttpResponse:
    message = lockout_message(request, credentials)
    context = getattr(original_response, "context_data", None) or {}
    form = context.get("form")
    if form is None:
        return HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
    # The form's own complaint ("wrong user name or password") would be misleading now.
    form.errors.clear()
    form.errors["__all__"] = ErrorList([message])
    # Rendered here: the middleware that asks for it runs after template responses are rendered.
    return TemplateResponse(request, original_response.template_name, context, status=429).render()
