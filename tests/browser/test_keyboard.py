"""Keyboard use: the skip link comes first, and the notes accordion opens without a mouse."""

import pytest
from playwright.sync_api import Page, expect

from .pages import ARTICLES, HOME, NOTES_HEADING, SEED_ARTICLE


@pytest.mark.parametrize("path", [HOME, ARTICLES, SEED_ARTICLE])
def test_the_skip_link_appears_on_the_first_tab(page: Page, path):
    page.goto(path)
    expect(page.get_by_role("link", name="Inhalt anspringen")).not_to_be_in_viewport()

    page.keyboard.press("Tab")

    focused = page.locator(":focus")
    expect(focused).to_have_text("Inhalt anspringen")
    expect(focused).to_have_attribute("href", "#main")
    expect(focused).to_be_in_viewport()


def test_the_skip_link_moves_focus_to_the_main_content(page: Page):
    page.goto(SEED_ARTICLE)

    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
    assert page.evaluate("document.activeElement.tagName") == "MAIN"


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_the_notes_accordion_opens_by_keyboard(page: Page, key):
    page.goto(SEED_ARTICLE)
    notes = page.locator("section", has=page.get_by_role("heading", name=NOTES_HEADING, level=2))
    details = notes.locator("details").first
    expect(details).not_to_have_attribute("open", "")
    content = details.locator(".rich-text")
    expect(content).to_be_hidden()

    details.locator("summary").focus()
    page.keyboard.press(key)

    expect(details).to_have_attribute("open", "")
    expect(content).to_be_visible()
