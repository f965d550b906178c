"""Two-factor sign-in for the admin (django-otp, cms.signin.two_factor): required for superusers
and the "Freigabe" group where TWO_FACTOR_REQUIRED holds (production), set up by each user with a
QR code, asked for at every sign-in once set up, with one-time recovery codes."""

import os
import re
import subprocess
import sys
from base64 import b32decode

import pytest
from django.contrib.auth.models import Group
from django.utils.http import urlencode
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory
from core.editorial.setup import APPROVERS, WRITERS
from tests.deploy.compose import PROJECT_DIR

pytestmark = pytest.mark.django_db

PASSWORD = "Wupper-Schwebebahn-1901"
SETUP = "/admin/zwei-faktor/einrichten/"
VERIFY = "/admin/zwei-faktor/pruefen/"
MANAGE = "/admin/zwei-faktor/"


@pytest.fixture(autouse=True)
def required(settings):
    settings.TWO_FACTOR_REQUIRED = True


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="zentrale", email="zentrale@example.org", password=PASSWORD
    )


@pytest.fixture
def writer(django_user_model):
    user = django_user_model.objects.create_user(username="redaktion", password=PASSWORD)
    user.groups.add(Group.objects.get(name=WRITERS))
    return user


def sign_in(client, user):
    response = client.post("/admin/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content.decode()[:500]
    return client.get(response["Location"])


def current_code(device: TOTPDevice, offset: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = totp.time + offset * device.step
    return f"{totp.token():06d}"


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def wait_out_throttling(user) -> None:
    """As if the user waited after a wrong code: django-otp refuses to check codes for a
    moment after each wrong one (1, 2, 4 ... seconds)."""
    for device in TOTPDevice.objects.filter(user=user):
        device.throttle_reset()


def set_up(client, user) -> list[str]:
    """Goes through the setup as the user would; returns the recovery codes shown."""
    page = client.get(SETUP)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    done = client.post(SETUP, {"code": current_code(device), "next": "/admin/"})
    assert done.status_code == 200
    return re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", done.content.decode())


def test_a_superuser_without_a_second_factor_is_led_to_the_setup_before_anything_else(client, superuser):
    response = sign_in(client, superuser)

    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?{urlencode({'next': '/admin/'})}"
    for address in ("/admin/pages/", "/admin/images/", "/admin/account/", MANAGE):
        assert client.get(address)["Location"].startswith(SETUP), address
    page = client.get(SETUP)
    content = text(page)
    assert "Für Ihr Konto ist die Zwei-Faktor-Anmeldung vorgeschrieben" in content
    assert '<svg width="' in content and "QR-Code für die App" in content
    key = re.search(r'<code class="two-factor-key">([A-Z2-7 ]+)</code>', content)[1]
    device = TOTPDevice.objects.get(user=superuser)
    assert b32decode(key.replace(" ", "")) == device.bin_key


def test_the_setup_is_confirmed_with_a_first_code_and_shows_ten_recovery_codes_once(client, superuser):
    sign_in(client, superuser)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=superuser)

    wrong = client.post(SETUP, {"code": "000000"})
    assert "Der Code stimmt nicht" in text(wrong)
    assert not TOTPDevice.objects.get(pk=device.pk).confirmed
    wait_out_throttling(superuser)

    codes = set_up(client, superuser)

    assert len(set(codes)) == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=superuser).count() == 10


def test_a_reload_of_the_setup_keeps_the_qr_code_the_user_has_scanned(client, superuser):
    sign_in(client, superuser)
    first = client.get(SETUP)
    second = client.get(SETUP)

    assert TOTPDevice.objects.filter(user=superuser).count() == 1
    key = re.compile(r'<code class="two-factor-key">([A-Z2-7 ]+)</code>')
    assert key.search(text(first))[1] == key.search(text(second))[1]


