"""An event's form shows the news that announce it, with links to edit them, starts a new
article with the event already among its related events, and links an existing article by
opening its form with the event added: one relation, seen from both sides."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset

from articles.factories import ArticlePageFactory
from articles.models import ArticleEventLink, ArticlePage
from events.factories import EventPageFactory
from tests.admin_forms import article_form_data
from tests.admin_pages import get_soup, panel, queries_to_open
from tests.html import get_html

pytestmark = pytest.mark.django_db

NEWS_PANEL = "Nachrichten zu dieser Veranstaltung"
NEW_ARTICLE = "Nachricht zu dieser Veranstaltung anlegen"
LINK_ARTICLE = "Bestehende Nachricht verknüpfen"


@pytest.fixture
def kickoff(site_tree):
    return EventPageFactory(parent=site_tree.events, title="Live-Auftakt")


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def news_panel(client, event):
    return panel(get_soup(client, edit_url(event)), NEWS_PANEL)


def panel_link(client, event, text) -> str:
    [link] = [link for link in news_panel(client, event).find_all("a") if link.get_text(strip=True) == text]
    return link["href"]


def new_article_link(client, event) -> str:
    return panel_link(client, event, NEW_ARTICLE)


def articles_to_link(client, event, query=""):
    """{title: link action} of the list behind "Bestehende Nachricht verknüpfen"."""
    soup = get_soup(client, panel_link(client, event, LINK_ARTICLE) + query)
    return {row.td.get_text(strip=True): row.form["action"] for row in soup.select("tbody tr")}


def test_the_event_form_lists_the_news_that_name_the_event(site_tree, kickoff, editor_client):
    announcement = ArticlePageFactory(parent=site_tree.articles, title="Save the Date")
    ArticleEventLink.objects.create(article=announcement, event=kickoff)
    ArticlePageFactory(parent=site_tree.articles, title="Andere Nachricht")

    news = news_panel(editor_client, kickoff).select("li")

    assert [item.a.get_text(strip=True) for item in news] == ["Save the Date"]
    assert news[0].a["href"] == edit_url(announcement)
    assert announcement.date.strftime("%d.%m.%Y") in news[0].get_text()


def test_the_event_form_says_when_no_news_names_the_event(kickoff, editor_client):
    text = news_panel(editor_client, kickoff).get_text(" ", strip=True)

    assert "Noch keine Nachricht nennt diese Veranstaltung" in text


def test_a_new_event_form_offers_news_once_the_event_is_saved(site_tree, editor_client):
    add_url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", site_tree.events.pk])

    news = panel(get_soup(editor_client, add_url), NEWS_PANEL)

    assert "Sobald die Veranstaltung gespeichert ist" in news.get_text()
    assert news.find("a", string=NEW_ARTICLE) is None


def test_a_new_article_from_the_event_opens_under_the_news_with_the_event_filled_in(
    site_tree, kickoff, editor_client
):
    soup = get_soup(editor_client, new_article_link(editor_client, kickoff))

    assert soup.find("input", attrs={"name": "related_events-0-event"})["value"] == str(kickoff.pk)
    chosen = soup.find(id="id_related_events-0-event-title").get_text(strip=True)
    assert chosen == "Live-Auftakt (07.03.2022, 17:00)"
    add_url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])
    assert soup.find("form", attrs={"action": lambda action: action and action.startswith(add_url)})


@pytest.mark.parametrize("event_id", ["abc", "999999", "99999999999999999999", "²"])
def test_an_unknown_event_leaves_the_article_form_empty(site_tree, editor_client, event_id):
    add_url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", site_tree.articles.pk])

    soup = get_soup(editor_client, f"{add_url}?event={event_id}")

    assert soup.find("input", attrs={"name": "related_events-0-event"}) is None


def test_the_article_published_from_the_event_shows_on_both_sides(
    site_tree, kickoff, approver_client, client
):
    # What the browser posts back: the event the form opened with, as the formset's first form.
    data = article_form_data(related_events=inline_formset([{"id": "", "event": kickoff.pk}], initial=1))

    response = approver_client.post(
        new_article_link(approver_client, kickoff), {**data, "action-publish": "action-publish"}
    )

    assert response.status_code == 302
    assert response["Location"] == edit_url(kickoff)
    article = ArticlePage.objects.get(slug="live-auftakt")
    assert article.live
    assert [item.a.get_text(strip=True) for item in news_panel(approver_client, kickoff).select("li")] == [
        article.title
    ]
    assert [link["id"] for link in client.get(f"/api/v2/pages/{article.pk}/").json()["related_events"]] == [
        kickoff.pk
    ]
    related = get_html(client, article).find(
        "section", attrs={"aria-labelledby": "verwandte-veranstaltungen"}
    )
    assert related.h3.a.get_text(strip=True) == "Live-Auftakt"


def test_the_editor_may_remove_the_filled_in_event_before_saving(site_tree, kickoff, editor_client):
    data = article_form_data(
        related_events=inline_formset([{"id": "", "event": kickoff.pk, "DELETE": "1"}], initial=1)
    )

    response = editor_client.post(new_article_link(editor_client, kickoff), data)

    assert response.status_code == 302
    assert not ArticlePage.objects.get(slug="live-auftakt").related_events.exists()


def test_the_event_form_lists_the_articles_that_may_still_announce_it(site_tree, kickoff, editor_client):
    named = ArticlePageFactory(parent=site_tree.articles, title="Save the Date")
    ArticleEventLink.objects.create(article=named, event=kickoff)
    ArticlePageFactory(parent=site_tree.articles, title="Rückblick Auftakt")
    ArticlePageFactory(parent=site_tree.articles, title="Neue Sensoren", live=False)

    assert set(articles_to_link(editor_client, kickoff)) == {"Rückblick Auftakt", "Neue Sensoren"}
    assert set(articles_to_link(editor_client, kickoff, "?q=sensor")) == {"Neue Sensoren"}


def test_linking_a_published_article_saves_a_draft_with_the_event_added(
    site_tree, kickoff, editor_client, client
):
    other_event = EventPageFactory(parent=site_tree.events, title="Workshop")
    article = ArticlePageFactory(parent=site_tree.articles, title="Rückblick Auftakt")
    ArticleEventLink.objects.create(article=article, event=other_event)

    response = editor_client.post(articles_to_link(editor_client, kickoff)["Rückblick Auftakt"], follow=True)

    assert (
        response.redirect_chain[-1][0] == f"{edit_url(article)}?next={edit_url(kickoff).replace('/', '%2F')}"
    )
    assert "„Live-Auftakt“ steht jetzt unter „Verwandte Veranstaltungen“" in response.content.decode()
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [link.event_id for link in draft.related_events.all()] == [other_event.pk, kickoff.pk]
    assert draft.get_latest_revision().user.username == "redaktion"
    # The published article is unchanged until the draft is published.
    assert [link["id"] for link in client.get(f"/api/v2/pages/{article.pk}/").json()["related_events"]] == [
        other_event.pk
    ]


def test_a_linked_draft_article_lists_under_the_event(site_tree, kickoff, editor_client):
    article = ArticlePageFactory(parent=site_tree.articles, title="Neue Sensoren", live=False)

    editor_client.post(articles_to_link(editor_client, kickoff)["Neue Sensoren"])

    assert [item.a.get_text(strip=True) for item in news_panel(editor_client, kickoff).select("li")] == [
        "Neue Sensoren"
    ]
    assert ArticlePage.objects.get(pk=article.pk).has_unpublished_changes


def test_linking_twice_adds_the_event_once(site_tree, kickoff, editor_client):
    article = ArticlePageFactory(parent=site_tree.articles, title="Rückblick Auftakt")
    url = reverse("articles_link_article_to_event", args=[kickoff.pk, article.pk])

    editor_client.post(url)
    editor_client.post(url)

    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [link.event_id for link in draft.related_events.all()] == [kickoff.pk]


def test_the_published_link_shows_on_both_sides(site_tree, kickoff, approver_client, client):
    article = ArticlePageFactory(parent=site_tree.articles, title="Rückblick Auftakt")
    approver_client.post(articles_to_link(approver_client, kickoff)["Rückblick Auftakt"])

    ArticlePage.objects.get(pk=article.pk).get_latest_revision().publish()

    assert [item.a.get_text(strip=True) for item in news_panel(approver_client, kickoff).select("li")] == [
        "Rückblick Auftakt"
    ]
    assert [link["id"] for link in client.get(f"/api/v2/pages/{article.pk}/").json()["related_events"]] == [
        kickoff.pk
    ]


def test_linking_is_a_post(site_tree, kickoff, editor_client):
    article = ArticlePageFactory(parent=site_tree.articles)

    response = editor_client.get(reverse("articles_link_article_to_event", args=[kickoff.pk, article.pk]))

    assert response.status_code == 405
    assert not ArticlePage.objects.get(pk=article.pk).has_unpublished_changes


def test_linking_an_unknown_event_is_not_found(editor_client):
    response = editor_client.get(reverse("articles_link_existing_article", args=[999999]))

    assert response.status_code == 404


def test_a_locked_article_is_not_linked(site_tree, kickoff, editor_client, approver):
    article = ArticlePageFactory(parent=site_tree.articles, title="Gesperrt")
    ArticlePage.objects.filter(pk=article.pk).update(locked=True, locked_by=approver)

    response = editor_client.post(
        reverse("articles_link_article_to_event", args=[kickoff.pk, article.pk]), follow=True
    )

    assert "„Gesperrt“ ist gesperrt" in response.content.decode()
    assert not ArticlePage.objects.get(pk=article.pk).has_unpublished_changes


def test_the_list_of_articles_to_link_costs_the_same_queries_for_one_or_six(
    site_tree, kickoff, editor_client
):
    url = reverse("articles_link_existing_article", args=[kickoff.pk])
    ArticlePageFactory(parent=site_tree.articles)
    queries_to_open(editor_client, url)  # fills per-process caches (content types, sites)
    one = queries_to_open(editor_client, url)
    for _ in range(5):
        ArticlePageFactory(parent=site_tree.articles)

    assert queries_to_open(editor_client, url) == one
