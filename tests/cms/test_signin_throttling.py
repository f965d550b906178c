"""Wrong passwords are throttled (django-axes, cms.signin): after five for one user name from
one client, that pair is refused for 15 minutes, even with the right password, with a German
message naming the time; administrators see and lift lockouts in the admin; the password form
of protected pages is throttled alike; and the client address comes from X-Forwarded-For only
through a trusted proxy."""

import datetime
import ipaddress
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory
from core.clients import client_address
from core.editorial.setup import APPROVERS

pytestmark = pytest.mark.django_db

PASSWORD = "Wupper-Schwebebahn-1901"
ATTACKER = "198.51.100.7"
COLLEAGUE = "198.51.100.8"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="zentrale", email="zentrale@example.org", password=PASSWORD
    )


def sign_in(client, password, username="zentrale", address=ATTACKER):
    return client.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def lockout_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_fifth_wrong_password_locks_the_pair_out_and_the_right_one_is_refused(client, editor):
    answers = [sign_in(client, f"falsch-{attempt}") for attempt in range(5)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 429]
    locked = sign_in(client, PASSWORD)

    assert locked.status_code == 429
    assert not signed_in(client)
    ends = timezone.localtime(AccessAttempt.objects.get().attempt_time + datetime.timedelta(minutes=15))
    text = lockout_text(locked)
    assert "Zu viele falsche Passwörter" in text
    assert f"bis {ends:%H:%M} Uhr gesperrt" in text
    # Still the sign-in form, so the message sits where the editor looks.
    assert 'name="password"' in text
    assert re.search(r"<label[^>]*>\s*Passwort", locked.content.decode())
    assert "<h1>Anmelden im Redaktionssystem</h1>" in text


def test_the_lockout_does_not_grow_with_more_attempts_and_ends_after_fifteen_minutes(client, editor):
    for attempt in range(5):
        sign_in(client, f"falsch-{attempt}")
    caused = AccessAttempt.objects.get().attempt_time
    for attempt in range(3):
        assert sign_in(client, f"weiter-{attempt}").status_code == 429
    assert AccessAttempt.objects.get().attempt_time == caused

    AccessAttempt.objects.update(attempt_time=timezone.now() - datetime.timedelta(minutes=15, seconds=1))
    response = sign_in(client, PASSWORD)

    assert response.status_code == 302
    assert signed_in(client)
    assert not AccessAttempt.objects.exists()


def test_another_client_and_another_user_name_are_not_locked_out(client, editor, django_user_model):
    for attempt in range(5):
        sign_in(client, f"falsch-{attempt}")
    django_user_model.objects.create_user(username="redaktion", password=PASSWORD)

    assert sign_in(client, PASSWORD, username="redaktion").status_code == 302
    client.logout()
    assert sign_in(client, PASSWORD, address=COLLEAGUE).status_code == 302


def test_a_right_password_before_the_limit_clears_the_count(client, editor):
    for attempt in range(4):
        sign_in(client, f"falsch-{attempt}")

    assert sign_in(client, PASSWORD).status_code == 302
    assert not AccessAttempt.objects.exists()


@override_settings(AXES_FAILURE_LIMIT=2, AXES_COOLOFF_TIME=datetime.timedelta(minutes=1))
def test_the_limit_and_the_duration_are_settings(client, editor):
    assert [sign_in(client, "falsch").status_code for _ in range(2)] == [200, 429]
    ends = timezone.localtime(AccessAttempt.objects.get().attempt_time + datetime.timedelta(minutes=1))
    assert f"bis {ends:%H:%M} Uhr" in lockout_text(sign_in(client, PASSWORD))


# The admin's list of failed sign-ins


def test_administrators_see_lockouts_and_lift_one(client, editor):
    for attempt in range(5):
        sign_in(client, f"falsch-{attempt}")
    attempt = AccessAttempt.objects.get()
    client.force_login(editor)

    listing = client.get("/admin/signin-attempts/")

    assert listing.status_code == 200
    text = lockout_text(listing)
    assert "Fehlgeschlagene Anmeldungen" in text
    assert "zentrale" in text and ATTACKER in text
    assert "gesperrt bis" in text
    confirm = client.get(f"/admin/signin-attempts/delete/{attempt.pk}/")
    assert "5 Fehlversuche von zentrale" in lockout_text(confirm)

    client.post(f"/admin/signin-attempts/delete/{attempt.pk}/")
    client.logout()

    assert not AccessAttempt.objects.exists()
    assert sign_in(client, PASSWORD).status_code == 302


def test_the_settings_menu_offers_the_list_to_administrators_only(client, editor, django_user_model):
    client.force_login(editor)
    assert "/admin/signin-attempts/" in client.get("/admin/").content.decode()

    moderator = django_user_model.objects.create_user(username="freigabe", password=PASSWORD)
    moderator.groups.add(Group.objects.get(name=APPROVERS))
    client.force_login(moderator)

    assert "/admin/signin-attempts/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/signin-attempts/").status_code in (302, 403)


