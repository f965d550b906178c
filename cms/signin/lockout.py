"""What a locked-out client sees: the form it used (the admin's sign-in or a page's password
form) again, with a German message saying that and until when it is refused, and the
status 429 Too Many Requests."""

from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.forms.utils import ErrorList
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import time_format


def lockout_ends(request: HttpRequest, credentials: dict | None) -> timezone.datetime | None:
    """When the lockout of this request's user name and client address ends."""
    attempt = (
        AccessAttempt.objects.filter(
            username=get_client_username(request, credentials), ip_address=request.axes_ip_address
        )
        .order_by("-attempt_time")
        .first()
    )
    if attempt is None:
        return None
    return timezone.localtime(attempt.attempt_time + get_cool_off(request))


def lockout_message(request: HttpRequest, credentials: dict | None) -> str:
    ends = lockout_ends(request, credentials)
    until = f"bis {time_format(ends, 'H:i')} Uhr" if ends else "für einige Minuten"
    return (
        "Zu viele falsche Passwörter: Von diesem Gerät aus ist die Anmeldung "
        f"{until} gesperrt, auch mit dem richtigen Passwort. Bitte versuchen Sie es danach erneut."
    )


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
