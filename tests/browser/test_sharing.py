"""Sharing: the copy-link button puts the page's address on the clipboard and says so; without
JavaScript the plain share links remain and the button, which could not work, stays hidden."""

from playwright.sync_api import expect

from .pages import SEED_ARTICLE


def share_section(page):
    return page.locator("section", has=page.get_by_role("heading", name="Seite teilen", level=2))


def test_the_copy_button_puts_the_page_url_on_the_clipboard(new_context, demo_server):
    context = new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_server.url)
    page = context.new_page()
    page.goto(SEED_ARTICLE)
    share = share_section(page)

    share.get_by_role("button", name="Link kopieren").click()

    expect(share.get_by_role("status")).to_contain_text("kopiert")
    assert page.evaluate("navigator.clipboard.readText()") == demo_server.url + SEED_ARTICLE


def test_without_javascript_the_share_links_remain_and_the_copy_button_stays_hidden(new_context):
    page = new_context(java_script_enabled=False).new_page()

    page.goto(SEED_ARTICLE)

    share = share_section(page)
    expect(share.get_by_role("link", name="Per E-Mail teilen")).to_be_visible()
    copy_button = share.get_by_role("button", name="Link kopieren", include_hidden=True)
    expect(copy_button).to_have_count(1)
    expect(copy_button).to_be_hidden()
