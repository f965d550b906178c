"""Editors keep project overviews current: funding, partners, goals and milestones."""

import datetime

from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.factories import OrganisationFactory, PersonFactory, ThemeFactory
from home.factories import HomePageFactory
from projects.factories import ProjectIndexPageFactory
from projects.models import ProjectIndexPage, ProjectPage


def project_form_data(**overrides):
    data = {
        "title": "Modellprojekt Smart City Wuppertal",
        "slug": "modellprojekt",
        "status": "running",
        "start_date": "2022-01-01",
        "end_date": "2028-12-31",
        "funding_programme": "Modellprojekte Smart Cities made in Germany",
        "teaser": "Wuppertal ist eine von 28 Modellkommunen aus 94 Bewerbungen.",
        "body": streamfield([("paragraph", rich_text("<p>Gemeinsam mit der Stadtgesellschaft.</p>"))]),
        "goals": inline_formset([]),
        "milestones": inline_formset([]),
        "funders": inline_formset([]),
        "partners": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


class ProjectAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        home = HomePageFactory(parent=Page.get_first_root_node(), slug="start")
        cls.index = ProjectIndexPageFactory(parent=home)
        cls.ministry = OrganisationFactory(name="Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen")
        cls.bank = OrganisationFactory(name="Kreditanstalt für Wiederaufbau")
        cls.theme = ThemeFactory(name="Teilhabe")
        cls.contact = PersonFactory(name="Erika Muster")

    def setUp(self):
        self.client.force_login(self.create_test_user())

    def post_new_project(self, data):
        url = reverse("wagtailadmin_pages:add", args=["projects", "projectpage", self.index.pk])
        return self.client.post(url, {**data, "action-publish": "action-publish"})

    def test_it_publishes_a_project_with_funders_goals_and_milestones(self):
        data = project_form_data(
            contact=str(self.contact.pk),
            funders=inline_formset(
                [{"organisation": str(self.ministry.pk)}, {"organisation": str(self.bank.pk)}]
            ),
            goals=inline_formset([{"text": "Digitale Teilhabe für alle Generationen"}]),
            milestones=inline_formset(
                [{"date": "2022-03-07", "title": "Öffentlicher Auftakt", "done": "on"}]
            ),
        )
        data["themes"] = [str(self.theme.pk)]  # a multiple choice: one key, a list of values
        self.assertCanCreate(self.index, ProjectPage, data)

        project = ProjectPage.objects.get(slug="modellprojekt")
        assert [funder.organisation for funder in project.funders.all()] == [self.ministry, self.bank]
        assert list(project.themes.all()) == [self.theme]
        assert project.contact == self.contact
        milestone = project.milestones.get()
        assert (milestone.date, milestone.title, milestone.done) == (
            datetime.date(2022, 3, 7),
            "Öffentlicher Auftakt",
            True,
        )

    def test_it_rejects_a_milestone_without_a_date(self):
        data = project_form_data(milestones=inline_formset([{"date": "", "title": "Auftakt"}]))
        response = self.post_new_project(data)

        assert response.status_code == 200
        milestone_form = response.context["form"].formsets["milestones"].forms[0]
        assert "date" in milestone_form.errors
        assert not ProjectPage.objects.exists()

    def test_it_rejects_a_period_that_ends_before_it_starts(self):
        response = self.post_new_project(project_form_data(end_date="2021-12-31"))

        assert response.status_code == 200
        assert response.context["form"].errors["end_date"] == ["Das Ende darf nicht vor dem Beginn liegen."]

    def test_it_allows_projects_only_under_the_projects_index(self):
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertAllowedSubpageTypes(ProjectPage, set())
