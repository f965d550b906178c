"""`manage.py load_demo_content`: one run builds the whole demo site, a second run changes nothing.

The command takes seconds, so the tests in `TestDemoSite` share one pair of runs, made
inside a transaction that is rolled back when the class is done; each test still runs
in its own savepoint, so what one test changes never reaches the next.
"""

import datetime
import io
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.html import escape
from taggit.models import Tag
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, Site

from accessibility.models import AccessibilityStatementPage, EasyLanguagePage, SignLanguagePage
from alerts.models import Alert, InfoScreen
from articles.models import ArticleEventLink, ArticlePage, ArticleProjectLink
from core.models import Category, Organisation, Person, Theme
from events.models import EventDate, EventPage, Venue
from home.factories import ContentPageFactory
from home.models import ContentPage
from media.models import CustomImage, CustomRendition
from projects.models import ProjectFunder, ProjectGoal, ProjectMilestone, ProjectPage

BERLIN = ZoneInfo("Europe/Berlin")
STREAM_URL = "https://www.wuppertal.de/smart-city"
PLACEHOLDER_TITLE = "Welcome to your new Wagtail site!"
COUNTED_MODELS = [
    Page,
    Revision,
    PageLogEntry,
    ReferenceIndex,
    CustomImage,
    CustomRendition,
    Category,
    Theme,
    Organisation,
    Person,
    Venue,
    Site,
    Tag,
    EventDate,
    ProjectGoal,
    ProjectMilestone,
    ProjectFunder,
    ArticleEventLink,
    ArticleProjectLink,
]
MENU_SLUGS = {"aktuelles", "veranstaltungen", "projekte", "ueber-das-projekt"}


def load_demo_content() -> str:
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    return output.getvalue()


def counts(media_root: Path) -> dict[str, int]:
    result = {model.__name__: model.objects.count() for model in COUNTED_MODELS}
    result["files"] = sum(1 for path in media_root.rglob("*") if path.is_file())
    return result


def seed_article() -> ArticlePage:
    return ArticlePage.objects.get(slug="live-auftakt-von-smart-wuppertal")


def model_project() -> ProjectPage:
    return ProjectPage.objects.get(slug="modellprojekt-smart-city-wuppertal")


@pytest.fixture(scope="module")
def media_root(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_root(settings, media_root):
    """Replaces the conftest fixture: images loaded once per class must stay readable in every test."""
    settings.MEDIA_ROOT = media_root


@dataclass
class DemoRuns:
    first_output: str
    second_output: str
    counts_after_first: dict
    counts_after_second: dict


@pytest.fixture(scope="class")
def demo_runs(django_db_setup, django_db_blocker, media_root):
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root), transaction.atomic():
        first_output = load_demo_content()
        counts_after_first = counts(media_root)
        second_output = load_demo_content()
        yield DemoRuns(first_output, second_output, counts_after_first, counts(media_root))
        transaction.set_rollback(True)
    # Wagtail caches the sites' root paths; none of the rolled-back pages may linger there.
    cache.clear()


