"""Two-factor sign-in for the admin (django-otp): a code from an authenticator app (TOTP)
after the password, or one of ten one-time recovery codes.

Who must use it: with TWO_FACTOR_REQUIRED (production), superusers and members of the groups
in TWO_FACTOR_REQUIRED_GROUPS; everyone else may set it up in their account settings, and
whoever has set it up is asked for a code at every sign-in. Until the code is given, the
admin leads to the code form (or, for someone who must use it and has not set it up yet, to
the setup) and every other address treats the session as signed out, so restricted pages and
documents stay closed too.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import urlencode
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
APP_DEVICE_NAME = "Authenticator-App"
RECOVERY_DEVICE_NAME = "Wiederherstellungscodes"


def is_required(user) -> bool:
    """Whether this user must sign in with a second factor."""
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()


def is_set_up(user) -> bool:
    return user_has_device(user, confirmed=True)


def is_pending(user) -> bool:
    """Signed in with the password, but the second factor is still missing."""
    if not user.is_authenticated or user.is_verified():
        return False
    return is_set_up(user) or is_required(user)


def recovery_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).first()


def new_recovery_codes(user) -> list[str]:
    """Ten new one-time codes, replacing any the user had; shown once, stored as given."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def normalised_code(value: str) -> str:
    """What the user typed, as stored: without spaces and dashes, lower case."""
    return "".join(value.split()).replace("-", "").lower()


def unconfirmed_app_device(user) -> TOTPDevice:
    """The device being set up: the same one until it is confirmed, so reloading the setup
    page does not invalidate the QR code the user has just scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def remove_second_factor(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


class TwoFactorMiddleware:
    """Holds a session with a missing second factor at the code form (see the module)."""

    # Reachable before the second factor: the forms that ask for it, signing out, and the
    # admin's translations and icons the forms' pages load.
    OPEN_VIEWS = {
        "two_factor_verify",
        "two_factor_setup",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_pending(request.user):
            admin_prefix = reverse("wagtailadmin_home")
            if not request.path.startswith(admin_prefix):
                request.user = AnonymousUser()
            elif self.view_name(request) not in self.OPEN_VIEWS:
                target = "two_factor_verify" if is_set_up(request.user) else "two_factor_setup"
                return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def view_name(request) -> str | None:
        try:
            return resolve(request.path_info).url_name
        except Resolver404:
            return None
