"""Editors reach the projects in one click from the sidebar, by title with status and period,
and filter them by both."""

import datetime

import pytest
from django.urls import reverse

from projects.factories import ProjectPageFactory
from projects.models import ProjectPage
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

PROJECTS = "/admin/projekte/"
COLUMNS = ["Titel", "Projektstatus", "Laufzeit", "Aktualisiert", "Status"]


def titles(soup) -> list[str]:
    return [row["Titel"] for row in listing_rows(soup)]


@pytest.fixture
def projects(site_tree):
    def project(title, status, start_date, end_date):
        return ProjectPageFactory(
            parent=site_tree.projects, title=title, status=status, start_date=start_date, end_date=end_date
        )

    return [
        project("Smarte Quartiere", ProjectPage.Status.RUNNING, datetime.date(2021, 3, 1), None),
        project(
            "Datenplattform",
            ProjectPage.Status.COMPLETED,
            datetime.date(2020, 1, 1),
            datetime.date(2021, 12, 31),
        ),
        project("Mobilitätsapp", ProjectPage.Status.PLANNED, None, None),
    ]


def test_the_sidebar_leads_to_the_projects_in_one_click(site_tree, editor_client):
    assert sidebar_links(get_soup(editor_client, "/admin/"))["Projekte"] == PROJECTS


def test_the_project_list_shows_status_and_period_by_title(projects, editor_client):
    soup = get_soup(editor_client, PROJECTS)

    assert listing_headings(soup) == COLUMNS
    assert [(row["Titel"], row["Projektstatus"], row["Laufzeit"]) for row in listing_rows(soup)] == [
        ("Datenplattform", "Abgeschlossen", "01.01.2020 – 31.12.2021"),
        ("Mobilitätsapp", "In Planung", ""),
        ("Smarte Quartiere", "Läuft", "seit 01.03.2021"),
    ]


def test_the_project_list_filters_by_status(projects, editor_client):
    assert filter_options(get_soup(editor_client, PROJECTS), "Projektstatus") == [
        "In Planung",
        "Läuft",
        "Abgeschlossen",
    ]
    assert titles(get_soup(editor_client, f"{PROJECTS}?status=running&status=planned")) == [
        "Mobilitätsapp",
        "Smarte Quartiere",
    ]


def test_the_project_list_filters_by_the_period_a_project_runs_in(projects, editor_client):
    in_2022 = get_soup(editor_client, f"{PROJECTS}?period_from=2022-01-01&period_to=2022-12-31")
    in_2020 = get_soup(editor_client, f"{PROJECTS}?period_from=2020-06-01&period_to=2020-06-30")

    # A project without dates has no period to leave out.
    assert titles(in_2022) == ["Mobilitätsapp", "Smarte Quartiere"]
    assert titles(in_2020) == ["Datenplattform", "Mobilitätsapp"]


def test_a_search_in_the_projects_keeps_the_filters_and_any_sorting(projects, editor_client):
    query = "q=Datenplattform&status=completed&period_from=2020-06-01&ordering=-start_date"

    assert titles(get_soup(editor_client, f"{PROJECTS}?{query}")) == ["Datenplattform"]


def test_the_projects_section_in_the_page_tree_shows_the_same_columns(projects, site_tree, editor_client):
    soup = get_soup(editor_client, reverse("wagtailadmin_explore", args=[site_tree.projects.pk]))

    assert listing_headings(soup) == COLUMNS
    assert titles(soup) == ["Datenplattform", "Mobilitätsapp", "Smarte Quartiere"]


@pytest.mark.parametrize("where", ["project list", "page tree"])
def test_new_project_opens_the_add_form_under_the_projects_section(site_tree, editor_client, where):
    url = (
        PROJECTS if where == "project list" else reverse("wagtailadmin_explore", args=[site_tree.projects.pk])
    )
    button = header_button(get_soup(editor_client, url), "Neues Projekt")

    response = editor_client.get(button["href"], follow=True)

    add_form = reverse("wagtailadmin_pages:add", args=["projects", "projectpage", site_tree.projects.pk])
    assert response.redirect_chain[-1][0] == add_form


# As a member of "Freigabe": see tests/articles/test_article_listing_admin.py.
def test_the_project_list_costs_the_same_queries_for_two_or_eight_projects(site_tree, approver_client):
    def add_projects(count):
        for _ in range(count):
            ProjectPageFactory(parent=site_tree.projects)

    add_projects(2)
    with_two = queries_to_open(approver_client, PROJECTS)
    add_projects(6)

    assert queries_to_open(approver_client, PROJECTS) == with_two
