"""The review from the writer's submission to the approver's decision, as both read it: the
confirmation on screen after each step and the notification e-mails, in one vocabulary
("Zur Freigabe einreichen", "Freigeben und veröffentlichen", "Änderungen anfordern",
"Veröffentlichung geplant"), with links to the admin and the site at their configured
addresses."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.editorial.setup import APPROVERS, WRITERS
from home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

TITLE = "Erklärung zur Barrierefreiheit"


def member(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="x", first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def writer(django_user_model):
    return member(django_user_model, WRITERS, "schreiberin")


@pytest.fixture
def approver(django_user_model):
    return member(django_user_model, APPROVERS, "freigeberin")


@pytest.fixture
def page(site_tree, writer):
    return ContentPageFactory(
        parent=site_tree.home, title=TITLE, slug="barrierefreiheit", live=False, owner=writer
    )


def edit(client, page, **fields):
    """Posts the page editor's form as the browser does, with one of its buttons, and follows
    the browser to the screen it is sent to."""
    data = nested_form_data(
        {"title": TITLE, "slug": "barrierefreiheit", "body": streamfield([]), "comments": inline_formset([])}
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**data, **fields}, follow=True)


def screen_messages(response) -> list[str]:
    """The confirmations at the top of the screen, without the buttons beside them."""
    soup = BeautifulSoup(response.content, "html.parser")
    for buttons in soup.select(".messages .buttons"):
        buttons.decompose()
    return [message.get_text(" ", strip=True) for message in soup.select(".messages li")]


@pytest.fixture
def submitted(client, page, writer, approver, mailoutbox):
    client.force_login(writer)
    return edit(client, page, **{"action-submit": "1"})


def review(client, page, approver, action, extra_data=None, **fields):
    """The approver's button in the editor; `extra_data` is what its dialog asks for."""
    client.force_login(approver)
    return edit(
        client,
        page,
        **{
            "action-workflow-action": "1",
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps(extra_data or {}),
            **fields,
        },
    )


def test_the_writer_reads_that_the_page_was_submitted(submitted):
    assert screen_messages(submitted) == [f"Die Seite ‚{TITLE}‘ wurde zur Freigabe eingereicht."]


def test_approvers_are_mailed_a_submitted_page_with_links_into_the_admin(
    submitted, page, approver, settings, mailoutbox
):
    [message] = [message for message in mailoutbox if message.to == [approver.email]]

    assert message.subject == f"Die Seite „{TITLE}“ wurde zur Freigabe eingereicht"
    admin = settings.WAGTAILADMIN_BASE_URL
    assert f"{admin}{reverse('wagtailadmin_pages:edit', args=[page.pk])}" in message.body
    task = page.get_workflow().workflow_tasks.get().task
    assert f"{admin}{reverse('wagtailadmin_pages:workflow_preview', args=[page.pk, task.pk])}" in message.body
    assert "Moderation" not in message.body
    assert message.from_email == settings.DEFAULT_FROM_EMAIL == "Smart City CMS <cms@localhost>"


def test_approving_in_the_editor_says_the_page_is_published(client, submitted, page, approver):
    response = review(client, page, approver, "approve")

    assert screen_messages(response) == [f"Die Seite ‚{TITLE}‘ wurde freigegeben und veröffentlicht."]
    page.refresh_from_db()
    assert page.live


def test_the_writer_is_mailed_the_approval_with_the_pages_address_on_the_site(
    client, submitted, page, approver, writer, mailoutbox
):
    review(client, page, approver, "approve")

    [message] = [message for message in mailoutbox if message.to == [writer.email]]
    assert message.subject == f"Die Seite „{TITLE}“ wurde freigegeben"
    page.refresh_from_db()
    assert page.full_url == "http://localhost/barrierefreiheit/"
    assert page.full_url in message.body


def test_requesting_changes_tells_the_approver_and_mails_the_writer_the_comment(
    client, submitted, page, approver, writer, mailoutbox
):
    response = review(client, page, approver, "reject", {"comment": "Bitte die Kontaktadresse ergänzen."})

    assert screen_messages(response) == [f"Für die Seite ‚{TITLE}‘ wurden Änderungen angefordert."]
    [message] = [message for message in mailoutbox if message.to == [writer.email]]
    assert message.subject == f"Für die Seite „{TITLE}“ wurden Änderungen angefordert"
    assert "Bitte die Kontaktadresse ergänzen." in message.body
    page.refresh_from_db()
    assert not page.live


GO_LIVE = timezone.localtime() + datetime.timedelta(days=2)
SCHEDULE = {"go_live_at": GO_LIVE.strftime("%Y-%m-%d %H:%M")}


@pytest.fixture
def submitted_with_a_schedule(client, page, writer, approver):
    client.force_login(writer)
    edit(client, page, **{"action-submit": "1"}, **SCHEDULE)


def test_the_approval_of_a_page_with_a_later_go_live_date_is_labelled_as_scheduling(
    client, submitted_with_a_schedule, page, approver
):
    client.force_login(approver)

    soup = BeautifulSoup(
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content, "html.parser"
    )

    buttons = [button.get_text(" ", strip=True) for button in soup.select("footer button")]
    assert "Freigeben und Veröffentlichung planen" in buttons
    assert "Mit Kommentar freigeben und Veröffentlichung planen" in buttons
    assert "Freigeben und veröffentlichen" not in buttons


def test_approving_a_page_with_a_later_go_live_date_says_when_it_goes_online(
    client, submitted_with_a_schedule, page, approver
):
    # The editor's form sends the date back with the approval, as a browser does.
    response = review(client, page, approver, "approve", **SCHEDULE)

    assert screen_messages(response) == [
        f"Die Seite ‚{TITLE}‘ wurde freigegeben. Veröffentlichung geplant für den "
        f"{GO_LIVE:%d.%m.%Y um %H:%M} Uhr."
    ]
