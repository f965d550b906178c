"""Headless preview: an editor's unsaved draft reaches the app front end through a signed,
expiring token, and nobody without the token (or after it expired) sees the draft."""

import datetime
import time
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from articles.factories import ArticlePageFactory
from events.factories import EventPageFactory
from preview.checks import check_preview_settings
from preview.models import PreviewSnapshot
from tests.admin_forms import article_form_data as admin_article_form_data
from tests.s3 import free_port
from tests.webhooks.receiver import Receiver

pytestmark = pytest.mark.django_db

FRONT_END = "https://app.example.org/vorschau?preview={token}"
PREVIEW_API = "/api/v2/preview/"


@pytest.fixture(autouse=True)
def _front_end(settings):
    settings.HEADLESS_PREVIEW_URL = FRONT_END
    settings.HEADLESS_PREVIEW_MAX_AGE = 3600


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(parent=site_tree.articles, title="Live-Auftakt", slug="live-auftakt")


def article_form_data(**overrides):
    """The preview tests' draft: an edited title and teaser, no tags."""
    draft = {
        "title": "Live-Auftakt: jetzt mit Livestream",
        "teaser": "Digitale Auftaktveranstaltung am 7. März.",
        "tags": "",
    }
    return admin_article_form_data(**{**draft, **overrides})


def preview_in_app(client, preview_url, form_data):
    """What the admin's preview panel does: post the form, then load the preview in "app" mode."""
    posted = client.post(preview_url, form_data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    return client.get(preview_url, {"mode": "app"})


def token_from(response) -> str:
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == "https://app.example.org/vorschau"
    [token] = parse_qs(location.query)["preview"]
    return token


@pytest.fixture
def token(editor_client, article):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    return token_from(preview_in_app(editor_client, url, article_form_data()))


def fetch_draft(client, token, **params):
    return client.get(PREVIEW_API, {"token": token, **params})


def expire_tokens(monkeypatch, settings):
    """Let the signing clock run past the tokens' lifetime; nothing else sees the change."""
    later = time.time() + settings.HEADLESS_PREVIEW_MAX_AGE + 1
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: later))


def test_the_editor_can_choose_the_app_preview(editor_client, article):
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert response.status_code == 200
    assert "App-Vorschau" in response.content.decode()


def test_the_editor_is_sent_to_the_app_front_end_with_a_token_for_the_draft(token, article):
    snapshot = PreviewSnapshot.from_token(token)

    assert snapshot.page_id == article.pk
    assert snapshot.content["title"] == "Live-Auftakt: jetzt mit Livestream"


def test_the_token_opens_the_unsaved_draft(client, token, article):
    client.logout()
    response = fetch_draft(client, token)

    assert response.status_code == 200
    draft = response.json()
    assert draft["id"] == article.pk
    assert draft["meta"]["type"] == "articles.ArticlePage"
    assert draft["title"] == "Live-Auftakt: jetzt mit Livestream"
    assert draft["teaser"] == "Digitale Auftaktveranstaltung am 7. März."
    assert [block["type"] for block in draft["body"]] == ["heading", "paragraph"]
    assert draft["body"][0]["value"]["text"] == "Link zum Stream"
    assert "Eine Anmeldung ist nicht nötig." in draft["body"][1]["value"]


def test_the_published_page_still_shows_the_published_version(client, token, article):
    client.logout()

    response = client.get(f"/api/v2/pages/{article.pk}/")

    assert response.status_code == 200
    assert response.json()["title"] == "Live-Auftakt"
    assert response.json()["body"] == []


def test_the_draft_has_the_shape_of_the_pages_detail_endpoint(client, token, article):
    client.logout()

    draft = fetch_draft(client, token).json()
    published = client.get(f"/api/v2/pages/{article.pk}/").json()

    assert list(draft) == list(published)
    assert list(draft["meta"]) == list(published["meta"])
    assert draft["meta"]["detail_url"] == published["meta"]["detail_url"]


def test_the_draft_honours_the_fields_parameter(client, token):
    response = fetch_draft(client, token, fields="-body")

    assert response.status_code == 200
    assert "body" not in response.json()
    assert response.json()["title"] == "Live-Auftakt: jetzt mit Livestream"


def test_a_page_being_created_can_be_previewed_in_the_app(editor_client, client, site_tree):
    parent = site_tree.articles
    url = reverse("wagtailadmin_pages:preview_on_add", args=["articles", "articlepage", parent.pk])
    token = token_from(preview_in_app(editor_client, url, article_form_data(title="Noch nicht angelegt")))
    client.logout()

    draft = fetch_draft(client, token).json()

    assert draft["id"] is None
    assert draft["title"] == "Noch nicht angelegt"
    assert draft["meta"]["detail_url"] is None
    assert draft["meta"]["html_url"] == "http://localhost/aktuelles/live-auftakt/"
    assert draft["meta"]["parent"]["id"] == site_tree.articles.pk
    assert fetch_draft(client, token, fields="*").status_code == 200


def test_an_event_can_be_previewed_in_the_app(editor_client, client, site_tree):
    event = EventPageFactory(parent=site_tree.events, title="Auftakt")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[event.pk])
    form_data = nested_form_data(
        {
            "title": "Auftakt im Livestream",
            "slug": event.slug,
            "start": "2022-03-07 17:00",
            "end": "2022-03-07 19:00",
            "status": "scheduled",
            "attendance_mode": "online",
            "registration": "not_needed",
            "body": streamfield([]),
            "further_dates": inline_formset([]),
        }
    )
    token = token_from(preview_in_app(editor_client, url, form_data))

    draft = fetch_draft(client, token).json()

    assert draft["title"] == "Auftakt im Livestream"
    assert draft["attendance_mode"] == "online"


