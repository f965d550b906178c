"""The page form explains the "Kurztitel" as the page's address, and when that address is
taken, names the page that holds it (often a draft saved on its own and then forgotten)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.factories import ArticlePageFactory
from articles.models import ArticlePage
from tests.admin_forms import article_form_data

pytestmark = pytest.mark.django_db


def add_article(client, site_tree, **data):
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])
    return client.post(url, article_form_data(**data))


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
