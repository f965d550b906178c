import datetime

import factory
import wagtail_factories

from .models import (
    AccessibilityStatementPage,
    BarrierReport,
    BarrierReportPage,
    EasyLanguagePage,
    SignLanguagePage,
    StatementBarrier,
)


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AccessibilityStatementPage

    title = "Erklärung zur Barrierefreiheit"
    slug = "barrierefreiheit"
    prepared_on = datetime.date(2026, 1, 15)
    last_reviewed = datetime.date(2026, 6, 1)
    contact_name = "Stadt Wuppertal, Redaktion Smart City"
    contact_email = "barrierefreiheit@example.org"


class StatementBarrierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatementBarrier

    page = factory.SubFactory(AccessibilityStatementPageFactory)
    what = "Eingebettete Videos"
    reason = "Die Player stammen von Dritten."


class BarrierReportPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = BarrierReportPage

    title = "Barriere melden"
    slug = "barriere-melden"
    show_in_menus = False


class BarrierReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BarrierReport

    page_url = "/aktuelles/"
    description = "Das Bild hat keinen Alternativtext."


class EasyLanguagePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EasyLanguagePage

    title = factory.Sequence(lambda n: f"Leichte Sprache {n}")


class SignLanguagePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SignLanguagePage

    title = "Gebärdensprache"
    slug = "gebaerdensprache"
