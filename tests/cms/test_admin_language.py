"""The admin speaks one German to the editorial team.

A writer ("Redaktion") and an approver ("Freigabe") walk the screens they work with and
meet no English and none of the odd German of Wagtail's catalogue, which the project's
catalogue (locale/de/LC_MESSAGES/django.po) and template overrides (core/templates/wagtailadmin/)
correct; the review steps use one vocabulary.
"""

import datetime
import importlib
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from articles.factories import ArticlePageFactory
from core.editorial.setup import APPROVERS, WRITERS
from core.factories import CategoryFactory, OrganisationFactory, PersonFactory, ThemeFactory
from events.factories import EventPageFactory, VenueFactory
from home.factories import ContentPageFactory
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory
from tests.media.images import png_bytes

pytestmark = pytest.mark.django_db

# What must not reach an editor, each as a regular expression over what a person meets on a
# screen. Case matters: "Update" is English, "Updates" could be German.
FORBIDDEN = {
    # English left untranslated by Wagtail's catalogue or hard-coded in its templates.
    r"\bUpdate\b": "the multiple upload's button",
    r"\bGo-[Ll]ive\b": "the schedule in the status panel",
    r"\bLocale\b": "the account settings' language panel",
    r"\bSearch\b": "the search forms' submit buttons (read by screen readers)",
    r"\bActions\b": "the header's action menu (aria-label)",
    r"\bBreadcrumbs?\b": "the breadcrumb navigation (aria-label)",
    r"\bHome\b": "the breadcrumbs' first item",
    r"\bRoot\b": "the top of the page tree and of the collections",
    r"\bNone\b": "empty values printed by Python",
    r"\bago\b": "times such as '3 minutes ago'",
    r"\b(Editors|Moderators)\b": "Wagtail's default groups",
    r"\b(the|and|of|to|your|you|this|is|are|has|been|with)\b": "an English sentence",
    # Wagtail's German that reads oddly or uses another word for the review.
    r"\w-Objekt": "a model name glued to 'Objekt' ('seite-Objekt', 'Kategorie-Objekt')",
    r"Seite auswählen\s+Seite": "the page chooser's heading",
    r"Max Dimensionen": "the image's size limit",
    r"domain\.com": "the slug's help text",
    r"[Mm]oderat": "'Moderation' for the review",
    r"[Gg]enehmig": "'genehmigen' for approving",
    r"Reviewer|Gutachter": "'Reviewer' for approvers",
    r"[Ff]reigeschaltet|Freischaltung|Zugelassen|Zurückgewiesen": "other words for the review",
    r"Überprüfung (steht aus|erwartet)": "'Überprüfung' for the review",
    r"Benachrichtung|Benachichtigung|veröffentlich vor|Dateigrösse|Eigner": "typos",
}

# Attributes a screen reader reads out, or that show as a tooltip.
READ_ATTRIBUTES = ["aria-label", "title", "alt", "placeholder", "data-w-tooltip-content-value"]


def what_a_person_meets(html: str) -> str:
    """The text of a screen, including closed menus, dialogs and <template>s that scripts show,
    and what screen readers read besides: labels, titles, alt texts and button values."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style"]):
        element.decompose()
    parts = [soup.get_text("\n", strip=True)]
    for element in soup.find_all(True):
        parts += [element[name] for name in READ_ATTRIBUTES if element.get(name)]
        if element.name == "input" and element.get("type") in ("submit", "button"):
            parts.append(element.get("value", ""))
    return "\n".join(parts)


def findings(screen: str, text: str) -> list[str]:
    found = []
    for pattern, where in FORBIDDEN.items():
        for match in re.finditer(pattern, text):
            line = text[: match.start()].rsplit("\n", 1)[-1] + text[match.start() :].split("\n", 1)[0]
            found.append(f"{screen}: {match.group()!r} ({where}) in {line.strip()!r}")
    return found


def html_of(response) -> str:
    """The HTML of a screen, also when it comes as JSON (modals, choosers, uploads)."""
    if response["Content-Type"].startswith("application/json"):
        data = json.loads(response.content)
        return data.get("html") or data.get("form", "")
    return response.content.decode()


def member(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="x", first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def people(django_user_model):
    return {
        "writer": member(django_user_model, WRITERS, "schreiberin"),
        "approver": member(django_user_model, APPROVERS, "freigeberin"),
    }


@pytest.fixture
def content(site_tree, people):
    """A page of every type, one of them in review and one scheduled, and an entry in every
    directory and in the media library."""
    image = ImageFactory(title="Stadtansicht")
    document = get_document_model().objects.create(
        title="Förderbescheid", file=ContentFile(b"%PDF-1.4 Beispiel", name="foerderbescheid.pdf")
    )
    in_review = ArticlePageFactory(parent=site_tree.articles, title="Entwurf zur Freigabe", live=False)
    in_review.save_revision(user=people["writer"])
    in_review.get_workflow().start(in_review, people["writer"])
    scheduled = ArticlePageFactory(parent=site_tree.articles, title="Geplante Nachricht", live=False)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
    scheduled.save_revision(user=people["approver"]).publish(user=people["approver"])
    return {
        "tree": site_tree,
        "in_review": in_review,
        "scheduled": scheduled,
        "article": ArticlePageFactory(parent=site_tree.articles, title="Live-Auftakt"),
        "event": EventPageFactory(parent=site_tree.events, title="Bürgerdialog", venue=VenueFactory()),
        "project": ProjectPageFactory(parent=site_tree.projects, title="Klimasensoren"),
        "content_page": ContentPageFactory(parent=site_tree.home, title="Impressum"),
        "image": image,
        "document": document,
        "snippets": {
            "cms_category": CategoryFactory(),
            "cms_theme": ThemeFactory(),
            "cms_organisation": OrganisationFactory(),
            "cms_person": PersonFactory(),
            "events_venue": VenueFactory(),
        },
    }


def screens(content) -> list[str]:
    """The screens both roles work with."""
    tree = content["tree"]
    pages = [tree.home, tree.articles, tree.events, tree.projects]
    pages += [
        content[name] for name in ("in_review", "scheduled", "article", "event", "project", "content_page")
    ]
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore_root"),
        reverse("wagtailadmin_explore", args=[tree.articles.pk]),
        reverse("wagtailadmin_pages:search") + "?q=Nachricht",
        reverse("wagtailadmin_choose_page"),
        reverse("wagtailadmin_choose_page") + "?page_type=events.eventpage",
        reverse("wagtailadmin_account"),
        reverse("wagtailimages:index"),
        reverse("wagtailimages:add_multiple"),
        reverse("wagtailimages:edit", args=[content["image"].pk]),
        reverse("wagtailimages_chooser:choose"),
        reverse("wagtaildocs:index"),
        reverse("wagtaildocs:add_multiple"),
        reverse("wagtaildocs:edit", args=[content["document"].pk]),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_pages:workflow_history", args=[content["in_review"].pk]),
        reverse("wagtailadmin_pages:history", args=[content["in_review"].pk]),
        reverse("articles_link_existing_article", args=[content["event"].pk]),
    ]
    for page in pages:
        urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        urls += [
            reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, page.pk])
            for model in page.specific_class.creatable_subpage_models()
            if model.can_create_at(page)
        ]
    for name, entry in content["snippets"].items():
        urls += [
            reverse(f"wagtailsnippets_{name}:list"),
            reverse(f"wagtailsnippets_{name}:add"),
            reverse(f"wagtailsnippets_{name}:edit", args=[entry.pk]),
        ]
    return urls


def approver_screens(content) -> list[str]:
    """The review's own screens: the dialogs of "Änderungen anfordern" and "Mit Kommentar
    freigeben", and the locked pages."""
    page = content["in_review"]
    task_state = page.current_workflow_task_state
    return [
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        for action in ("reject", "approve")
    ] + [reverse("wagtailadmin_reports:locked_pages")]


