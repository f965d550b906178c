"""Browser policies in the answers' headers: the website runs only this site's scripts and
styles and frames only the video block's players; the admin gets its own, wider policy, the
API one that allows nothing; every answer switches off camera, microphone, location and
payment. That browsers keep to these policies with everything still working is checked in
Chromium (tests/browser/test_browser_policies.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from articles.factories import ArticlePageFactory
from core.blocks import VideoBlock
from core.video_providers import VIDEO_PROVIDERS
from home.factories import ContentPageFactory
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
PLAYER_ORIGINS = ["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"]


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        parsed[name] = sources
    return parsed


def assert_no_unsafe_sources(policy: dict[str, list[str]]):
    for name, sources in policy.items():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'"} & set(sources), name


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(parent=site_tree.articles, title="Sensoren im Quartier")


@pytest.mark.parametrize(
    ("url", "status"),
    [
        pytest.param("/", 200, id="home"),
        pytest.param("/aktuelles/", 200, id="article-index"),
        pytest.param("/suche/?q=Sensoren", 200, id="search"),
        pytest.param("/gibt-es-nicht/", 404, id="not-found"),
    ],
)
def test_every_website_answer_allows_only_this_sites_scripts_and_styles(client, article, url, status):
    response = client.get(url)

    assert response.status_code == status
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert_no_unsafe_sources(policy)


def test_a_page_may_frame_only_the_video_blocks_players(client, article):
    policy = directives(client.get(article.url))

    assert policy["frame-src"] == PLAYER_ORIGINS
    assert policy["frame-src"] == [
        origin for provider in VIDEO_PROVIDERS for origin in provider.player_origins
    ]


def test_a_page_switches_off_camera_microphone_location_and_payment(client, article):
    response = client.get(article.url)

    assert response["Permissions-Policy"] == "camera=(), microphone=(), geolocation=(), payment=()"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_the_admin_allows_inline_scripts_and_styles_elements_but_no_eval_or_attributes(
    approver_client, article
):
    for url in [reverse("wagtailadmin_home"), reverse("wagtailadmin_pages:edit", args=[article.pk])]:
        response = approver_client.get(url)

        assert response.status_code == 200
        policy = directives(response)
        assert policy["script-src"] == ["'self'"]
        assert policy["script-src-elem"] == ["'self'", "'unsafe-inline'"]
        # Only the focal point cropper's no-op handler "return;", by its hash.
        assert policy["script-src-attr"] == [
            "'unsafe-hashes'",
            "'sha256-i+qr4lq34KgNHiW62lWi9aInEBwiEOrfCzaNPCvkqD8='",
        ]
        assert policy["style-src-attr"] == ["'none'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["frame-src"] == ["'self'"]
        assert response["Permissions-Policy"] == "camera=(), microphone=(), geolocation=(), payment=()"
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]


def test_the_admin_may_frame_the_app_front_end_of_the_app_preview(approver_client, settings):
    settings.HEADLESS_PREVIEW_URL = "https://app.example.org/vorschau/?preview={token}"

    policy = directives(approver_client.get(reverse("wagtailadmin_home")))

    assert policy["frame-src"] == ["'self'", "https://app.example.org"]


def test_the_preview_gets_the_websites_policy_and_may_be_framed_by_the_admin(approver_client, article):
    # The preview panel posts the form, then frames the draft rendered from it.
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])
    assert approver_client.post(url, article_form_data(slug=article.slug)).json()["is_valid"]
    response = approver_client.get(url)

    assert response.status_code == 200
    assert "07.03.: Live-Auftakt von smart.wuppertal" in response.text
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["frame-src"] == PLAYER_ORIGINS
    assert_no_unsafe_sources(policy)


@pytest.mark.parametrize("url", ["/api/v2/", "/api/v2/pages/", "/api/v2/gibt-es-nicht/"])
def test_api_answers_may_load_nothing(client, site_tree, url):
    policy = directives(client.get(url))

    assert policy["default-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["form-action"] == ["'none'"]


def test_the_api_docs_page_keeps_its_own_policy(client, db):
    policy = directives(client.get("/api/v2/docs/"))

    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]


def test_a_video_of_another_platform_is_refused(site_tree):
    # No finder accepts the address, so no request leaves the machine.
    block = VideoBlock()
    value = block.to_python({"video": "https://www.dailymotion.com/video/x8abcde", "title": "Anderswo"})

    with pytest.raises(StructBlockValidationError) as refused:
        block.clean(value)

    assert "Für diese URL wurde kein Element gefunden." in str(refused.value.block_errors["video"])


def test_a_video_of_a_supported_platform_is_shown_in_a_player_the_policy_allows(client, site_tree):
    url = "https://vimeo.com/76979871"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        max_width=None,
        type="video",
        html='<iframe src="https://player.vimeo.com/video/76979871" width="640" height="360"></iframe>',
        provider_name="Vimeo",
    )
    page = ContentPageFactory(
        parent=site_tree.home, body=[("video", {"video": url, "title": "Rundgang", "transcript": ""})]
    )

    response = client.get(page.url)

    assert b'src="https://player.vimeo.com/video/76979871"' in response.content
    assert "https://player.vimeo.com" in directives(response)["frame-src"]


def policy_under(**env) -> dict:
    """The website's and the admin's directives as production reads them from these variables."""
    clean_env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "AWS_", "CSP_")) and key != "DATABASE_URL"
    }
    code = (
        "import json, cms.settings.production as s; print(json.dumps(["
        "s.CONTENT_SECURITY_POLICY['DIRECTIVES'], s.CONTENT_SECURITY_POLICY_ADMIN['DIRECTIVES']]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env={**clean_env, "DJANGO_SECRET_KEY": "x" * 50, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    website, admin = json.loads(result.stdout)
    return {"website": website, "admin": admin}


def test_an_operator_adds_frame_and_image_hosts_and_a_report_address():
    policies = policy_under(
        CSP_EXTRA_FRAME_SRC="https://maps.example.org",
        CSP_EXTRA_IMG_SRC="https://tiles.example.org, https://stats.example.org",
        CSP_REPORT_URI="https://csp.example.org/report",
    )

    website = policies["website"]
    assert website["frame-src"] == [*PLAYER_ORIGINS, "https://maps.example.org"]
    assert website["img-src"] == ["'self'", "https://tiles.example.org", "https://stats.example.org"]
    assert website["report-uri"] == ["https://csp.example.org/report"]
    assert policies["admin"]["report-uri"] == ["https://csp.example.org/report"]


def test_images_may_come_from_the_media_buckets_public_host():
    policies = policy_under(
        AWS_STORAGE_BUCKET_NAME="cms-media", AWS_S3_CUSTOM_DOMAIN="media.example.org/cms-media"
    )

    assert policies["website"]["img-src"] == ["'self'", "https://media.example.org"]
    assert policies["admin"]["img-src"] == ["'self'", "blob:", "https://media.example.org"]


def test_without_variables_nothing_is_reported_and_images_come_from_this_site_only():
    website = policy_under()["website"]

    assert "report-uri" not in website
    assert website["img-src"] == ["'self'"]
