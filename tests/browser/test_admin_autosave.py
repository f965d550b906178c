"""Autosave and the keyboard in the page editor: saving with Ctrl+S right after typing a
title saves the page once, also while autosave is on its way, and when autosave stops at an
error its indicator says which field (core.editorial.page_views)."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from articles.models import ArticleIndexPage, ArticlePage

# What the browser saves here is removed after the module (tests/browser/conftest.py).
pytestmark = pytest.mark.usefixtures("pages_saved_by_the_browser_removed")


def open_new_article_form(page: Page) -> None:
    news = ArticleIndexPage.objects.get(locale__language_code="de")
    page.goto(reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news.pk]))


def wait_until_autosave_watches(page: Page) -> None:
    """Wagtail compares the form with a copy it takes two seconds after loading; what an
    editor types before that counts as the form's starting point, not as a change."""
    page.wait_for_function(
        """() => window.wagtail.app.getControllerForElementAndIdentifier(
            document.getElementById("page-edit-form"), "w-unsaved"
        )?.initialFormData"""
    )


@pytest.mark.parametrize("pause_ms", [0, 600], ids=["at-once", "while-autosaving"])
def test_ctrl_s_right_after_typing_a_title_saves_the_page_once(editor_page: Page, pause_ms):
    title = f"Per Tastatur gespeichert ({pause_ms} ms)"
    open_new_article_form(editor_page)
    wait_until_autosave_watches(editor_page)
    editor_page.get_by_role("textbox", name="Titel").press_sequentially(title)
    editor_page.wait_for_timeout(pause_ms)

    editor_page.keyboard.press("Control+s")

    expect(editor_page).to_have_url(re.compile(r"/edit/"))
    expect(editor_page.get_by_role("textbox", name="Titel")).to_have_value(title)
    [article] = ArticlePage.objects.filter(title=title)
    assert editor_page.url.endswith(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert not article.live


def test_paused_autosave_names_the_field(editor_page: Page):
    open_new_article_form(editor_page)
    wait_until_autosave_watches(editor_page)
    title = editor_page.get_by_role("textbox", name="Titel")
    title.press_sequentially("Entwurf, den Autosave anlegt")
    indicator = editor_page.locator("#w-autosave-indicator")
    expect(indicator).to_have_attribute("data-w-autosave-state-value", "saved")

    title.fill("")

    expect(indicator).to_have_attribute("data-w-autosave-state-value", "paused")
    expect(indicator).to_have_attribute(
        "data-w-tooltip-content-value", "Nicht gespeichert. „Titel“: Dieses Feld muss ausgefüllt werden."
    )
