"""/api/v2/alerts/: the current alerts for apps and screens, most urgent first, narrowed to
one page with `?path=`, with the same HTTP caching and CORS as every API answer."""

import datetime

import pytest
from django.utils import timezone

from alerts.factories import AlertFactory
from alerts.models import Alert, Severity
from events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

URL = "/api/v2/alerts/"


def titles(response) -> list[str]:
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


def test_it_lists_current_alerts_most_urgent_first(client, site_tree):
    AlertFactory(title="Hinweis", severity=Severity.INFORMATION)
    AlertFactory(title="Gefahr", severity=Severity.DANGER)
    AlertFactory(title="Warnung", severity=Severity.WARNING)
    AlertFactory(title="Entwurf", live=False)
    AlertFactory(title="Vorbei", expire_at=timezone.now() - datetime.timedelta(minutes=1))

    response = client.get(URL)

    assert titles(response) == ["Gefahr", "Warnung", "Hinweis"]
    assert response.json()["meta"] == {"total_count": 3, "next": None, "previous": None}


def test_an_alert_carries_what_a_push_message_or_screen_shows(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, title="Konzert", slug="konzert")
    end = timezone.now() + datetime.timedelta(hours=3)
    alert = AlertFactory(
        title="Konzert verlegt",
        text="Es findet in der Halle statt.",
        severity=Severity.WARNING,
        link_page=event,
        page=site_tree.events,
        expire_at=end,
    )

    item = client.get(URL).json()["items"][0]

    assert item == {
        "id": alert.pk,
        "title": "Konzert verlegt",
        "text": "Es findet in der Halle statt.",
        "severity": "warning",
        "severity_label": "Warnung",
        "link": "http://localhost/veranstaltungen/konzert/",
        "scope": {"id": site_tree.events.pk, "url": "http://localhost/veranstaltungen/"},
        "start": None,
        "end": item["end"],
        "published_at": item["published_at"],
        "revision": alert.live_revision_id,
    }
    assert datetime.datetime.fromisoformat(item["end"]) == end
    assert item["end"].endswith(("+01:00", "+02:00"))


def test_path_gives_the_alerts_the_website_shows_on_that_page(client, site_tree):
    EventPageFactory(parent=site_tree.events, slug="konzert")
    AlertFactory(title="Ganze Website")
    AlertFactory(title="Veranstaltungen", page=site_tree.events)

    assert set(titles(client.get(URL, {"path": "/veranstaltungen/konzert/"}))) == {
        "Ganze Website",
        "Veranstaltungen",
    }
    assert titles(client.get(URL, {"path": "/aktuelles/"})) == ["Ganze Website"]
    # No page there (the search, a typo): the whole site's, as the website's 404 page shows.
    assert titles(client.get(URL, {"path": "/gibt-es-nicht/"})) == ["Ganze Website"]
    assert set(titles(client.get(URL))) == {"Ganze Website", "Veranstaltungen"}


@pytest.mark.parametrize("path", ["veranstaltungen/", "", "/" + "a" * 1000])
def test_a_path_that_is_no_site_path_is_a_400_in_german(client, site_tree, path):
    response = client.get(URL, {"path": path})

    assert response.status_code == 400
    assert "path muss ein Pfad der Website sein" in response.json()["message"]


def test_an_unknown_parameter_is_a_400(client, site_tree):
    response = client.get(URL, {"limit": "5"})

    assert response.status_code == 400
    assert "limit" in response.json()["message"]


def test_the_detail_gives_a_current_alert_and_404_for_any_other(client, site_tree):
    current = AlertFactory(title="Aktuell")
    draft = AlertFactory(title="Entwurf", live=False)

    assert client.get(f"{URL}{current.pk}/").json()["title"] == "Aktuell"
    missing = client.get(f"{URL}{draft.pk}/")
    assert missing.status_code == 404
    assert missing.json()["message"]


def test_it_answers_with_etag_cache_control_and_cors(client, site_tree, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
    AlertFactory(title="Sturm")

    response = client.get(URL, headers={"origin": "https://app.example.org"})
    again = client.get(URL, headers={"if-none-match": response["ETag"]})

    assert "public" in response["Cache-Control"] and "max-age=" in response["Cache-Control"]
    assert response["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert again.status_code == 304


def test_publishing_an_alert_changes_the_cached_answer(client, site_tree):
    etag = client.get(URL)["ETag"]
    alert = AlertFactory(title="Neu", live=False)

    alert.save_revision().publish()
    response = client.get(URL, headers={"if-none-match": etag})

    assert response.status_code == 200
    assert titles(response) == ["Neu"]
    assert Alert.objects.get().live
