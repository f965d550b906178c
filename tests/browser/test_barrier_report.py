"""The form "Barriere melden" in Chromium: reached from a page's footer with that page's
address filled in, sent with and without JavaScript, its errors announced and free of axe
violations, and a filled honeypot turned away."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from accessibility.forms import MIN_FILL_SECONDS
from accessibility.models import BarrierReport

from . import pages
from .test_accessibility import AXE_OPTIONS, describe, save_screenshot

DESCRIPTION = "Die Karte im Projekt lässt sich nicht mit der Tastatur bedienen."


def description(name: str) -> str:
    return f"{DESCRIPTION} ({name})"


@pytest.fixture(scope="module", autouse=True)
def reports_removed(demo_server, django_db_blocker):
    """The live server commits the reports it stores: after this module they are deleted. Each
    test finds its own by its description."""
    yield
    with django_db_blocker.unblock():
        BarrierReport.objects.all().delete()


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def open_form_from(page: Page, path: str) -> None:
    page.goto(path)
    page.locator(".footer-nav").get_by_role("link", name="Barriere melden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Barriere melden")


def wait_like_a_person(page: Page) -> None:
    # The form turns away what is sent faster than a person could (accessibility.forms).
    page.wait_for_timeout(MIN_FILL_SECONDS * 1000 + 300)


def send_report(page: Page, text: str) -> None:
    expect(page.get_by_label("Adresse der Seite")).to_have_value(pages.MODEL_PROJECT)
    page.get_by_label("Beschreibung der Barriere").fill(text)
    page.get_by_label("E-Mail-Adresse (freiwillig)").fill("leserin@example.org")
    wait_like_a_person(page)
    page.get_by_role("button", name="Meldung absenden").click()


def test_a_report_is_sent_with_javascript(page: Page, django_db_blocker):
    open_form_from(page, pages.MODEL_PROJECT)

    send_report(page, description("mit JavaScript"))

    expect(page).to_have_url(re.compile(re.escape(pages.BARRIER_REPORT_CONFIRMATION) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Meldung gesendet")
    expect(page.get_by_role("status")).to_contain_text("Vielen Dank für Ihre Meldung.")
    with django_db_blocker.unblock():
        report = BarrierReport.objects.get(description=description("mit JavaScript"))
    assert report.page_url == pages.MODEL_PROJECT


def test_a_report_is_sent_without_javascript(new_context, django_db_blocker):
    page = new_context(java_script_enabled=False).new_page()
    open_form_from(page, pages.MODEL_PROJECT)

    send_report(page, description("ohne JavaScript"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Meldung gesendet")
    with django_db_blocker.unblock():
        report = BarrierReport.objects.get(description=description("ohne JavaScript"))
    assert report.email == "leserin@example.org"


def test_errors_are_announced_and_lead_to_their_fields(page: Page):
    page.goto(pages.BARRIER_REPORT)
    page.get_by_label("E-Mail-Adresse (freiwillig)").fill("kein-name")
    wait_like_a_person(page)

    page.get_by_role("button", name="Meldung absenden").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Bitte korrigieren Sie 3 Angaben")
    summary.get_by_role("link", name="Beschreibung der Barriere: Bitte beschreiben Sie die Barriere.").click()
    description = page.get_by_label("Beschreibung der Barriere")
    expect(description).to_be_focused()
    expect(description).to_have_accessible_description(
        "Bitte beschreiben Sie die Barriere. Was funktioniert nicht? Womit sind Sie unterwegs, z. B. mit "
        "Screenreader, Tastatur oder Vergrößerung?"
    )
    expect(description).to_have_attribute("aria-invalid", "true")


def test_without_javascript_the_errors_still_come_first(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(pages.BARRIER_REPORT)

    page.get_by_role("button", name="Meldung absenden").click()

    expect(page).to_have_title(re.compile("^Fehler: "))
    expect(page.get_by_role("alert")).to_contain_text("Bitte geben Sie die Adresse der Seite an.")


def test_a_filled_honeypot_is_turned_away(page: Page, django_db_blocker):
    open_form_from(page, pages.MODEL_PROJECT)
    page.get_by_label("Beschreibung der Barriere").fill(description("Honigtopf"))
    # What a bot does: fill every field it finds, the hidden one too.
    page.locator("input[name='website']").evaluate("field => { field.value = 'https://spam.example/'; }")
    wait_like_a_person(page)

    page.get_by_role("button", name="Meldung absenden").click()

    expect(page.get_by_role("alert")).to_contain_text("Bitte lassen Sie das Feld „Website“ leer.")
    with django_db_blocker.unblock():
        assert not BarrierReport.objects.filter(description=description("Honigtopf")).exists()


def test_axe_finds_no_violation_on_the_form_with_its_errors(page: Page, axe, screenshot_dir):
    page.goto(pages.BARRIER_REPORT)
    page.get_by_role("button", name="Meldung absenden").click()
    expect(page.get_by_role("alert")).to_be_visible()

    results = axe.run(page, options=AXE_OPTIONS)

    save_screenshot(page, screenshot_dir, "barrier-report-form-errors")
    assert results.violations_count == 0, describe(results.response["violations"])
