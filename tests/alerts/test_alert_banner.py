"""The alerts banner on the website: current alerts in scope, after the skip link and before
the navigation, in a labelled region, with severity as a word and an icon."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts.factories import AlertFactory
from alerts.models import Severity
from events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def soup_of(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_it_shows_a_site_wide_alert_between_the_skip_link_and_the_navigation(client, site_tree):
    AlertFactory(
        title="Sturmwarnung", text="Alle Veranstaltungen im Freien fallen aus.", severity=Severity.DANGER
    )

    soup = soup_of(client, site_tree.home.url)

    region = soup.select_one("section.alerts")
    heading = soup.find(id=region["aria-labelledby"])
    assert (region["role"], heading.get_text(strip=True)) == ("region", "Aktuelle Hinweise")
    # Not a live region: it is not read out again on every page view.
    assert not region.get("aria-live") and not region.select("[role=alert], [aria-live]")
    elements = soup.body.find_all(True)
    skip_link, header = soup.select_one(".skip-link"), soup.select_one("header.site-header")
    assert elements.index(skip_link) < elements.index(region) < elements.index(header)
    alert = region.select_one("li.alert")
    assert alert.select_one(".alert__severity").get_text(strip=True) == "Gefahr"
    assert alert.select_one("svg.alert__icon")["aria-hidden"] == "true"
    assert alert.select_one(".alert__title").get_text(strip=True) == "Sturmwarnung"
    assert "Alle Veranstaltungen im Freien fallen aus." in alert.get_text()


def test_it_shows_no_region_without_alerts(client, site_tree):
    assert soup_of(client, site_tree.home.url).select_one("section.alerts") is None


def test_a_section_alert_shows_in_its_section_only(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, title="Konzert im Park")
    AlertFactory(title="Konzert verlegt", page=site_tree.events)

    assert "Konzert verlegt" in soup_of(client, event.url).select_one("section.alerts").get_text()
    assert "Konzert verlegt" in soup_of(client, site_tree.events.url).select_one("section.alerts").get_text()
    assert soup_of(client, site_tree.articles.url).select_one("section.alerts") is None


def test_drafts_and_ended_alerts_stay_off_the_site(client, site_tree):
    AlertFactory(title="Entwurf", live=False)
    AlertFactory(title="Vorbei", expire_at=timezone.now() - datetime.timedelta(minutes=1))

    assert soup_of(client, site_tree.home.url).select_one("section.alerts") is None


def test_the_link_goes_to_the_page_or_the_outside_address(client, site_tree):
    AlertFactory(title="Ersatztermin", link_page=site_tree.events)
    AlertFactory(title="Unwetter", link_url="https://www.dwd.de/warnungen")

    links = {
        link.select_one(".visually-hidden").get_text(strip=True): link["href"]
        for link in soup_of(client, site_tree.home.url).select(".alert__link")
    }

    assert links == {": Ersatztermin": site_tree.events.url, ": Unwetter": "https://www.dwd.de/warnungen"}


def test_the_hide_key_changes_with_a_new_revision(client, site_tree):
    alert = AlertFactory(title="Straßensperrung")
    first = soup_of(client, site_tree.home.url).select_one("[data-alert-key]")["data-alert-key"]

    alert.text = "Die Sperrung dauert bis Freitag."
    alert.save_revision().publish()
    second = soup_of(client, site_tree.home.url).select_one("[data-alert-key]")["data-alert-key"]

    assert first.split("-")[0] == second.split("-")[0] == str(alert.pk)
    assert first != second


def test_the_banner_costs_one_query_however_many_alerts(client, site_tree):
    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    url = site_tree.articles.url
    AlertFactory()
    with_one = queries(url)
    AlertFactory.create_batch(4, severity=Severity.INFORMATION)

    assert queries(url) == with_one
