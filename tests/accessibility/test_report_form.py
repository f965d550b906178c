"""The form "Barriere melden": a visitor reports a barrier, the report is stored and mailed,
and the visitor sees a confirmation; spam and foreign addresses are turned away."""

import time

import pytest
from bs4 import BeautifulSoup

from accessibility import forms
from accessibility.models import BarrierReport
from accessibility.reports import REPORTS_PER_HOUR
from tests.html import get_html

pytestmark = pytest.mark.django_db


def report(**fields) -> dict:
    """What a person sends who took a while to fill in the form."""
    return {
        "page_url": "/aktuelles/",
        "description": "Das Bild oben hat keinen Alternativtext.",
        "email": "",
        "website": "",
        "started": forms.started_token(time.time() - 30),
        **fields,
    }


def error_summary(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, soup.find(attrs={"data-error-summary": True})


# Opening the form


def test_the_address_of_the_page_the_visitor_came_from_is_filled_in(client, report_page):
    soup = get_html(client, "/barriere-melden/?seite=/aktuelles/")

    assert soup.find("input", attrs={"name": "page_url"})["value"] == "/aktuelles/"


def test_without_seite_the_referer_fills_it_in(client, report_page):
    response = client.get(
        "/barriere-melden/", headers={"referer": "http://localhost/projekte/?status=laufend"}
    )

    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "page_url"})["value"] == "/projekte/?status=laufend"


@pytest.mark.parametrize(
    "seite",
    ["https://example.com/aktuelles/", "//example.com/", "javascript:alert(1)", "/barriere-melden/"],
)
def test_another_sites_address_or_the_form_itself_is_not_filled_in(client, report_page, seite):
    soup = get_html(client, f"/barriere-melden/?seite={seite}")

    assert soup.find("input", attrs={"name": "page_url"})["value"] == ""


def test_every_field_has_a_label_and_its_help_is_tied_to_it(client, report_page):
    soup = get_html(client, report_page)

    for name in ("page_url", "description", "email"):
        field = soup.find(attrs={"name": name})
        assert soup.find("label", attrs={"for": field["id"]}).get_text(strip=True)
        assert soup.find(id=field["aria-describedby"]).get_text(strip=True)


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client, report_page):
    soup = get_html(client, report_page)

    trap = soup.find("input", attrs={"name": "website"})
    assert trap["tabindex"] == "-1"
    assert trap.find_parent("div")["aria-hidden"] == "true"
    assert "report-form__trap" in trap.find_parent("div")["class"]


def test_the_form_is_never_kept_by_a_shared_cache(client, report_page):
    """It carries the visitor's CSRF token: Varnish keeps no answer marked private or no-store."""
    response = client.get("/barriere-melden/?seite=/aktuelles/")

    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_every_page_links_the_form_with_its_own_address(client, report_page, site_tree):
    soup = get_html(client, site_tree.events)

    link = soup.find("nav", class_="footer-nav").find("a", string="Barriere melden")
    assert link["href"] == "/barriere-melden/?seite=%2Fveranstaltungen%2F"


# Sending a report


def test_a_report_is_stored_mailed_and_confirmed(client, report_page, settings, mailoutbox):
    settings.BARRIER_REPORT_EMAIL = ["barrierefreiheit@example.org"]

    response = client.post("/barriere-melden/", report(email="leser@example.org"))

    assert response.status_code == 302
    assert response["Location"] == "/barriere-melden/danke/"
    stored = BarrierReport.objects.get()
    assert (stored.page_url, stored.email, stored.done) == ("/aktuelles/", "leser@example.org", False)
    [message] = mailoutbox
    assert message.to == ["barrierefreiheit@example.org"]
    assert message.reply_to == ["leser@example.org"]
    assert "Seite: http://localhost/aktuelles/" in message.body
    assert "Das Bild oben hat keinen Alternativtext." in message.body


def test_the_confirmation_page_thanks_the_visitor(client, report_page):
    soup = get_html(client, "/barriere-melden/danke/")

    assert soup.h1.get_text(strip=True) == "Meldung gesendet"
    assert "Vielen Dank für Ihre Meldung." in soup.find(attrs={"role": "status"}).get_text()


def test_a_full_address_of_this_site_is_stored_as_its_path(client, report_page):
    client.post("/barriere-melden/", report(page_url="http://localhost/projekte/offene-daten/"))

    assert BarrierReport.objects.get().page_url == "/projekte/offene-daten/"


