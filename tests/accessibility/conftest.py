import datetime

import pytest
from django.core.cache import cache

from accessibility.factories import AccessibilityStatementPageFactory, BarrierReportPageFactory
from accessibility.models import StatementBarrier


@pytest.fixture(autouse=True)
def _fresh_report_counts():
    """The cap on reports per client address counts in the cache; each test starts at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def report_page(site_tree):
    return BarrierReportPageFactory(parent=site_tree.home, intro="Beschreiben Sie die Barriere kurz.")


@pytest.fixture
def statement(site_tree):
    page = AccessibilityStatementPageFactory(
        parent=site_tree.home,
        prepared_on=datetime.date(2026, 1, 15),
        last_reviewed=datetime.date(2026, 6, 1),
        evaluator="Redaktion Smart City",
        contact_phone="0202 563-0",
        contact_address="Stadt Wuppertal\nJohannes-Rau-Platz 1\n42275 Wuppertal",
        enforcement_note="Die Ombudsstelle des Landes ist ebenfalls ansprechbar.",
    )
    page.barriers = [
        StatementBarrier(
            what="Eingebettete Videos",
            reason="Die Abspieler stammen von Dritten.",
            alternative="Ein Link führt zum Anbieter.",
        ),
        StatementBarrier(what="Ältere PDF-Dokumente", reason="Nicht geprüft.", alternative=""),
    ]
    page.save_revision().publish()
    return page
