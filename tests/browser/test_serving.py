"""The live demo site is whole and self-contained: its links lead to its own pages, its images
load, and nothing comes from another host."""

from playwright.sync_api import Page, expect

from .pages import ARTICLES, HOME, KICKOFF_EVENT, MODEL_PROJECT, SEED_ARTICLE


def test_the_main_navigation_leads_to_the_news(page: Page, demo_server):
    page.goto(HOME)

    page.get_by_role("navigation", name="Hauptnavigation").get_by_role("link", name="Aktuelles").click()

    expect(page).to_have_url(demo_server.url + ARTICLES)
    expect(page.get_by_role("heading", level=1)).to_have_text("Aktuelles")


def test_every_image_of_the_article_loads(page: Page):
    page.goto(SEED_ARTICLE)
    images = page.locator("main img")
    expect(images.first).to_be_visible()

    for image in images.all():
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("img => img.naturalWidth") > 0, image.get_attribute("src")


def test_no_page_loads_anything_from_another_host(page: Page, demo_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))

    for path in [HOME, SEED_ARTICLE, KICKOFF_EVENT, MODEL_PROJECT]:
        page.goto(path, wait_until="networkidle")

    assert requested
    assert [url for url in requested if not url.startswith(f"{demo_server.url}/")] == []