def test_without_a_configured_address_the_report_is_stored_but_not_mailed(
    client, report_page, settings, mailoutbox
):
    settings.BARRIER_REPORT_EMAIL = []

    client.post("/barriere-melden/", report())

    assert BarrierReport.objects.count() == 1
    assert mailoutbox == []


# Errors


def test_errors_are_summed_up_and_tied_to_their_fields(client, report_page):
    response = client.post("/barriere-melden/", report(description="", email="kein-name"))

    assert response.status_code == 400
    soup, summary = error_summary(response)
    assert soup.title.get_text().startswith("Fehler: ")
    assert summary["role"] == "alert" and summary["tabindex"] == "-1"
    assert [link["href"] for link in summary.find_all("a")] == ["#id_description", "#id_email"]
    description = soup.find("textarea", attrs={"name": "description"})
    assert description["aria-invalid"] == "true"
    error_id = description["aria-describedby"].split()[0]
    assert soup.find(id=error_id).get_text(strip=True) == "Bitte beschreiben Sie die Barriere."
    assert soup.find("input", attrs={"name": "email"})["value"] == "kein-name"
    assert BarrierReport.objects.count() == 0


def test_the_error_summary_gets_the_focus_from_a_script_of_this_site(client, report_page):
    soup, _ = error_summary(client.post("/barriere-melden/", report(description="")))

    assert soup.find("script", src="/static/accessibility/js/error-summary.js")
    assert not soup.find("script", src=None)


def test_another_sites_address_is_refused(client, report_page):
    response = client.post("/barriere-melden/", report(page_url="https://example.com/aktuelles/"))

    soup, summary = error_summary(response)
    assert response.status_code == 400
    assert str(forms.FOREIGN_ADDRESS) in summary.get_text()
    assert BarrierReport.objects.count() == 0


def test_a_filled_honeypot_is_rejected_and_nothing_is_stored(client, report_page, mailoutbox):
    response = client.post("/barriere-melden/", report(website="https://spam.example/"))

    assert response.status_code == 400
    assert str(forms.HONEYPOT_FILLED) in error_summary(response)[1].get_text()
    assert BarrierReport.objects.count() == 0
    assert mailoutbox == []


def test_a_form_sent_too_fast_is_rejected(client, report_page):
    response = client.post("/barriere-melden/", report(started=forms.started_token()))

    assert response.status_code == 400
    assert str(forms.TOO_FAST) in error_summary(response)[1].get_text()
    assert BarrierReport.objects.count() == 0


def test_a_person_correcting_a_field_hears_nothing_about_speed(client, report_page):
    response = client.post("/barriere-melden/", report(description="", started=forms.started_token()))

    summary = error_summary(response)[1]
    assert summary.h2.get_text(strip=True) == "Bitte korrigieren Sie eine Angabe"
    assert str(forms.TOO_FAST) not in summary.get_text()


@pytest.mark.parametrize(
    "started",
    [
        pytest.param("", id="missing"),
        pytest.param("123", id="unsigned"),
        pytest.param(forms.started_token(time.time() - 30)[:-2] + "xx", id="forged"),
    ],
)
def test_a_missing_or_forged_timestamp_is_rejected(client, report_page, started):
    response = client.post("/barriere-melden/", report(started=started))

    assert response.status_code == 400
    assert str(forms.EXPIRED) in error_summary(response)[1].get_text()
    assert BarrierReport.objects.count() == 0


def test_a_form_shown_again_carries_a_fresh_timestamp(client, report_page):
    sent = report(started=forms.started_token())

    soup, _ = error_summary(client.post("/barriere-melden/", sent))

    assert soup.find("input", attrs={"name": "started"})["value"] != sent["started"]


def test_one_client_may_send_only_a_few_reports_an_hour(client, report_page):
    for _ in range(REPORTS_PER_HOUR):
        assert client.post("/barriere-melden/", report()).status_code == 302

    response = client.post("/barriere-melden/", report())

    assert response.status_code == 429
    assert "schon mehrere Meldungen" in error_summary(response)[1].get_text()
    assert BarrierReport.objects.count() == REPORTS_PER_HOUR


def test_the_cap_counts_per_client_address(client, report_page):
    for _ in range(REPORTS_PER_HOUR):
        client.post("/barriere-melden/", report())

    response = client.post("/barriere-melden/", report(), REMOTE_ADDR="192.0.2.7")

    assert response.status_code == 302
