"""The page form explains the "Kurztitel" as the page's address, and when that address is
taken, names the page that holds it (often a draft saved on its own and then forgotten).
When autosave stops at an error, its message names the field (core.editorial.page_views)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db


def add_article(client, site_tree, **data):
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])
    return client.post(url, article_form_data(**data))


def autosave(client, url, data) -> dict:
    """What the editor's autosave receives when it posts the form in the background."""
    response = client.post(url, data, headers={"accept": "application/json"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_the_slug_is_explained_as_the_pages_address(editor_client, site_tree):
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])

    html = editor_client.get(url).content.decode()

    assert "Der letzte Teil der Adresse dieser Seite: /aktuelles/&lt;kurztitel&gt;/." in html


def test_an_address_held_by_a_forgotten_draft_names_and_links_that_draft(editor_client, site_tree):
    draft = ArticlePageFactory(
        parent=site_tree.articles, title="Live-Auftakt (alter Entwurf)", slug="live-auftakt", live=False
    )
    draft.save_revision()

    response = add_article(editor_client, site_tree, slug="live-auftakt")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    [link] = soup.find_all("a", href=edit_url, string="Diese Seite öffnen")
    text = " ".join(link.find_parent().get_text(" ").split())
    assert "„Live-Auftakt (alter Entwurf)“" in text
    assert "Entwurf, nie veröffentlicht" in text
    assert "zuletzt bearbeitet am" in text


def test_a_published_holder_is_called_published(editor_client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Live-Auftakt", slug="live-auftakt")

    response = add_article(editor_client, site_tree, slug="live-auftakt")

    assert "(veröffentlicht" in response.content.decode()


def test_a_free_address_saves_the_page(editor_client, site_tree):
    response = add_article(editor_client, site_tree, slug="live-auftakt")

    assert response.status_code == 302
    assert ArticlePage.objects.child_of(site_tree.articles).filter(slug="live-auftakt").exists()


def test_editing_a_page_does_not_collide_with_itself(editor_client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, slug="live-auftakt")
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])

    response = editor_client.post(url, article_form_data(slug="live-auftakt"))

    assert response.status_code == 302


def test_autosave_names_the_field_it_stops_at(editor_client, site_tree):
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])

    answer = autosave(editor_client, url, article_form_data(title=""))

    assert answer["error_code"] == "validation_error"
    assert answer["error_message"] == "Nicht gespeichert. „Titel“: Dieses Feld muss ausgefüllt werden."


def test_autosave_names_a_taken_address_without_markup(editor_client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Live-Auftakt", slug="live-auftakt")
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])

    message = autosave(editor_client, url, article_form_data(slug="live-auftakt"))["error_message"]

    assert message.startswith("Nicht gespeichert. „Kurztitel“: ")
    assert "„Live-Auftakt“" in message
    assert "<" not in message


def test_autosave_names_the_block_error_inside_the_body(editor_client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    # A draft may leave a block's required text empty; a heading beyond its length is an error.
    heading = {"text": "Sehr lange Überschrift " * 6, "level": "h2"}
    body = streamfield([("paragraph", rich_text("<p>Text</p>")), ("heading", heading)])

    message = autosave(editor_client, url, article_form_data(body=body))["error_message"]

    assert message.startswith(
        "Nicht gespeichert. „Inhalt“: Bitte sicherstellen, dass der Wert aus höchstens 120 Zeichen besteht."
    )


def test_autosave_counts_the_fields_it_does_not_name(editor_client, site_tree):
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])

    body = streamfield([("heading", {"text": "Sehr lange Überschrift " * 6, "level": "h2"})])

    message = autosave(editor_client, url, article_form_data(title="", date="32.13.2022", body=body))[
        "error_message"
    ]

    assert message.startswith("Nicht gespeichert. „Titel“: Dieses Feld muss ausgefüllt werden. „Datum“: ")
    assert message.endswith(" Dazu ein weiteres Feld.")


def test_an_empty_address_is_formed_from_the_title(editor_client, site_tree):
    # As when Ctrl+S comes before the editor's script has filled the field from the title.
    response = add_article(editor_client, site_tree, title="Live-Auftakt am 7. März", slug="")

    assert response.status_code == 302
    assert ArticlePage.objects.get(title="Live-Auftakt am 7. März").slug == "live-auftakt-am-7-märz"


def test_an_address_formed_from_the_title_steps_around_a_forgotten_draft(editor_client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Live-Auftakt", slug="live-auftakt", live=False)

    response = add_article(editor_client, site_tree, title="Live-Auftakt", slug="")

    assert response.status_code == 302
    assert ArticlePage.objects.child_of(site_tree.articles).filter(slug="live-auftakt-2").exists()
