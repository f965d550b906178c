"""The editor's "Checks" panel (Überprüfungen) runs on every page type: content metrics and
the accessibility rules, through the user bar the page templates render for editors."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect
from wagtail.models import Site

from articles.factories import ArticlePageFactory
from articles.models import ArticleIndexPage

from . import pages

PAGE_TYPES = [pytest.param(path, id=name) for name, path in pages.PAGE_TYPES.items()]


@pytest.fixture(scope="module")
def article_with_skipped_heading(demo_server, django_db_blocker):
    """A draft news item whose body goes from an h2 straight to an h4, committed for the live
    server while this module runs."""
    with django_db_blocker.unblock():
        article = ArticlePageFactory(
            parent=ArticleIndexPage.objects.get(locale__language_code="de"),
            title="Überschriften mit Lücke",
            live=False,
            body=[
                ("heading", {"text": "Worum es geht", "level": "h2"}),
                ("heading", {"text": "Eine Ebene zu tief", "level": "h4"}),
            ],
        )
    yield article
    with django_db_blocker.unblock():
        article.delete()


def open_checks(page: Page, page_id: int) -> Locator:
    page.goto(reverse("wagtailadmin_pages:edit", args=[page_id]))
    # Wagtail's own controls by their attributes: locale/ rewords their German.
    page.locator("[data-side-panel-toggle='checks']").click()
    checks = page.locator("[data-side-panel='checks']")
    # The word count shows "-" until the checks have run: the accessibility rules first,
    # then the metrics.
    expect(checks.locator("[data-content-word-count]")).to_have_text(re.compile(r"^\d+$"))
    return checks


def test_the_checks_panel_reports_a_skipped_heading_level(editor_page: Page, article_with_skipped_heading):
    checks = open_checks(editor_page, article_with_skipped_heading.pk)

    expect(checks.locator("[data-content-checker-count]")).to_have_text("1")
    problem = checks.locator("[data-checks-panel] [data-content-checker-row]")
    expect(problem).to_contain_text("Falsche Überschriftenhierarchie")
    expect(problem.locator("[data-content-checker-selector]")).to_have_text("h4")


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_the_checks_panel_runs_on_every_page_type_and_finds_nothing_in_the_demo(editor_page: Page, path):
    home = Site.objects.get(is_default_site=True).root_page
    demo_page = home.get_descendants(inclusive=True).get(url_path=home.url_path + path.removeprefix("/"))

    checks = open_checks(editor_page, demo_page.pk)

    expect(checks.locator("[data-content-checker-count]")).to_have_text("0")
