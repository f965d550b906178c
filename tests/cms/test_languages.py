"""German unprefixed, English under /en/ (README, "Languages"): addresses, hreflang pairs, the
language switcher, the admin staying German, and search with the English stemmer."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from alerts.factories import AlertFactory
from core.models import Category
from events.models import EventPage

GERMAN_EVENT = "/veranstaltungen/auftakt-smart-city-wuppertal/"
ENGLISH_EVENT = "/en/events/kickoff-smart-city-wuppertal/"


@pytest.fixture(autouse=True)
def _db(db):
    """Every test runs in its own transaction inside the module's demo site (tests/conftest.py)."""


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="https?://[^/]+([^"]+)">', html))


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/news/",
        "/en/events/",
        "/en/projects/",
        ENGLISH_EVENT,
        "/en/news/live-kickoff-of-smart-wuppertal/",
    ],
)
def test_english_pages_answer_in_english(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    assert '<html lang="en">' in response.text


def test_an_unprefixed_address_is_german_whatever_the_browser_prefers(client, demo):
    response = client.get(GERMAN_EVENT, HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="de">' in response.text
    assert "Accept-Language" not in response.headers.get("Vary", "")
    assert response.headers["Content-Language"] == "de"


def test_hreflang_pairs_point_at_each_other_with_german_as_default(client, demo):
    german = alternates(client.get(GERMAN_EVENT).text)
    english = alternates(client.get(ENGLISH_EVENT).text)
    assert german == english == {"de": GERMAN_EVENT, "en": ENGLISH_EVENT, "x-default": GERMAN_EVENT}


def test_the_switcher_leads_to_the_same_page_in_the_other_language(client, demo):
    html = client.get(GERMAN_EVENT).text
    assert re.search(rf'<a href="https?://[^/]+{ENGLISH_EVENT}" lang="en" hreflang="en">English</a>', html)


def test_the_switcher_leads_to_the_english_home_and_says_so_where_a_page_has_no_english_version(client, demo):
    html = client.get("/projekte/offene-daten/").text
    assert '<a href="/en/" lang="en" hreflang="en">This page is not available in English' in html
    assert 'hreflang="en"' not in "".join(re.findall(r"<link[^>]+>", html))


def test_the_admin_stays_german_for_an_english_browser(demo):
    response = Client().get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en")
    assert '<html lang="de"' in response.text


def test_english_search_finds_english_stems_in_english_pages_only(client, demo):
    html = client.get("/en/suche/", {"q": "streams"}).text
    assert "Live kickoff of smart.wuppertal" in html
    assert "Live-Auftakt von smart.wuppertal" not in html


def test_the_english_news_index_lists_only_english_articles(client, demo):
    html = client.get("/en/news/").text
    assert "7 March: live kickoff of smart.wuppertal" in html
    assert "Rückblick" not in html


def test_the_sitemap_lists_both_languages_with_their_alternates(client, demo):
    xml = client.get("/sitemap-pages.xml").text
    assert "/en/events/kickoff-smart-city-wuppertal/" in xml
    assert GERMAN_EVENT in xml

    entries = dict(re.findall(r"<url>\s*<loc>http://localhost([^<]+)</loc>(.*?)</url>", xml, re.S))
    expected = {
        "de": f"http://localhost{GERMAN_EVENT}",
        "en": f"http://localhost{ENGLISH_EVENT}",
        "x-default": f"http://localhost{GERMAN_EVENT}",
    }
    for address in (GERMAN_EVENT, ENGLISH_EVENT):
        links = re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', entries[address])
        assert dict(links) == expected
    # A page without a translation names no alternates.
    assert "xhtml:link" not in entries["/impressum/"]


def test_the_demo_translations_are_linked_to_their_german_originals(demo):
    english_event = EventPage.objects.get(locale__language_code="en")
    german_event = english_event.get_translation(Locale.objects.get(language_code="de"))
    assert german_event.url == GERMAN_EVENT
    assert (
        TranslationSource.objects.get_for_instance(german_event)
        .translations.get()
        .target_locale.language_code
        == "en"
    )
    assert english_event.venue.locale.language_code == "en"
    assert english_event.category.name == "Livestream"


def test_a_category_slug_is_unique_per_language_only(demo):
    german = Category.objects.get(slug="livestream", locale__language_code="de")
    english = german.get_translation(Locale.objects.get(language_code="en"))
    assert english.slug == german.slug
    assert english.pk != german.pk


def test_syncing_after_a_german_edit_updates_the_english_translation(demo, admin_client):
    german = EventPage.objects.get(url_path__endswith="/auftakt-smart-city-wuppertal/")
    english = german.get_translation(Locale.objects.get(language_code="en"))
    new_start = german.start + datetime.timedelta(days=1)
    german.start = new_start
    german.end = new_start + datetime.timedelta(hours=2)
    german.cost = "Eintritt frei"
    german.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(german)

    response = admin_client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]), {"publish_translations": "on"}
    )

    assert response.status_code == 302
    english.refresh_from_db()
    # Synchronised fields follow the German original at once ...
    assert english.start == new_start
    # ... and the changed text is marked untranslated, so the English page shows the German
    # until an editor translates it.
    assert english.cost == "Eintritt frei"
    translation = source.translations.get()
    assert not StringTranslation.objects.filter(
        translation_of__data="Eintritt frei", locale=translation.target_locale
    ).exists()
    assert "Eintritt frei" in Client().get(ENGLISH_EVENT).text


def test_an_english_page_is_purged_by_its_tag_at_its_english_address(client, demo):
    # Purges go by what an answer shows (cachetags), whatever address it was served at.
    english = EventPage.objects.get(locale__language_code="en")
    assert f"p{english.pk}" in client.get(ENGLISH_EVENT)["xkey"].split()


def test_structured_data_names_the_page_language(client, demo):
    assert '"inLanguage": "en"' in client.get(ENGLISH_EVENT).text
    assert '"inLanguage": "de"' in client.get(GERMAN_EVENT).text


def alert_titles(html: str) -> list[str]:
    return sorted(re.findall(r'<h3 class="alert__title">(.*?)</h3>', html))


def test_alerts_show_in_the_page_language_and_untranslated_german_ones_everywhere(client, demo):
    translated = AlertFactory(title="Sturmwarnung")
    english = translated.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Storm warning"
    english.save()
    untranslated = AlertFactory(title="Markt fällt aus")

    assert alert_titles(client.get("/en/").text) == [untranslated.title, "Storm warning"]
    assert alert_titles(client.get("/").text) == [untranslated.title, "Sturmwarnung"]
    english_api = {alert["title"] for alert in client.get("/api/v2/alerts/?locale=en").json()["items"]}
    assert {"Markt fällt aus", "Storm warning"} <= english_api
    assert "Sturmwarnung" not in english_api
