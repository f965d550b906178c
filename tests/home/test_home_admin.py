"""The start page and the generic content pages (Impressum, Datenschutz, ...)."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage
from events.models import EventIndexPage
from home.factories import HomePageFactory
from home.models import ContentPage, HomePage
from projects.models import ProjectIndexPage


class HomeAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=cls.root, slug="start")

    def setUp(self):
        self.client.force_login(self.create_test_user())

    def test_it_publishes_a_content_page_under_the_home_page(self):
        data = nested_form_data(
            {
                "title": "Barrierefreiheit",
                "slug": "barrierefreiheit",
                "last_reviewed": "2026-11-01",
                "body": streamfield(
                    [
                        ("heading", {"text": "Stand der Vereinbarkeit", "level": "h2"}),
                        ("paragraph", rich_text("<p>Diese Website ist weitgehend barrierefrei.</p>")),
                    ]
                ),
            }
        )
        self.assertCanCreate(self.home, ContentPage, data)
        assert ContentPage.objects.get(slug="barrierefreiheit").live

    def test_it_builds_a_new_site_tree_from_the_admin(self):
        self.assertCanCreate(
            self.root, HomePage, nested_form_data({"title": "Zweite Stadt", "body": streamfield([])})
        )
        home = HomePage.objects.get(slug="zweite-stadt")
        for index_model, title in (
            (ArticleIndexPage, "Aktuelles"),
            (EventIndexPage, "Veranstaltungen"),
            (ProjectIndexPage, "Projekte"),
        ):
            self.assertCanCreate(home, index_model, {"title": title})
        home.refresh_from_db()  # treebeard caches the number of children
        assert [page.title for page in home.get_children().live()] == [
            "Aktuelles",
            "Veranstaltungen",
            "Projekte",
        ]

    def test_it_allows_a_home_page_only_at_the_top_of_a_site(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        assert not HomePage.can_create_at(self.home)

    def test_it_nests_content_pages_under_home_and_content_pages_only(self):
        self.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
