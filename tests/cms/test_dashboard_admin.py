"""The dashboard the team starts from: new content one click away, what waits for my approval,
the drafts, what goes live next and went live last, the coming events and the images that
lack a credit or alt text; each list short, linked into the admin, and in German when empty."""

import datetime
import itertools

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.factories import ArticlePageFactory
from events.factories import EventPageFactory, VenueFactory
from events.models import EventPage
from media.factories import ImageFactory
from tests.admin_pages import get_soup, panel, queries_to_open

pytestmark = pytest.mark.django_db

DASHBOARD = "/admin/"


def panel_rows(client, heading) -> list[list[str]]:
    """The rows of the dashboard's panel `heading`, as the text of their cells."""
    rows = panel(get_soup(client, DASHBOARD), heading).select("tbody tr")
    return [[cell.get_text(" ", strip=True) for cell in row.find_all("td")] for row in rows]


def panel_links(client, heading) -> dict[str, str]:
    rows = panel(get_soup(client, DASHBOARD), heading).select("tbody tr")
    return {row.td.a.get_text(strip=True): row.td.a["href"] for row in rows}


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def draft(site_tree, user, title):
    article = ArticlePageFactory(parent=site_tree.articles, title=title)
    article.save_revision(user=user)
    return article


def submit_for_review(site_tree, user, title):
    article = ArticlePageFactory(parent=site_tree.articles, title=title, live=False)
    article.save_revision(user=user)
    article.get_workflow().start(article, user)
    return article


def schedule(site_tree, user, title, go_live_at):
    article = ArticlePageFactory(parent=site_tree.articles, title=title, live=False)
    article.go_live_at = go_live_at
    article.save_revision(user=user).publish(user=user)
    return article


def publish(site_tree, user, title):
    article = ArticlePageFactory(parent=site_tree.articles, title=title, live=False)
    article.save_revision(user=user).publish(user=user)
    return article


def event_in(site_tree, days, **kwargs):
    return EventPageFactory(
        parent=site_tree.events, start=timezone.now() + datetime.timedelta(days=days), **kwargs
    )


@pytest.mark.parametrize(
    ("label", "app", "model", "section"),
    [
        ("Neue Nachricht", "articles", "articlepage", "articles"),
        ("Neue Veranstaltung", "events", "eventpage", "events"),
        ("Neues Projekt", "projects", "projectpage", "projects"),
    ],
)
def test_new_content_is_one_click_from_the_dashboard(site_tree, editor_client, label, app, model, section):
    new_content = panel(get_soup(editor_client, DASHBOARD), "Neu anlegen")
    [button] = [link for link in new_content.find_all("a") if link.get_text(strip=True) == label]

    response = editor_client.get(button["href"], follow=True)

    parent = getattr(site_tree, section)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_pages:add", args=[app, model, parent.pk])


@pytest.mark.parametrize(
    ("heading", "empty_text"),
    [
        ("Warten auf meine Freigabe", "Keine Seite wartet auf Ihre Freigabe."),
        ("Meine Entwürfe", "Sie haben keine unveröffentlichten Entwürfe."),
        ("Entwürfe im Team", "Im Team gibt es keine unveröffentlichten Entwürfe."),
        ("Geplante Veröffentlichungen", "Keine Veröffentlichung ist geplant."),
        ("Zuletzt veröffentlicht", "Noch ist keine Seite veröffentlicht."),
        (
            "Veranstaltungen der nächsten 14 Tage",
            "In den nächsten 14 Tagen finden keine Veranstaltungen statt.",
        ),
        (
            "Bilder ohne Bildnachweis oder Alternativtext",
            "Alle Bilder haben einen Bildnachweis und einen Alternativtext.",
        ),
    ],
)
def test_an_empty_list_says_so_in_german(site_tree, editor_client, heading, empty_text):
    assert panel(get_soup(editor_client, DASHBOARD), heading).p.get_text(strip=True) == empty_text


def test_my_drafts_are_mine_and_the_teams_are_the_others(site_tree, editor, approver, editor_client):
    mine = draft(site_tree, editor, "Mein Entwurf")
    theirs = draft(site_tree, approver, "Entwurf der Freigabe")
    ArticlePageFactory(parent=site_tree.articles, title="Ohne Änderungen")

    assert panel_links(editor_client, "Meine Entwürfe") == {"Mein Entwurf": edit_url(mine)}
    assert panel_links(editor_client, "Entwürfe im Team") == {"Entwurf der Freigabe": edit_url(theirs)}
    [row] = panel_rows(editor_client, "Entwürfe im Team")
    assert row[1] == "Ben Freigeber"


