"""Accounts and sessions as a city's security review expects them: passwords of at least 12
characters that are not common ones, sessions that end after 8 idle hours, and a
security.txt that says where to report a vulnerability."""

import datetime
import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("Wupper!2025", "mindestens 12 Zeichen"),
        ("qwerty123456", "zu üblich"),
    ],
)
def test_a_short_or_common_password_is_refused_in_german(password, complaint):
    with pytest.raises(ValidationError) as refusal:
        validate_password(password)

    assert any(complaint in message for message in refusal.value.messages), refusal.value.messages


def test_a_long_uncommon_password_is_accepted():
    validate_password("Schwebebahn-Vohwinkel-1901")


def test_an_editors_session_lasts_eight_idle_hours_and_each_request_renews_it(client, admin_user):
    client.force_login(admin_user)
    session = Session.objects.get()
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + datetime.timedelta(hours=1))

    response = client.get("/admin/")

    assert response.status_code == 200
    renewed = Session.objects.get(pk=session.pk).expire_date - timezone.now()
    assert datetime.timedelta(hours=7, minutes=59) < renewed <= datetime.timedelta(hours=8)
    assert response.cookies["sessionid"]["max-age"] == 8 * 60 * 60


def test_after_eight_idle_hours_the_admin_asks_to_sign_in_again(client, admin_user):
    client.force_login(admin_user)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_anonymous_visitors_get_no_session_cookie(client, site_tree):
    response = client.get(site_tree.home.url)

    assert "sessionid" not in response.cookies


def test_security_txt_names_the_contact_and_expires_in_the_future(client, site_tree, settings):
    settings.SECURITY_CONTACTS = ["mailto:sicherheit@example.org", "https://example.org/sicherheit"]
    settings.SECURITY_POLICY_URL = "https://example.org/offenlegung"

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = [line.split(": ", 1) for line in response.content.decode().splitlines()]
    assert [value for name, value in fields if name == "Contact"] == settings.SECURITY_CONTACTS
    assert dict(fields)["Preferred-Languages"] == "de, en"
    assert dict(fields)["Canonical"] == "http://localhost/.well-known/security.txt"
    assert dict(fields)["Policy"] == "https://example.org/offenlegung"
    expires = dict(fields)["Expires"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", expires)
    expiry = datetime.datetime.fromisoformat(expires.replace("Z", "+00:00"))
    days_ahead = (expiry - timezone.now()).days
    assert 179 <= days_ahead < 366


def test_security_txt_by_default_names_the_address_the_cms_mails_from(client, site_tree, settings):
    response = client.get("/.well-known/security.txt")

    contact = next(line for line in response.content.decode().splitlines() if line.startswith("Contact: "))
    assert contact.startswith("Contact: mailto:")
    assert "Policy:" not in response.content.decode()
