"""The accessibility statement ("Erklärung zur Barrierefreiheit", § 7 BITV 2.0): what an editor
must fill in, what visitors read, what apps get."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from accessibility.factories import AccessibilityStatementPageFactory
from accessibility.models import AccessibilityStatementPage, EvaluationMethod
from home.models import HomePage
from tests.html import assert_one_h1_and_no_heading_gaps, get_html, section

pytestmark = pytest.mark.django_db


# Editors


def test_a_review_before_the_statement_was_made_is_refused_at_the_review_date(statement):
    statement.last_reviewed = datetime.date(2025, 12, 31)

    with pytest.raises(ValidationError) as error:
        statement.full_clean()

    [message] = error.value.message_dict["last_reviewed"]
    assert message == "Die Überprüfung kann nicht vor der Erstellung liegen."


def test_an_external_test_must_name_who_tested(statement):
    statement.evaluation_method = EvaluationMethod.EXTERNAL
    statement.evaluator = " "

    with pytest.raises(ValidationError) as error:
        statement.full_clean()

    assert "evaluator" in error.value.message_dict


def test_the_arbitration_body_is_filled_in_for_a_new_statement():
    page = AccessibilityStatementPage()

    assert page.arbitration_address == "Mauerstraße 53\n10117 Berlin"
    assert page.arbitration_email == "info@schlichtungsstelle-bgg.de"
    assert page.arbitration_website == "https://www.schlichtungsstelle-bgg.de"


def test_a_site_has_one_statement_but_another_start_page_may_have_its_own(statement, site_tree):
    assert not AccessibilityStatementPage.can_create_at(site_tree.home)

    other_home = HomePage(title="Another site", slug="another-site")
    site_tree.home.get_parent().add_child(instance=other_home)
    assert AccessibilityStatementPage.can_create_at(other_home)


def test_a_statement_lives_only_under_a_start_page(statement, site_tree):
    assert not AccessibilityStatementPage.can_create_at(site_tree.articles)


# Visitors


def test_it_names_the_conformity_status_and_the_standard(client, statement):
    soup = get_html(client, statement)

    text = section(soup, "stand").get_text(" ", strip=True)
    assert "Diese Website ist mit BITV 2.0 (EN 301 549, WCAG 2.1 Stufe AA) teilweise vereinbar." in text
    assert_one_h1_and_no_heading_gaps(soup)


def test_it_lists_the_parts_not_yet_accessible_with_reason_and_alternative(client, statement):
    soup = get_html(client, statement)

    items = section(soup, "nicht-barrierefrei").find_all("li")
    assert [item.h3.get_text(strip=True) for item in items] == ["Eingebettete Videos", "Ältere PDF-Dokumente"]
    assert "Warum: Die Abspieler stammen von Dritten." in items[0].get_text(" ", strip=True)
    assert "Alternative: Ein Link führt zum Anbieter." in items[0].get_text(" ", strip=True)
    assert "Alternative" not in items[1].get_text()


def test_a_fully_compliant_site_has_no_list_of_gaps(client, site_tree):
    page = AccessibilityStatementPageFactory(parent=site_tree.home, conformity="vollstaendig")

    soup = get_html(client, page)

    assert section(soup, "nicht-barrierefrei") is None
    assert "vollständig vereinbar" in section(soup, "stand").get_text()


def test_it_says_when_and_how_the_statement_was_made(client, statement):
    soup = get_html(client, statement)

    facts = section(soup, "erstellung")
    dates = [time["datetime"] for time in facts.find_all("time")]
    assert dates == ["2026-01-15", "2026-06-01"]
    assert "15.01.2026" in facts.get_text()
    assert "Selbstbewertung (Redaktion Smart City)" in facts.get_text(" ", strip=True)


def test_it_gives_the_contact_for_feedback_and_links_the_report_form(client, statement, report_page):
    soup = get_html(client, statement)

    feedback = section(soup, "feedback")
    assert feedback.find("a", href="mailto:barrierefreiheit@example.org")
    assert "0202 563-0" in feedback.get_text()
    assert "Johannes-Rau-Platz 1" in feedback.address.get_text()
    assert feedback.find("a", string="Barriere melden")["href"] == "/barriere-melden/"


def test_without_a_published_form_it_shows_no_dead_link(client, statement, report_page):
    report_page.unpublish()

    feedback = section(get_html(client, statement), "feedback")

    assert feedback.find("a", string="Barriere melden") is None


def test_it_names_the_enforcement_procedure_with_the_arbitration_body(client, statement):
    soup = get_html(client, statement)

    enforcement = section(soup, "schlichtung")
    text = enforcement.get_text(" ", strip=True)
    assert "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz" in text
    assert "Mauerstraße 53" in text and "10117 Berlin" in text
    assert "030 18 527-2805" in text
    assert enforcement.find("a", href="mailto:info@schlichtungsstelle-bgg.de")
    assert enforcement.find("a", href="https://www.schlichtungsstelle-bgg.de")
    assert "Die Ombudsstelle des Landes ist ebenfalls ansprechbar." in text


def test_every_page_links_the_statement_in_its_footer(client, statement, site_tree):
    soup = get_html(client, site_tree.articles)

    footer = soup.find("nav", class_="footer-nav")
    assert footer.find("a", string="Erklärung zur Barrierefreiheit")["href"] == "/barrierefreiheit/"


# Apps


def test_the_api_gives_every_part_of_the_statement(client, statement, report_page):
    response = client.get(f"/api/v2/pages/{statement.pk}/")

    page = response.json()
    assert response.status_code == 200
    assert page["conformity"] == "teilweise"
    assert page["standard"] == "BITV 2.0 (EN 301 549, WCAG 2.1 Stufe AA)"
    assert (page["prepared_on"], page["last_reviewed"]) == ("2026-01-15", "2026-06-01")
    assert page["evaluation_method"] == "selbstbewertung"
    assert page["barriers"][0] == {
        "what": "Eingebettete Videos",
        "reason": "Die Abspieler stammen von Dritten.",
        "alternative": "Ein Link führt zum Anbieter.",
    }
    assert page["contact"]["email"] == "barrierefreiheit@example.org"
    assert page["feedback_form_url"] == "http://localhost/barriere-melden/"
    assert page["arbitration_body"]["address"] == "Mauerstraße 53\n10117 Berlin"


def test_the_api_lists_the_statement_as_a_card_without_its_details(client, statement):
    params = {"type": "accessibility.AccessibilityStatementPage", "fields": "*"}
    response = client.get("/api/v2/pages/", params)

    [item] = response.json()["items"]
    assert item["last_reviewed"] == "2026-06-01"
    assert "barriers" not in item
