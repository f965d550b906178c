"""The reports in the admin ("Barrieremeldungen"): listed, read in full, marked as done; never
made or changed by hand."""

import pytest
from django.urls import reverse

from accessibility.factories import BarrierReportFactory

pytestmark = pytest.mark.django_db


def test_the_reports_are_listed_newest_open_ones_first(admin_client):
    BarrierReportFactory(page_url="/alt/", done=True)
    BarrierReportFactory(page_url="/offen/")

    response = admin_client.get(reverse("barrier-reports:index"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Barrieremeldungen" in content
    assert content.index("/offen/") < content.index("/alt/")


def test_a_report_is_read_in_full(admin_client):
    report = BarrierReportFactory(description="Zeile eins\nZeile zwei", email="leser@example.org")

    response = admin_client.get(reverse("barrier-reports:inspect", args=[report.pk]))

    content = response.content.decode()
    assert "Zeile eins<br>Zeile zwei" in content
    assert "leser@example.org" in content


def test_the_team_marks_a_report_as_done_without_changing_what_the_visitor_wrote(admin_client):
    report = BarrierReportFactory(description="Kontrast zu schwach")

    response = admin_client.post(
        reverse("barrier-reports:edit", args=[report.pk]),
        {"done": "on", "note": "Farbe angepasst", "description": "überschrieben"},
    )

    report.refresh_from_db()
    assert response.status_code == 302
    assert (report.done, report.note, report.description) == (True, "Farbe angepasst", "Kontrast zu schwach")


def test_nobody_adds_a_report_by_hand(admin_client):
    response = admin_client.get(reverse("barrier-reports:add"))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