def test_nothing_can_be_added_or_edited_there(client, editor):
    sign_in(client, "falsch")
    attempt = AccessAttempt.objects.get()
    client.force_login(editor)

    assert client.get("/admin/signin-attempts/new/").status_code in (302, 403)
    assert client.get(f"/admin/signin-attempts/edit/{attempt.pk}/").status_code in (302, 403)
    changing = client.post(f"/admin/signin-attempts/edit/{attempt.pk}/", {"username": "x"})
    assert changing.status_code in (302, 403)
    assert AccessAttempt.objects.get().username == "zentrale"


# Password-protected pages


@pytest.fixture
def protected_page(site_tree):
    page = ArticlePageFactory(parent=site_tree.articles, title="Interne Planung")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="geheim"
    )
    return page, restriction


def enter_page_password(client, protected_page, password, address=ATTACKER):
    page, restriction = protected_page
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=address,
    )


def test_a_protected_page_asks_for_its_password_in_the_sites_layout_without_telling_its_title(
    client, protected_page
):
    response = client.get(protected_page[0].url)

    text = lockout_text(response)
    assert '<html lang="de">' in text
    assert "Diese Seite ist durch ein Passwort geschützt" in text
    assert "<title>Passwort erforderlich – Smart City</title>" in text
    assert "Interne Planung" not in text
    assert protected_page[0].teaser not in text


def test_the_page_password_form_is_throttled_like_the_sign_in(client, protected_page):
    answers = [enter_page_password(client, protected_page, f"falsch-{n}") for n in range(5)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 200, 429]
    locked = enter_page_password(client, protected_page, "geheim")
    assert locked.status_code == 429
    assert "Zu viele falsche Passwörter" in lockout_text(locked)
    assert client.get(protected_page[0].url).status_code == 200
    assert "Diese Seite ist durch ein Passwort geschützt" in lockout_text(client.get(protected_page[0].url))

    # Someone else, elsewhere, still gets in with the password.
    assert enter_page_password(client, protected_page, "geheim", address=COLLEAGUE).status_code == 302


def test_the_right_page_password_lets_the_visitor_in_and_clears_the_count(client, protected_page):
    enter_page_password(client, protected_page, "falsch")

    response = enter_page_password(client, protected_page, "geheim")

    assert response.status_code == 302
    assert "Interne Planung" in client.get(protected_page[0].url).content.decode()
    assert not AccessAttempt.objects.exists()


def test_the_admin_list_names_the_page_behind_a_page_password_lockout(client, protected_page, editor):
    for attempt in range(5):
        enter_page_password(client, protected_page, f"falsch-{attempt}")
    client.force_login(editor)

    assert "Seitenpasswort von „Interne Planung“" in lockout_text(client.get("/admin/signin-attempts/"))


# The client's address


class Request:
    def __init__(self, remote, forwarded=None):
        self.META = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            self.META["HTTP_X_FORWARDED_FOR"] = forwarded


@pytest.mark.parametrize(
    ("remote", "forwarded", "address"),
    [
        # Straight from the client: the header is the client's own word.
        ("198.51.100.7", "10.0.0.1", "198.51.100.7"),
        # Through Varnish: the address the proxy saw.
        ("172.31.240.5", "198.51.100.7", "198.51.100.7"),
        # Through the TLS proxy and Varnish, each appending what it saw.
        ("172.31.240.5", "198.51.100.7, 172.31.240.1", "198.51.100.7"),
        # What the client wrote left of the proxies' entries is not believed.
        ("172.31.240.5", "203.0.113.9, 198.51.100.7, 172.31.240.1", "198.51.100.7"),
        ("172.31.240.5", "keine-adresse, 172.31.240.1", "172.31.240.1"),
        ("172.31.240.5", None, "172.31.240.5"),
        ("2001:db8::1", "198.51.100.7", "2001:db8::1"),
    ],
)
def test_the_client_address_comes_from_trusted_proxies_only(settings, remote, forwarded, address):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("172.31.240.0/24")]

    assert client_address(Request(remote, forwarded)) == address


def test_a_changing_user_agent_does_not_escape_the_lockout(client, editor):
    for attempt in range(5):
        client.post(
            "/admin/login/",
            {"username": "zentrale", "password": f"falsch-{attempt}"},
            REMOTE_ADDR=ATTACKER,
            HTTP_USER_AGENT=f"Browser {attempt}",
        )

    assert sign_in(client, PASSWORD).status_code == 429
    client.force_login(editor)
    assert lockout_text(client.get("/admin/signin-attempts/")).count("gesperrt bis") == 5


def test_a_forged_forwarded_header_does_not_escape_the_lockout(client, editor):
    for attempt in range(5):
        client.post(
            "/admin/login/",
            {"username": "zentrale", "password": f"falsch-{attempt}"},
            REMOTE_ADDR=ATTACKER,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{attempt}",
        )

    assert sign_in(client, PASSWORD).status_code == 429
