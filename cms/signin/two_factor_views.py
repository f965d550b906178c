"""The admin's pages for two-factor sign-in (cms.signin.two_factor): the code form after the
password, the setup with its QR code, the recovery codes (shown once), and the page in the
account settings where each user sees, renews or (where not required) removes it."""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.generic import TemplateView
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import two_factor

WRONG_CODE = (
    "Der Code stimmt nicht oder ist abgelaufen. Geben Sie den sechsstelligen Code ein, den Ihre "
    "App gerade anzeigt, oder einen Ihrer Wiederherstellungscodes."
)
WRONG_SETUP_CODE = "Der Code stimmt nicht. Geben Sie den sechsstelligen Code ein, den die App gerade anzeigt."
THROTTLED = (
    "Zu viele falsche Codes nacheinander. Bitte warten Sie einen Moment und versuchen Sie es dann erneut."
)


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


def next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def verify(request):
    """The second step of signing in: a code from the app or a recovery code."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if user.is_verified():
        return redirect(next_url(request))
    if not two_factor.is_set_up(user):
        return redirect(f"{reverse('two_factor_setup')}?{request.GET.urlencode()}")

    form = CodeForm(request.POST or None)
    if form.is_valid():
        device, throttled = check_code(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if device.name == two_factor.RECOVERY_DEVICE_NAME:
                left = device.token_set.count()
                messages.warning(
                    request,
                    f"Sie haben sich mit einem Wiederherstellungscode angemeldet; {left} sind noch übrig. "
                    "Erzeugen Sie neue Codes in Ihrem Konto unter „Zwei-Faktor-Anmeldung“, "
                    "bevor sie ausgehen.",
                )
            return redirect(next_url(request))
        form.add_error("code", THROTTLED if throttled else WRONG_CODE)
    return render(request, "signin/two_factor_verify.html", {"form": form, "next": next_url(request)})


def check_code(user, typed: str):
    """The device the code belongs to, and whether a device refused to look (throttled).
    Six digits are the app's; anything else is tried as a recovery code, so that neither
    kind counts as a wrong attempt of the other in django-otp's throttling."""
    code = two_factor.normalised_code(typed)
    throttled = False
    if code.isdigit() and len(code) == 6:
        devices = TOTPDevice.objects.filter(user=user, confirmed=True)
    else:
        devices = [device for device in [two_factor.recovery_device(user)] if device]
    for device in devices:
        if not device.verify_is_allowed()[0]:
            throttled = True
            continue
        if verified := verify_token(user, device.persistent_id, code):
            return verified, False
    return None, throttled


def setup(request):
    """Set up the app: scan the QR code (or type the key), confirm with a first code."""
    user = request.user
    if not user.is_authenticated:
        return redirect("wagtailadmin_login")
    if two_factor.is_set_up(user) and not user.is_verified():
        # A stolen password must not be enough to replace the owner's second factor.
        return redirect(f"{reverse('two_factor_verify')}?{request.GET.urlencode()}")

    device = two_factor.unconfirmed_app_device(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("code", THROTTLED)
        elif device.verify_token(two_factor.normalised_code(form.cleaned_data["code"])):
            TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return render(
                request,
                "signin/two_factor_codes.html",
                {"codes": two_factor.new_recovery_codes(user), "next": next_url(request), "first_time": True},
            )
        else:
            form.add_error("code", WRONG_SETUP_CODE)

    key = b32encode(device.bin_key).decode()
    qr_code = segno.make(device.config_url, error="m")
    return render(
        request,
        "signin/two_factor_setup.html",
        {
            "form": form,
            "next": next_url(request),
            "required": two_factor.is_required(user),
            "qr_code": qr_code.svg_inline(scale=5, light="#fff", title="QR-Code für die App"),
            "key_groups": [key[start : start + 4] for start in range(0, len(key), 4)],
        },
    )


class ManageView(WagtailAdminTemplateMixin, TemplateView):
    """ "Zwei-Faktor-Anmeldung" in the account settings."""

    template_name = "signin/two_factor_manage.html"
    page_title = "Zwei-Faktor-Anmeldung"
    header_icon = "key"

    def get_context_data(self, **kwargs):
        user = self.request.user
        recovery = two_factor.recovery_device(user)
        return super().get_context_data(
            set_up=two_factor.is_set_up(user),
            required=two_factor.is_required(user),
            codes_left=recovery.token_set.count() if recovery else 0,
            **kwargs,
        )

    def post(self, request):
        user = request.user
        action = request.POST.get("action")
        if action == "codes" and two_factor.is_set_up(user):
            return render(
                request,
                "signin/two_factor_codes.html",
                {"codes": two_factor.new_recovery_codes(user), "next": reverse("two_factor_manage")},
            )
        if action == "remove" and two_factor.is_set_up(user):
            if two_factor.is_required(user):
                messages.error(request, "Für Ihr Konto ist die Zwei-Faktor-Anmeldung vorgeschrieben.")
            else:
                two_factor.remove_second_factor(user)
                messages.success(request, "Die Zwei-Faktor-Anmeldung ist abgeschaltet.")
        return redirect("two_factor_manage")
