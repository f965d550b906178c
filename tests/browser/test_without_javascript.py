"""The site works without JavaScript: the content is server-rendered, the accordion is native HTML."""

from playwright.sync_api import expect

from .pages import NOTES_HEADING, SEED_ARTICLE


def test_the_article_and_its_notes_work_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()

    page.goto(SEED_ARTICLE)

    expect(page.get_by_role("heading", level=1)).to_have_text("07.03.: Live-Auftakt von smart.wuppertal")
    expect(page.get_by_role("heading", name="Wuppertals Smart-City-Strategie")).to_be_visible()
    expect(page.get_by_role("heading", name="Bildnachweise")).to_be_visible()
    notes = page.locator("section", has=page.get_by_role("heading", name=NOTES_HEADING, level=2))
    details = notes.locator("details").first
    details.locator("summary").click()
    expect(details).to_have_attribute("open", "")
    expect(details.locator(".rich-text")).to_be_visible()
