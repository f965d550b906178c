"""The admin's date fields show German dates, read German and ISO ones, and refuse anything
else with a German message on the field that names the format (core.editorial.date_input)."""

import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from articles.models import ArticlePage
from core.editorial.date_input import INVALID_DATE, INVALID_DATETIME
from home.factories import HomePageFactory
from tests.admin_forms import article_form_data

BERLIN = ZoneInfo("Europe/Berlin")


class DateInputTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePageFactory(parent=Page.get_first_root_node(), slug="start")
        cls.index = ArticleIndexPageFactory(parent=home)

    def setUp(self):
        self.client.force_login(self.create_test_user())

    def post_new_article(self, **fields):
        url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", self.index.pk])
        return self.client.post(url, article_form_data(**fields))

    def test_it_saves_dates_typed_the_german_way(self):
        self.post_new_article(date="11.02.2022", go_live_at="01.04.2030 09:30")

        article = ArticlePage.objects.get(slug="live-auftakt")
        assert article.date == datetime.date(2022, 2, 11)
        assert article.go_live_at == datetime.datetime(2030, 4, 1, 9, 30, tzinfo=BERLIN)

    def test_it_refuses_an_impossible_date_with_the_format_on_the_field(self):
        response = self.post_new_article(date="31.02.2022")

        assert response.context["form"].errors["date"] == [INVALID_DATE]
        assert not ArticlePage.objects.exists()

    def test_it_refuses_an_unreadable_go_live_time_with_the_format_on_the_field(self):
        response = self.post_new_article(go_live_at="01.04.2030 9 Uhr")

        assert response.context["form"].errors["go_live_at"] == [INVALID_DATETIME]

    def test_the_edit_form_shows_dates_the_german_way(self):
        article = ArticlePageFactory(
            parent=self.index,
            date=datetime.date(2022, 2, 11),
            go_live_at=datetime.datetime(2030, 4, 1, 9, 30, tzinfo=BERLIN),
        )

        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

        self.assertContains(response, 'value="11.02.2022"')
        self.assertContains(response, 'value="01.04.2030 09:30"')