@pytest.mark.usefixtures("demo_runs", "db")
class TestDemoSite:
    def test_a_second_run_creates_nothing(self, demo_runs):
        assert demo_runs.counts_after_first["Page"] > 20
        assert demo_runs.counts_after_second == demo_runs.counts_after_first

    def test_the_first_run_reports_what_it_created(self, demo_runs):
        assert "26 pages" in demo_runs.first_output
        assert "8 images" in demo_runs.first_output
        assert "1 alerts" in demo_runs.first_output
        assert "2 info screens" in demo_runs.first_output

    def test_there_is_an_info_screen_in_each_format(self, client):
        screens = InfoScreen.objects.order_by("orientation")

        assert [screen.orientation for screen in screens] == ["landscape", "portrait"]
        for screen in screens:
            assert client.get(f"/infoscreen/{screen.slug}/").status_code == 200

    def test_an_alert_about_an_event_shows_in_the_events_section(self):
        event = EventPage.objects.get(slug="online-sprechstunde")
        alert = Alert.objects.current().for_page(event).get()

        assert (alert.severity, alert.link_page_id) == ("warning", event.pk)
        assert alert.live_revision_id is not None

    def test_a_second_run_says_the_content_is_already_there(self, demo_runs):
        assert demo_runs.second_output.strip() == "Demo content is already there; nothing changed."

    def test_a_rerun_leaves_an_editors_changes_alone(self):
        article = seed_article()
        article.title = "Auftakt am 7. März"
        article.save_revision().publish()
        pages_before = Page.objects.count()

        load_demo_content()

        assert seed_article().title == "Auftakt am 7. März"
        assert Page.objects.count() == pages_before

    def test_the_default_site_starts_at_the_demo_home_page(self):
        site = Site.objects.get(is_default_site=True)
        assert site.root_page.specific.title == "Smart City Wuppertal"
        assert (site.hostname, site.port) == ("localhost", 80)

    def test_wagtails_placeholder_page_is_gone(self):
        assert not Page.objects.filter(title=PLACEHOLDER_TITLE).exists()

    def test_every_page_is_published_through_a_revision(self):
        pages = Page.objects.filter(depth__gt=1)
        assert all(page.live and page.live_revision_id for page in pages)
        assert not any(page.has_unpublished_changes for page in pages)

    def test_the_sections_and_the_about_page_appear_in_menus(self):
        in_menus = Page.objects.filter(show_in_menus=True)
        assert set(in_menus.filter(locale__language_code="de").values_list("slug", flat=True)) == MENU_SLUGS
        # The English sections and "About the project" translate the German ones (demo.english).
        assert set(in_menus.filter(locale__language_code="en").values_list("slug", flat=True)) == {
            "news",
            "events",
            "projects",
            "about-the-project",
        }

    def test_the_accessibility_statement_says_when_it_was_last_reviewed(self):
        statement = Page.objects.get(slug="barrierefreiheit").specific
        assert statement.last_reviewed is not None

    def test_the_accessibility_statement_is_its_own_page_type_listing_the_known_gaps(self):
        statement = Page.objects.get(slug="barrierefreiheit").specific
        assert isinstance(statement, AccessibilityStatementPage)
        assert statement.title == "Erklärung zur Barrierefreiheit"
        gaps = [barrier.what for barrier in statement.barriers.all()]
        assert "Eingebettete Videos von YouTube und Vimeo" in gaps
        assert "PDF-Dokumente in der Mediathek" in gaps

    def test_leichte_sprache_has_a_start_page_and_two_pages_under_it(self):
        start = EasyLanguagePage.objects.get(slug="leichte-sprache")
        children = [page.title for page in start.get_children()]
        assert children == ["So benutzen Sie die Website", "Barriere-Freiheit auf dieser Website"]
        assert any(block.block_type == "word" for block in start.body)

    def test_the_sign_language_page_has_a_video_with_its_transcript(self):
        page = SignLanguagePage.objects.get(slug="gebaerdensprache")
        video = page.videos[0].value
        assert video["video"].url.startswith("https://www.youtube.com/watch?v=")
        assert "Gebärdensprache" in video["transcript"].source

    def test_the_seed_article_keeps_its_date_category_and_title(self):
        article = seed_article()
        assert article.title == "07.03.: Live-Auftakt von smart.wuppertal"
        assert article.date == datetime.date(2022, 2, 11)
        assert article.category.name == "Veranstaltungshinweis"

    def test_the_seed_article_has_the_seed_sections_and_notes(self):
        body = seed_article().body
        headings = [block.value["text"] for block in body if block.block_type == "heading"]
        notes = [block.value for block in body if block.block_type == "accordion"]
        assert headings == ["Wuppertals Smart-City-Strategie", "Link zum Stream", "Hintergrund zur Förderung"]
        assert [note["title"] for note in notes] == ["Erläuterungen und Hinweise"]
        assert len(notes[0]["items"]) >= 2

    def test_the_seed_article_links_the_stream_in_a_new_tab(self):
        calls = [block.value for block in seed_article().body if block.block_type == "call_to_action"]
        assert [(call["link"]["url"], call["link"]["new_tab"]) for call in calls] == [(STREAM_URL, True)]

    def test_the_seed_article_points_to_the_project_and_the_event(self):
        article = seed_article()
        link_lists = [block.value for block in article.body if block.block_type == "link_list"]
        links = [
            (link["text"], link["page"] and link["page"].pk)
            for value in link_lists
            for link in value["links"]
        ]
        assert ("Mehr über smart.wuppertal", model_project().pk) in links
        assert [link.event.slug for link in article.related_events.all()] == ["auftakt-smart-city-wuppertal"]
        assert [link.project.slug for link in article.related_projects.all()] == [model_project().slug]

    def test_the_seed_article_credits_its_images_including_the_one_in_rich_text(self):
        article = seed_article()
        embedded = CustomImage.objects.get(title="Datenraster (Demo-Grafik)")
        credits = article.image_credits()
        assert credits
        assert all(credit.line for credit in credits)
        assert "Stadt Wuppertal" in [credit.line for credit in credits]
        assert embedded in article.images_shown()

    def test_the_kickoff_event_is_the_seed_event(self):
        event = EventPage.objects.get(slug="auftakt-smart-city-wuppertal")
        assert event.start == datetime.datetime(2022, 3, 7, 17, 0, tzinfo=BERLIN)
        assert event.registration == EventPage.Registration.NOT_NEEDED
        assert event.attendance_mode == EventPage.AttendanceMode.ONLINE
        assert event.venue.name == "codeks"
        assert event.stream_url == STREAM_URL
        assert event.project == model_project()

    def test_the_events_cover_past_upcoming_cancelled_and_repeated_dates(self):
        events = EventPage.objects.live()
        assert events.past().filter(slug="auftakt-smart-city-wuppertal").exists()
        assert events.upcoming().filter(status=EventPage.Status.SCHEDULED).exists()
        assert events.filter(status=EventPage.Status.CANCELLED).exists()
        assert events.filter(further_dates__isnull=False).exists()
        modes = set(events.values_list("attendance_mode", flat=True))
        assert modes == set(EventPage.AttendanceMode.values)

    def test_the_model_project_names_its_funders_and_the_selection(self):
        project = model_project()
        funders = {funder.organisation.short_name for funder in project.funders.all()}
        body_text = str(project.body)
        assert funders == {"BMWSB", "KfW"}
        assert project.funding_programme == "Modellprojekte Smart Cities made in Germany"
        assert "94 Bewerbungen" in body_text
        assert "28 Kommunen" in body_text

    def test_the_model_project_has_goals_milestones_and_a_contact(self):
        project = model_project()
        milestones = list(project.milestones.all())
        assert project.status == ProjectPage.Status.RUNNING
        assert project.goals.exists()
        assert any(milestone.done for milestone in milestones)
        assert not all(milestone.done for milestone in milestones)
        assert project.contact is not None

    def test_the_projects_cover_every_status(self):
        statuses = set(ProjectPage.objects.live().values_list("status", flat=True))
        assert statuses == set(ProjectPage.Status.values)

    def test_the_images_carry_alt_text_and_honest_credits(self):
        images = list(CustomImage.objects.all())
        assert all((image.width, image.height) == (1600, 900) for image in images)
        assert all(image.description or image.is_decorative for image in images)
        assert sum(image.is_decorative for image in images) == 1
        assert any(image.licence_url for image in images)
        assert all("Pixabay" not in image.credit_line for image in images)

    def test_the_images_can_be_rendered_in_other_sizes(self):
        image = CustomImage.objects.get(title="Vernetzte Stadt (Demo-Grafik)")
        rendition = image.get_rendition("fill-400x300")
        assert (rendition.width, rendition.height) == (400, 300)

    def test_every_demo_page_answers_an_anonymous_visitor(self):
        visitor = Client(raise_request_exception=False)
        failures = []
        for page in Page.objects.live().filter(depth__gt=1).specific():
            response = visitor.get(page.url)
            if response.status_code != 200 or escape(page.title) not in response.text:
                failures.append((page.url, response.status_code))
        assert failures == []

    def test_every_demo_page_is_valid_and_opens_in_the_editor_and_preview(self, admin_client):
        # What an editor does first with a demo page: open it, then preview it. full_clean()
        # runs every block's own validation, so the demo cannot hold content the admin would refuse.
        failures = []
        for page in Page.objects.filter(depth__gt=1).specific():
            try:
                page.full_clean()
            except ValidationError as error:
                failures.append((page.url_path, error.message_dict))
            editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            preview = page.make_preview_request()
            if editor.status_code != 200 or preview.status_code != 200:
                failures.append((page.url_path, editor.status_code, preview.status_code))
        assert failures == []