def walk(client, urls) -> list[str]:
    found = []
    for url in urls:
        response = client.get(url, headers={"x-requested-with": "XMLHttpRequest"})
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        found += findings(url, what_a_person_meets(html_of(response)))
    return found


def test_a_writer_meets_no_english_and_no_odd_german(client, content, people):
    client.force_login(people["writer"])

    assert walk(client, screens(content)) == []


def test_an_approver_meets_no_english_and_no_odd_german(client, content, people):
    client.force_login(people["approver"])

    assert walk(client, screens(content) + approver_screens(content)) == []


def test_the_multiple_upload_offers_to_update_in_german(client, site_tree, people):
    client.force_login(people["writer"])

    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("auftakt.png", png_bytes(), content_type="image/png")},
    )

    text = what_a_person_meets(response.json()["form"])
    assert "Aktualisieren" in text
    assert findings("multiple upload form", text) == []


def edit_screen(client, page) -> str:
    return what_a_person_meets(
        client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    )


def test_the_writer_submits_for_review_and_reads_that_the_page_waits(client, content, people):
    client.force_login(people["writer"])

    assert "Zur Freigabe einreichen" in edit_screen(client, content["article"])
    assert "Wartet auf Freigabe." in edit_screen(client, content["in_review"])


def test_the_approver_approves_and_publishes_or_requests_changes(client, content, people):
    client.force_login(people["approver"])

    text = edit_screen(client, content["in_review"])

    assert "Freigeben und veröffentlichen" in text
    assert "Änderungen anfordern" in text


def test_a_scheduled_page_says_so(client, content, people):
    client.force_login(people["approver"])
    listing = client.get(reverse("wagtailadmin_explore", args=[content["tree"].articles.pk]))

    assert "Veröffentlichung geplant" in what_a_person_meets(listing.content.decode())
    assert "Veröffentlicht ab:" in edit_screen(client, content["scheduled"])


def test_a_draft_with_a_go_live_date_offers_to_schedule_its_publication(client, site_tree, people):
    draft = ArticlePageFactory(
        parent=site_tree.articles, live=False, go_live_at=timezone.now() + datetime.timedelta(days=3)
    )
    client.force_login(people["approver"])

    assert "Veröffentlichung planen" in edit_screen(client, draft)


def test_the_account_settings_offer_no_time_zone(client, people):
    client.force_login(people["writer"])

    text = what_a_person_meets(client.get(reverse("wagtailadmin_account")).content.decode())

    assert "Zeitzone" not in text


def test_an_editor_who_chose_another_time_zone_gets_berlins_again(people):
    profile = UserProfile.get_for_user(people["writer"])
    profile.current_time_zone = "America/New_York"
    profile.save()
    migration = importlib.import_module("core.migrations.0005_admin_time_zone_for_everyone")

    migration.use_the_sites_time_zone(apps, schema_editor=None)

    profile.refresh_from_db()
    assert profile.get_current_time_zone() == "Europe/Berlin"
