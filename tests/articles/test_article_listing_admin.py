"""Editors reach the news in one click from the sidebar, newest first with date and category,
filter them by both, and start a new article from a labelled button."""

import datetime

import pytest
from django.urls import reverse

from articles.factories import ArticlePageFactory
from core.factories import CategoryFactory
from tests.admin_pages import (
    filter_options,
    get_soup,
    header_button,
    listing_headings,
    listing_rows,
    queries_to_open,
    sidebar_links,
)

pytestmark = pytest.mark.django_db

NEWS = "/admin/nachrichten/"
COLUMNS = ["Titel", "Datum", "Kategorie", "Aktualisiert", "Status"]


def titles(soup) -> list[str]:
    return [row["Titel"] for row in listing_rows(soup)]


def add_form_url(site_tree) -> str:
    return reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])


def test_the_sidebar_leads_to_the_news_in_one_click(site_tree, editor_client):
    assert sidebar_links(get_soup(editor_client, "/admin/"))["Nachrichten"] == NEWS


def test_the_news_list_shows_date_and_category_newest_first(site_tree, editor_client):
    press = CategoryFactory(name="Pressemitteilung")
    ArticlePageFactory(
        parent=site_tree.articles, title="Auftakt", date=datetime.date(2022, 2, 11), category=press
    )
    ArticlePageFactory(parent=site_tree.articles, title="Rückblick", date=datetime.date(2022, 3, 8))

    soup = get_soup(editor_client, NEWS)

    assert listing_headings(soup) == COLUMNS
    assert [(row["Titel"], row["Datum"], row["Kategorie"]) for row in listing_rows(soup)] == [
        ("Rückblick", "08.03.2022", ""),
        ("Auftakt", "11.02.2022", "Pressemitteilung"),
    ]


def test_the_news_list_filters_by_category(site_tree, editor_client):
    press, review = CategoryFactory(name="Pressemitteilung"), CategoryFactory(name="Rückblick")
    ArticlePageFactory(parent=site_tree.articles, title="Auftakt", category=press)
    ArticlePageFactory(parent=site_tree.articles, title="Nachlese", category=review)

    assert filter_options(get_soup(editor_client, NEWS), "Kategorie") == ["Pressemitteilung", "Rückblick"]
    assert titles(get_soup(editor_client, f"{NEWS}?category={press.pk}")) == ["Auftakt"]


def test_the_news_list_filters_by_date(site_tree, editor_client):
    ArticlePageFactory(parent=site_tree.articles, title="Februar", date=datetime.date(2022, 2, 11))
    ArticlePageFactory(parent=site_tree.articles, title="März", date=datetime.date(2022, 3, 8))

    soup = get_soup(editor_client, f"{NEWS}?date_from=2022-03-01&date_to=2022-03-31")

    assert titles(soup) == ["März"]


def test_a_search_in_the_news_keeps_the_filters_and_any_sorting(site_tree, editor_client):
    press = CategoryFactory(name="Pressemitteilung")
    ArticlePageFactory(parent=site_tree.articles, title="Auftakt", category=press)
    ArticlePageFactory(parent=site_tree.articles, title="Auftakt ohne Kategorie")
    ArticlePageFactory(parent=site_tree.articles, title="Rückblick", category=press)

    soup = get_soup(editor_client, f"{NEWS}?q=Auftakt&category={press.pk}&ordering=category__name")

    assert titles(soup) == ["Auftakt"]


def test_the_news_section_in_the_page_tree_shows_the_same_columns_newest_first(site_tree, editor_client):
    ArticlePageFactory(parent=site_tree.articles, title="Auftakt", date=datetime.date(2022, 2, 11))
    ArticlePageFactory(parent=site_tree.articles, title="Rückblick", date=datetime.date(2022, 3, 8))

    soup = get_soup(editor_client, reverse("wagtailadmin_explore", args=[site_tree.articles.pk]))

    assert listing_headings(soup) == COLUMNS
    assert titles(soup) == ["Rückblick", "Auftakt"]


@pytest.mark.parametrize("where", ["news list", "page tree"])
def test_new_article_opens_the_add_form_under_the_news_section(site_tree, editor_client, where):
    url = NEWS if where == "news list" else reverse("wagtailadmin_explore", args=[site_tree.articles.pk])
    button = header_button(get_soup(editor_client, url), "Neue Nachricht")

    response = editor_client.get(button["href"], follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == add_form_url(site_tree)


# As a member of "Freigabe": for "Redaktion", who may not publish, Wagtail checks every row's
# delete button for live pages (PagePermissionTester.can_delete), two queries a row in any of
# its page listings, its own page tree included.
def test_the_news_list_costs_the_same_queries_for_two_or_eight_articles(site_tree, approver_client):
    def add_articles(count):
        for _ in range(count):
            ArticlePageFactory(parent=site_tree.articles, category=CategoryFactory())

    add_articles(2)
    with_two = queries_to_open(approver_client, NEWS)
    add_articles(6)

    assert queries_to_open(approver_client, NEWS) == with_two
