"""Editors write news in the admin: create, schedule, preview, and the page-tree rules."""

import datetime

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticleIndexPage, ArticlePage
from core.factories import CategoryFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import HomePageFactory
from home.models import HomePage
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from tests.admin_forms import article_form_data


class ArticleAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePageFactory(parent=Page.get_first_root_node(), slug="start")
        cls.index = ArticleIndexPageFactory(parent=cls.home)
        cls.category = CategoryFactory(name="Veranstaltungshinweis")
        events = EventIndexPageFactory(parent=cls.home)
        cls.event = EventPageFactory(parent=events, title="Live-Auftakt")
        projects = ProjectIndexPageFactory(parent=cls.home)
        cls.project = ProjectPageFactory(parent=projects, title="Modellprojekt Smart City")

    def setUp(self):
        self.user = self.create_test_user()
        self.client.force_login(self.user)

    def test_it_publishes_an_article_with_category_tags_and_related_pages(self):
        data = article_form_data(
            category=str(self.category.pk),
            related_events=inline_formset([{"event": str(self.event.pk)}]),
            related_projects=inline_formset([{"project": str(self.project.pk)}]),
        )
        self.assertCanCreate(self.index, ArticlePage, data)

        article = ArticlePage.objects.get(slug="live-auftakt")
        assert article.live
        assert article.date == datetime.date(2022, 2, 11)
        assert article.category == self.category
        assert sorted(tag.name for tag in article.tags.all()) == ["Auftakt", "Livestream"]
        assert [block.block_type for block in article.body] == ["heading", "paragraph"]
        assert [link.event for link in article.related_events.all()] == [self.event]
        assert list(self.project.get_articles()) == [article]

    def test_it_keeps_a_scheduled_article_offline_until_its_go_live_date(self):
        go_live = timezone.localtime() + datetime.timedelta(days=2)
        data = article_form_data(go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
        self.assertCanCreate(self.index, ArticlePage, data)

        article = ArticlePage.objects.get(slug="live-auftakt")
        assert not article.live
        assert article.scheduled_revision is not None
        # Read back in Berlin time, as typed: the database keeps UTC, a day earlier before 1 a.m.
        scheduled = timezone.localtime(article.scheduled_revision.approved_go_live_at)
        assert scheduled.replace(second=0, microsecond=0) == go_live.replace(second=0, microsecond=0)

    def test_it_previews_a_draft_article(self):
        article = ArticlePageFactory(parent=self.index, title="Entwurf")
        self.assertPageIsPreviewable(article, post_data=article_form_data())

    def test_it_shows_the_admin_in_german(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        assert '<html lang="de"' in response.content.decode()

    def test_it_allows_articles_only_under_the_news_index(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())
        self.assertCanNotCreateAt(HomePage, ArticlePage)

    def test_it_allows_one_news_index_per_home_page(self):
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        assert not ArticleIndexPage.can_create_at(self.home)  # it has one already
        assert ArticleIndexPage.can_create_at(HomePageFactory(parent=Page.get_first_root_node()))