def test_it_keeps_wagtails_welcome_page_once_an_editor_has_changed_it(db):
    placeholder = Page.objects.get(title=PLACEHOLDER_TITLE)
    placeholder.save_revision().publish()

    load_demo_content()

    assert Page.objects.filter(pk=placeholder.pk).exists()
    assert Site.objects.get(is_default_site=True).root_page.specific.title == "Smart City Wuppertal"


def test_an_untouched_content_page_of_an_earlier_release_becomes_the_statement(site_tree):
    """Sites built before the statement had a page type of its own get it on the next run."""
    old = ContentPageFactory(parent=site_tree.home, slug="barrierefreiheit", live=False)
    old.save_revision().publish()

    load_demo_content()

    statement = Page.objects.get(slug="barrierefreiheit").specific
    assert isinstance(statement, AccessibilityStatementPage)


def test_a_content_page_an_editor_changed_is_left_alone(site_tree, django_user_model):
    editor = django_user_model.objects.create_user(username="redaktion", password="x")
    old = ContentPageFactory(parent=site_tree.home, slug="barrierefreiheit", live=False)
    old.save_revision().publish()
    old.save_revision(user=editor).publish()

    load_demo_content()

    assert type(Page.objects.get(slug="barrierefreiheit").specific) is ContentPage
