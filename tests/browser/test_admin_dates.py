"""Editors type dates the German way (TT.MM.JJJJ, TT.MM.JJJJ HH:MM) and the admin saves
exactly those; ISO dates still work, and what cannot be read stays in the field with an
error, instead of silently becoming today's date."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from articles.models import ArticleIndexPage, ArticlePage
from core.editorial.date_input import INVALID_DATE
from events.models import EventIndexPage, EventPage

# What the browser saves here is removed after the module (tests/browser/conftest.py).
pytestmark = pytest.mark.usefixtures("pages_saved_by_the_browser_removed")

BERLIN = ZoneInfo("Europe/Berlin")


def open_new_page_form(page: Page, model, parent_model, title: str) -> None:
    parent = parent_model.objects.get(locale__language_code="de")
    meta = model._meta
    page.goto(reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]))
    page.get_by_role("textbox", name="Titel").fill(title)


def open_calendar(page: Page) -> Locator:
    return page.locator(".xdsoft_datetimepicker").filter(visible=True)


def type_into(field: Locator, text: str) -> None:
    """Types as an editor does: the calendar opens with the field and closes when the field
    loses focus, which is when it used to replace what it could not read."""
    field.click()
    expect(open_calendar(field.page)).to_be_visible()
    field.fill(text)
    field.blur()
    expect(open_calendar(field.page)).to_be_hidden()


def save_draft(page: Page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Entwurf speichern").click()


@pytest.mark.parametrize("typed", ["11.02.2022", "2022-02-11"], ids=["german", "iso"])
def test_the_article_date_is_saved_as_typed_and_shown_the_german_way(editor_page: Page, typed):
    open_new_page_form(editor_page, ArticlePage, ArticleIndexPage, f"Datum als {typed}")
    date = editor_page.get_by_role("textbox", name="Datum")
    type_into(date, typed)
    expect(date).to_have_value(typed)

    save_draft(editor_page)

    assert ArticlePage.objects.get(title=f"Datum als {typed}").date == datetime.date(2022, 2, 11)
    expect(date).to_have_value("11.02.2022")


def test_the_event_start_and_end_are_saved_as_typed_in_berlin_time(editor_page: Page):
    open_new_page_form(editor_page, EventPage, EventIndexPage, "Termin deutsch getippt")
    start = editor_page.get_by_role("textbox", name="Beginn")
    type_into(start, "07.03.2022 17:00")
    type_into(editor_page.get_by_role("textbox", name="Ende"), "07.03.2022 19:30")

    save_draft(editor_page)

    event = EventPage.objects.get(title="Termin deutsch getippt")
    assert event.start == datetime.datetime(2022, 3, 7, 17, 0, tzinfo=BERLIN)
    assert event.end == datetime.datetime(2022, 3, 7, 19, 30, tzinfo=BERLIN)
    expect(start).to_have_value("07.03.2022 17:00")


def test_the_go_live_date_typed_in_the_scheduling_dialog_is_saved(editor_page: Page):
    open_new_page_form(editor_page, ArticlePage, ArticleIndexPage, "Geplante Nachricht")
    # Wagtail's own controls by their attributes: locale/ rewords their German.
    editor_page.locator("[data-side-panel-toggle='status']").click()
    editor_page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").click()
    dialog = editor_page.locator("#schedule-publishing-dialog")
    type_into(dialog.locator("#id_go_live_at"), "01.04.2030 09:30")
    dialog.locator("button[type='submit']").click()

    save_draft(editor_page)

    article = ArticlePage.objects.get(title="Geplante Nachricht")
    assert article.go_live_at == datetime.datetime(2030, 4, 1, 9, 30, tzinfo=BERLIN)


def test_an_impossible_date_stays_in_the_field_with_a_german_error(editor_page: Page):
    open_new_page_form(editor_page, ArticlePage, ArticleIndexPage, "Datum gibt es nicht")
    date = editor_page.get_by_role("textbox", name="Datum")
    type_into(date, "31.02.2022")
    expect(date).to_have_value("31.02.2022")

    save_draft(editor_page)

    expect(date).to_have_value("31.02.2022")
    expect(date).to_have_accessible_description(re.compile(re.escape(INVALID_DATE)))
    assert not ArticlePage.objects.filter(title="Datum gibt es nicht").exists()


def test_the_calendar_opens_at_the_date_in_the_field(editor_page: Page):
    open_new_page_form(editor_page, ArticlePage, ArticleIndexPage, "Kalender")
    date = editor_page.get_by_role("textbox", name="Datum")
    type_into(date, "11.02.2022")

    date.click()

    calendar = open_calendar(editor_page)
    expect(calendar.locator(".xdsoft_month > span")).to_have_text("Februar")
    expect(calendar.locator(".xdsoft_year > span")).to_have_text("2022")