def test_once_set_up_every_sign_in_asks_for_a_code(client, superuser):
    sign_in(client, superuser)
    set_up(client, superuser)
    client.logout()

    response = sign_in(client, superuser)

    assert response["Location"].startswith(VERIFY)
    assert client.get("/admin/pages/")["Location"].startswith(VERIFY)
    # A password alone does not open the setup either: it would replace the owner's app.
    assert client.get(SETUP)["Location"].startswith(VERIFY)
    wrong = client.post(VERIFY, {"code": "123456", "next": "/admin/pages/"})
    assert "Der Code stimmt nicht oder ist abgelaufen" in text(wrong)
    wait_out_throttling(superuser)
    device = TOTPDevice.objects.get(user=superuser)
    # The code of the next 30 seconds, as a phone whose clock runs a little ahead shows it.
    right = client.post(VERIFY, {"code": current_code(device, offset=1), "next": "/admin/pages/"})
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_recovery_code_works_once(client, superuser):
    sign_in(client, superuser)
    codes = set_up(client, superuser)
    client.logout()

    sign_in(client, superuser)
    used = client.post(VERIFY, {"code": f" {codes[0].upper()} ", "next": "/admin/"}, follow=True)
    assert used.status_code == 200
    assert "9 sind noch übrig" in text(used)
    client.logout()

    sign_in(client, superuser)
    again = client.post(VERIFY, {"code": codes[0], "next": "/admin/"})
    assert "Der Code stimmt nicht" in text(again)


def test_many_wrong_codes_in_a_row_are_throttled(client, superuser):
    sign_in(client, superuser)
    set_up(client, superuser)
    client.logout()
    sign_in(client, superuser)
    for _ in range(3):
        client.post(VERIFY, {"code": "000000"})

    device = TOTPDevice.objects.get(user=superuser)
    throttled = client.post(VERIFY, {"code": current_code(device)})

    assert "Zu viele falsche Codes" in text(throttled)
    assert client.get("/admin/").status_code == 302


def test_until_the_second_factor_is_given_the_site_treats_the_session_as_signed_out(
    client, superuser, site_tree
):
    page = ArticlePageFactory(parent=site_tree.articles, title="Nur für Angemeldete")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    sign_in(client, superuser)

    assert client.get(page.url)["Location"].startswith("/_util/login/")


def test_approvers_must_use_it_writers_may(client, writer, django_user_model):
    approver = django_user_model.objects.create_user(username="freigabe", password=PASSWORD)
    approver.groups.add(Group.objects.get(name=APPROVERS))

    assert sign_in(client, approver)["Location"].startswith(SETUP)
    client.logout()
    assert sign_in(client, writer).status_code == 200


def test_a_writer_sets_it_up_from_the_account_settings_and_may_remove_it(client, writer):
    sign_in(client, writer)
    account = client.get("/admin/account/")
    assert "Zwei-Faktor-Anmeldung" in text(account) and MANAGE in text(account)
    assert "Einrichten" in text(client.get(MANAGE))

    set_up(client, writer)
    manage = client.get(MANAGE)
    assert "ist eingerichtet" in text(manage) and "10 ungenutzte Wiederherstellungscodes" in text(manage)
    client.logout()
    assert sign_in(client, writer)["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": current_code(TOTPDevice.objects.get(user=writer), offset=1)})

    client.post(MANAGE, {"action": "remove"})

    assert not TOTPDevice.objects.filter(user=writer).exists()
    client.logout()
    assert sign_in(client, writer).status_code == 200


def test_who_must_use_it_cannot_remove_it_and_new_codes_replace_the_old(client, superuser):
    sign_in(client, superuser)
    old = set_up(client, superuser)

    refused = client.post(MANAGE, {"action": "remove"}, follow=True)
    assert "Für Ihr Konto ist die Zwei-Faktor-Anmeldung vorgeschrieben" in text(refused)
    assert TOTPDevice.objects.filter(user=superuser, confirmed=True).exists()
    renewed = client.post(MANAGE, {"action": "codes"})
    new = re.findall(r"<code>([a-z2-7]{4}-[a-z2-7]{4})</code>", renewed.content.decode())
    assert len(new) == 10 and not set(new) & set(old)
    assert "Ihre bisherigen Codes gelten nicht mehr" in text(renewed)


def test_without_the_requirement_a_superuser_signs_in_with_the_password_alone(client, superuser, settings):
    settings.TWO_FACTOR_REQUIRED = False

    assert sign_in(client, superuser).status_code == 200


@pytest.mark.parametrize(("module", "required"), [("production", "True"), ("dev", "False")])
def test_production_requires_it_and_the_development_admin_does_not(module, required, tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": f"cms.settings.{module}",
        "DJANGO_SECRET_KEY": "x" * 50,
        "CMS_VAR_DIR": str(tmp_path),
    }
    shown = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.TWO_FACTOR_REQUIRED)"],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert shown.stdout.strip() == required
