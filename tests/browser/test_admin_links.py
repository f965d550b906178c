"""The rich text editor's link dialog, as an editor uses it: a link to another site that
should open in a new tab is marked so in the dialog, and the mark is saved with the page."""

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from articles.factories import ArticlePageFactory
from articles.models import ArticleIndexPage, ArticlePage

FORM_URL = "https://www.wuppertal.de/formular"


@pytest.fixture(scope="module")
def article_with_text(demo_server, django_db_blocker):
    """A draft news item with one paragraph, committed for the live server while this module runs."""
    with django_db_blocker.unblock():
        article = ArticlePageFactory(
            parent=ArticleIndexPage.objects.get(locale__language_code="de"),
            title="Anmeldung zum Workshop",
            live=False,
            body=[("paragraph", "<p>Anmeldeformular</p>")],
        )
    yield article
    with django_db_blocker.unblock():
        article.delete()


def saved_paragraph(article) -> str:
    revision = ArticlePage.objects.get(pk=article.pk).latest_revision
    return revision.as_object().body[0].value.source


def test_an_external_link_marked_for_a_new_tab_is_saved_so(editor_page: Page, article_with_text):
    editor_page.goto(reverse("wagtailadmin_pages:edit", args=[article_with_text.pk]))
    text = editor_page.locator(".Draftail-Editor [contenteditable='true']").first
    text.click()
    editor_page.keyboard.press("Control+A")
    editor_page.keyboard.press("Control+K")

    dialog = editor_page.locator(".modal-dialog")
    dialog.locator("a[href*='choose-external-link']").click()
    dialog.get_by_label("Adresse").or_(dialog.locator("#id_external-link-chooser-url")).first.fill(FORM_URL)
    expect(dialog.get_by_label("Linktext")).to_be_visible()
    dialog.get_by_label("In neuem Tab öffnen").check()
    dialog.locator("form input[type='submit'], form button[type='submit']").first.click()
    expect(dialog).to_be_hidden()
    expect(text.locator(f"a[href='{FORM_URL}']")).to_have_text("Anmeldeformular")
    # The editor writes its content into the form a moment after each change.
    editor_page.wait_for_function(
        "() => [...document.querySelectorAll('input[type=hidden]')].some(i => i.value.includes('newTab'))"
    )
    with editor_page.expect_navigation():
        editor_page.get_by_role("button", name="Entwurf speichern").first.click()

    assert f'href="{FORM_URL}" target="_blank"' in saved_paragraph(article_with_text)