def test_the_website_preview_still_renders_the_page(editor_client, article):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    editor_client.post(url, article_form_data())

    response = editor_client.get(url)

    assert response.status_code == 200
    assert "Live-Auftakt: jetzt mit Livestream" in response.content.decode()
    assert not PreviewSnapshot.objects.exists()


def test_without_a_front_end_the_editor_reads_a_notice_with_the_api_address(
    editor_client, client, article, settings
):
    settings.HEADLESS_PREVIEW_URL = ""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])

    response = preview_in_app(editor_client, url, article_form_data())

    assert response.status_code == 200
    html = response.content.decode()
    assert "kein App-Frontend eingerichtet" in html
    assert "HEADLESS_PREVIEW_URL" in html
    api_url = urlsplit(html.split('<a href="')[1].split('"')[0].replace("&amp;", "&"))
    assert api_url.path == PREVIEW_API
    client.logout()
    assert fetch_draft(client, parse_qs(api_url.query)["token"][0]).json()["title"] == (
        "Live-Auftakt: jetzt mit Livestream"
    )


def test_a_front_end_on_this_machine_that_is_not_running_gets_a_notice_not_a_blank_panel(
    editor_client, article, settings
):
    settings.HEADLESS_PREVIEW_URL = f"http://127.0.0.1:{free_port()}/?preview={{token}}"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])

    response = preview_in_app(editor_client, url, article_form_data())

    assert response.status_code == 200
    text = " ".join(response.content.decode().split())
    assert "antwortet nicht" in text
    assert "make example-app" in text
    assert "Entwurf trotzdem im App-Frontend öffnen" in text


def test_a_running_front_end_on_this_machine_gets_the_editor(editor_client, article, settings):
    front_end = Receiver()
    front_end.start()
    try:
        settings.HEADLESS_PREVIEW_URL = front_end.url + "?preview={token}"
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])

        response = preview_in_app(editor_client, url, article_form_data())
    finally:
        front_end.stop()

    assert response.status_code == 302
    assert response["Location"].startswith(front_end.url + "?preview=")


def test_the_admin_answer_with_the_token_is_never_cached(editor_client, article):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])

    response = preview_in_app(editor_client, url, article_form_data())

    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_a_tampered_token_is_refused(client, token):
    value, signature = token.rsplit(":", 1)
    tampered = f"{value}:{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"

    response = fetch_draft(client, tampered)

    assert response.status_code == 403
    assert "invalid or has expired" in response.json()["message"]


def test_a_token_signed_for_another_purpose_is_refused(client, token):
    snapshot = PreviewSnapshot.objects.get()

    response = fetch_draft(client, signing.dumps(str(snapshot.pk)))

    assert response.status_code == 403


def test_an_expired_token_is_refused_even_after_it_was_used(client, token, monkeypatch, settings):
    assert fetch_draft(client, token).status_code == 200
    expire_tokens(monkeypatch, settings)

    response = fetch_draft(client, token)

    assert response.status_code == 403
    assert "invalid or has expired" in response.json()["message"]


@pytest.mark.parametrize("query", ["", "?token="])
def test_a_missing_token_is_a_bad_request(client, query):
    response = client.get(PREVIEW_API + query)

    assert response.status_code == 400
    assert "token" in response.json()["message"]


def test_an_unknown_parameter_is_a_bad_request(client, token):
    response = fetch_draft(client, token, nonsense="1")

    assert response.status_code == 400
    assert "nonsense" in response.json()["message"]


@pytest.mark.parametrize("token_kind", ["valid", "tampered", "missing"])
def test_no_preview_answer_is_ever_cacheable(client, token, token_kind):
    params = {"valid": {"token": token}, "tampered": {"token": token + "x"}, "missing": {}}[token_kind]

    response = client.get(PREVIEW_API, params)

    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control
    assert "private" in cache_control
    assert "public" not in cache_control


def test_an_allowed_origin_may_read_the_draft_from_the_browser(client, token, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]

    response = client.get(PREVIEW_API, {"token": token}, headers={"origin": "https://app.example.org"})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "https://app.example.org"


def test_an_anonymous_visitor_cannot_create_snapshots(client, article):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])

    posted = client.post(url, article_form_data())
    response = client.get(url, {"mode": "app"})

    assert posted.status_code == 302
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert not PreviewSnapshot.objects.exists()


def test_the_app_preview_refuses_a_request_without_an_editor(article):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()

    with pytest.raises(PermissionDenied):
        article.make_preview_request(request, "app")

    assert not PreviewSnapshot.objects.exists()


def test_expired_snapshots_are_deleted_when_a_new_one_is_made(article, settings):
    expired, recent = PreviewSnapshot.create_for(article), PreviewSnapshot.create_for(article)
    lifetime = datetime.timedelta(seconds=settings.HEADLESS_PREVIEW_MAX_AGE)
    PreviewSnapshot.objects.filter(pk=expired.pk).update(created_at=timezone.now() - lifetime * 2)

    new = PreviewSnapshot.create_for(article)

    assert set(PreviewSnapshot.objects.values_list("pk", flat=True)) == {recent.pk, new.pk}


@pytest.mark.parametrize("url", ["https://app.example.org/vorschau", "app://vorschau?preview={token}"])
def test_a_front_end_address_that_cannot_take_the_token_fails_the_checks(settings, url):
    settings.HEADLESS_PREVIEW_URL = url

    assert [error.id for error in check_preview_settings(None)] == ["preview.E001"]


def test_a_token_lifetime_that_is_not_positive_fails_the_checks(settings):
    settings.HEADLESS_PREVIEW_MAX_AGE = 0

    assert [error.id for error in check_preview_settings(None)] == ["preview.E002"]


def test_the_configured_front_end_passes_the_checks():
    assert check_preview_settings(None) == []