def test_a_page_submitted_for_review_waits_for_the_approver(
    site_tree, editor, editor_client, approver_client
):
    submitted = submit_for_review(site_tree, editor, "Bitte freigeben")

    assert panel_links(approver_client, "Warten auf meine Freigabe") == {
        "Bitte freigeben": edit_url(submitted)
    }
    [row] = panel_rows(approver_client, "Warten auf meine Freigabe")
    assert row[1] == "redaktion"
    assert panel_rows(editor_client, "Warten auf meine Freigabe") == []


def test_scheduled_publications_are_listed_soonest_first(site_tree, approver, editor_client):
    later = timezone.localtime() + datetime.timedelta(days=3)
    sooner = timezone.localtime() + datetime.timedelta(days=1)
    schedule(site_tree, approver, "Später", later)
    schedule(site_tree, approver, "Bald", sooner)
    draft(site_tree, approver, "Nur ein Entwurf")

    assert panel_rows(editor_client, "Geplante Veröffentlichungen") == [
        ["Bald", sooner.strftime("%d.%m.%Y, %H:%M")],
        ["Später", later.strftime("%d.%m.%Y, %H:%M")],
    ]


def test_recently_published_pages_are_listed_newest_first(site_tree, approver, editor_client):
    publish(site_tree, approver, "Erste Meldung")
    publish(site_tree, approver, "Zweite Meldung")

    assert list(panel_links(editor_client, "Zuletzt veröffentlicht")) == ["Zweite Meldung", "Erste Meldung"]


def test_the_events_of_the_next_14_days_are_listed_by_date(site_tree, editor_client):
    codeks = VenueFactory(name="codeks", city="Wuppertal")
    workshop = event_in(site_tree, 5, title="Datenwerkstatt", venue=codeks, status=EventPage.Status.CANCELLED)
    kickoff = event_in(site_tree, 2, title="Live-Auftakt")
    event_in(site_tree, 20, title="Zu weit weg")
    event_in(site_tree, -3, title="Vorbei")

    rows = panel_rows(editor_client, "Veranstaltungen der nächsten 14 Tage")

    assert [row[:4] for row in rows] == [
        ["Live-Auftakt", timezone.localtime(kickoff.start).strftime("%d.%m.%Y, %H:%M"), "", "Findet statt"],
        [
            "Datenwerkstatt",
            timezone.localtime(workshop.start).strftime("%d.%m.%Y, %H:%M"),
            "codeks, Wuppertal",
            "Abgesagt",
        ],
    ]


def test_images_lacking_credit_or_alt_text_are_listed_with_what_they_lack(site_tree, editor_client):
    ImageFactory(title="Vollständig")
    ImageFactory(title="Dekorativ ohne Alternativtext", description="", is_decorative=True)
    ImageFactory(title="Ohne Nachweis", credit_author="", credit_source="  ")
    ImageFactory(title="Ohne alles", credit_author="", credit_source="", description=" ")

    rows = panel_rows(editor_client, "Bilder ohne Bildnachweis oder Alternativtext")

    assert [row[:2] for row in rows] == [
        ["Ohne alles", "Bildnachweis, Alternativtext"],
        ["Ohne Nachweis", "Bildnachweis"],
    ]


def test_each_list_is_short(site_tree, editor, editor_client):
    for number in range(7):
        draft(site_tree, editor, f"Entwurf {number}")

    assert len(panel_rows(editor_client, "Meine Entwürfe")) == 5


def test_the_dashboard_costs_the_same_queries_for_two_or_five_rows_per_list(
    site_tree, editor, approver, approver_client
):
    numbers = itertools.count()

    def add_rows(count):
        for number in itertools.islice(numbers, count):
            draft(site_tree, approver, f"Eigener Entwurf {number}")
            draft(site_tree, editor, f"Entwurf im Team {number}")
            submit_for_review(site_tree, editor, f"Zur Freigabe {number}")
            schedule(site_tree, approver, f"Geplant {number}", timezone.now() + datetime.timedelta(days=2))
            publish(site_tree, approver, f"Veröffentlicht {number}")
            event_in(site_tree, 3, venue=VenueFactory())
            ImageFactory(credit_author="", credit_source="")

    add_rows(2)
    with_two = queries_to_open(approver_client, DASHBOARD)
    add_rows(3)

    assert queries_to_open(approver_client, DASHBOARD) == with_two
