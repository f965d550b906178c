"""What an app's project screen shows (goals, milestones, funders, partners, contact) and
an article's related events and projects: their shapes and order, hidden pages left out,
detail-only, and a detail whose query cost does not grow with the entries."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory
from articles.models import ArticleEventLink, ArticleProjectLink
from core.factories import OrganisationFactory, PersonFactory
from events.factories import EventDateFactory, EventPageFactory
from media.factories import ImageFactory
from preview.models import PreviewSnapshot
from projects.factories import ProjectPageFactory
from projects.models import ProjectFunder, ProjectGoal, ProjectMilestone, ProjectPartner


def detail(client, page, **params):
    response = client.get(f"/api/v2/pages/{page.pk}/", params)
    assert response.status_code == 200
    return response.json()


def small_image(**kwargs):
    # Small originals keep rendering the renditions quick.
    return ImageFactory(file__width=64, file__height=32, **kwargs)


def in_editor_order(model, sort_orders, **fields_by_position):
    """Rows of an inline panel whose editor order (`sort_order`) differs from the order they
    were created in, so a test sees whether the API follows the editor."""
    return [
        model.objects.create(
            sort_order=sort_order, **{name: values[n] for name, values in fields_by_position.items()}
        )
        for n, sort_order in enumerate(sort_orders)
    ]


# Projects


def test_a_project_gives_the_funding_programme_link_and_its_website(client, site_tree):
    project = ProjectPageFactory(
        parent=site_tree.projects,
        funding_programme_url="https://www.smart-city-dialog.de/",
        website="https://smart.example.org/",
    )

    page = detail(client, project)
    [item] = client.get("/api/v2/pages/", {"type": "projects.ProjectPage", "fields": "*"}).json()["items"]

    for shown in (page, item):
        assert shown["funding_programme_url"] == "https://www.smart-city-dialog.de/"
        assert shown["website"] == "https://smart.example.org/"


def test_goals_are_strings_in_the_editors_order(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects)
    in_editor_order(
        ProjectGoal,
        [1, 2, 0],
        project=[project] * 3,
        text=["Daten offen teilen", "Beteiligung stärken", "Klima schützen"],
    )

    assert detail(client, project)["goals"] == ["Klima schützen", "Daten offen teilen", "Beteiligung stärken"]


def test_milestones_come_in_the_editors_order_with_date_and_whether_reached(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects)
    in_editor_order(
        ProjectMilestone,
        [1, 0],
        project=[project] * 2,
        date=[datetime.date(2022, 3, 7), datetime.date(2027, 12, 31)],
        title=["Auftakt", "Abschlussbericht"],
        description=["Öffentliche Auftaktveranstaltung.", ""],
        done=[True, False],
    )

    assert detail(client, project)["milestones"] == [
        {"date": "2027-12-31", "title": "Abschlussbericht", "description": "", "done": False},
        {
            "date": "2022-03-07",
            "title": "Auftakt",
            "description": "Öffentliche Auftaktveranstaltung.",
            "done": True,
        },
    ]


def test_funders_and_partners_come_as_in_the_organisations_directory(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects)
    ministry = OrganisationFactory(
        name="Bundesministerium für Wohnen",
        short_name="BMWSB",
        url="https://www.bmwsb.bund.de/",
        logo=small_image(),
    )
    bank = OrganisationFactory(name="KfW", short_name="", url="https://www.kfw.de/")
    university = OrganisationFactory(name="Bergische Universität", logo=small_image())
    in_editor_order(ProjectFunder, [1, 0], project=[project] * 2, organisation=[ministry, bank])
    ProjectPartner.objects.create(project=project, organisation=university, sort_order=0)

    page = detail(client, project)

    def as_in_directory(organisation):
        entry = client.get(f"/api/v2/organisations/{organisation.pk}/").json()
        del entry["meta"]
        return entry

    assert page["funders"] == [as_in_directory(bank), as_in_directory(ministry)]
    assert page["partners"] == [as_in_directory(university)]
    assert page["funders"][1]["short_name"] == "BMWSB"
    assert page["funders"][1]["logo"]["credit"]["line"] == "Gerd Altmann auf Pixabay"
    assert set(page["funders"][1]["logo"]["renditions"]) == {"thumbnail", "card", "hero"}
    assert page["funders"][0]["logo"] is None


def test_the_contact_comes_with_role_organisation_name_and_photo(client, site_tree):
    photo = small_image(title="Porträt")
    contact = PersonFactory(
        name="Erika Mustermann",
        role="Projektleitung",
        organisation=OrganisationFactory(name="Stadt Wuppertal"),
        email="smartcity@example.org",
        phone="0202 563-0",
        photo=photo,
    )
    project = ProjectPageFactory(parent=site_tree.projects, contact=contact)

    shown = detail(client, project)["contact"]

    assert {key: value for key, value in shown.items() if key != "photo"} == {
        "id": contact.pk,
        "name": "Erika Mustermann",
        "role": "Projektleitung",
        "organisation": "Stadt Wuppertal",
        "email": "smartcity@example.org",
        "phone": "0202 563-0",
    }
    assert shown["photo"]["id"] == photo.pk
    assert set(shown["photo"]["renditions"]) == {"thumbnail", "card", "hero"}


def test_a_contact_without_organisation_or_photo_gives_null_for_them(client, site_tree):
    contact = PersonFactory(name="Max Muster", role="", phone="")
    project = ProjectPageFactory(parent=site_tree.projects, contact=contact)

    assert detail(client, project)["contact"] == {
        "id": contact.pk,
        "name": "Max Muster",
        "role": "",
        "organisation": None,
        "email": "max-muster@example.org",
        "phone": "",
        "photo": None,
    }


def test_a_project_without_entries_gives_empty_lists_and_no_contact(client, site_tree):
    page = detail(client, ProjectPageFactory(parent=site_tree.projects))

    assert (page["goals"], page["milestones"], page["funders"], page["partners"]) == ([], [], [], [])
    assert page["contact"] is None
    assert (page["funding_programme_url"], page["website"]) == ("", "")


# Articles


def test_an_article_links_its_events_and_projects_in_the_editors_order(client, site_tree):
    first_event, second_event = EventPageFactory.create_batch(2, parent=site_tree.events)
    project = ProjectPageFactory(parent=site_tree.projects, title="Modellprojekt Smart City")
    article = ArticlePageFactory(parent=site_tree.articles)
    in_editor_order(ArticleEventLink, [1, 0], article=[article] * 2, event=[first_event, second_event])
    ArticleProjectLink.objects.create(article=article, project=project, sort_order=0)

    page = detail(client, article)

    assert [link["id"] for link in page["related_events"]] == [second_event.pk, first_event.pk]
    assert page["related_projects"] == [
        {
            "id": project.pk,
            "title": "Modellprojekt Smart City",
            "url": "http://localhost/projekte/modellprojekt-smart-city/",
            "type": "projects.ProjectPage",
            "detail_url": f"http://localhost/api/v2/pages/{project.pk}/",
        }
    ]
    assert page["related_events"][0]["type"] == "events.EventPage"


def test_related_pages_visitors_may_not_see_are_left_out(client, site_tree):
    published_event = EventPageFactory(parent=site_tree.events)
    draft_event = EventPageFactory(parent=site_tree.events, live=False)
    restricted_project = ProjectPageFactory(parent=site_tree.projects)
    PageViewRestriction.objects.create(
        page=restricted_project, restriction_type="password", password="geheim"
    )
    article = ArticlePageFactory(parent=site_tree.articles)
    in_editor_order(ArticleEventLink, [0, 1], article=[article] * 2, event=[draft_event, published_event])
    ArticleProjectLink.objects.create(article=article, project=restricted_project, sort_order=0)

    page = detail(client, article)

    assert [link["id"] for link in page["related_events"]] == [published_event.pk]
    assert page["related_projects"] == []


# Detail only


def test_lists_leave_the_detail_fields_out_even_with_all_fields(client, site_tree):
    ProjectPageFactory(parent=site_tree.projects, contact=PersonFactory())
    ArticlePageFactory(parent=site_tree.articles)

    for page_type, detail_only in [
        ("projects.ProjectPage", {"goals", "milestones", "funders", "partners", "contact"}),
        ("articles.ArticlePage", {"related_events", "related_projects"}),
    ]:
        response = client.get("/api/v2/pages/", {"type": page_type, "fields": "*"})
        [item] = response.json()["items"]
        assert "teaser" in item
        assert detail_only.isdisjoint(item), page_type


@pytest.mark.parametrize(
    ("page_type", "fields"),
    [
        ("projects.ProjectPage", "goals"),
        ("projects.ProjectPage", "teaser,contact"),
        ("projects.ProjectPage", "milestones,funders,partners"),
        ("articles.ArticlePage", "related_events,related_projects"),
    ],
)
def test_a_list_refuses_the_detail_fields_and_says_where_they_are(client, site_tree, page_type, fields):
    response = client.get("/api/v2/pages/", {"type": page_type, "fields": fields})

    assert response.status_code == 400
    message = response.json()["message"]
    assert "detail response only" in message
    for name in fields.split(","):
        assert (name in message) == (name != "teaser"), name


# Drafts in the app preview


def test_the_app_preview_shows_the_drafts_own_entries(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects)
    ProjectGoal.objects.create(project=project, text="Veröffentlichtes Ziel", sort_order=0)
    partner = OrganisationFactory(name="Neuer Partner", logo=small_image())
    project.goals = [ProjectGoal(text="Ziel im Entwurf")]
    project.partners = [ProjectPartner(organisation=partner)]
    article = ArticlePageFactory(parent=site_tree.articles)
    article.related_projects = [ArticleProjectLink(project=project)]

    def preview(page):
        token = PreviewSnapshot.create_for(page).token
        response = client.get("/api/v2/preview/", {"token": token})
        assert response.status_code == 200
        return response.json()

    draft_project = preview(project)
    assert draft_project["goals"] == ["Ziel im Entwurf"]
    assert [entry["name"] for entry in draft_project["partners"]] == ["Neuer Partner"]
    assert set(draft_project["partners"][0]["logo"]["renditions"]) == {"thumbnail", "card", "hero"}
    assert [link["id"] for link in preview(article)["related_projects"]] == [project.pk]


# Query budget


@pytest.fixture
def cold_rendition_cache(settings):
    # Renditions found in the cache cost no query, which would hide a lookup per image;
    # measure what a cold or evicted cache costs.
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


def project_with(site_tree, size):
    """A project with 3 goals, 3 milestones, 2 funders and 2 partners (with logos), and a
    news item and an upcoming event (with images, tags and a further date) per `size`, and a
    contact with photo and organisation."""
    contact = PersonFactory(organisation=OrganisationFactory(), photo=small_image())
    project = ProjectPageFactory(parent=site_tree.projects, contact=contact)
    for n in range(3 * size):
        ProjectGoal.objects.create(project=project, text=f"Ziel {n}", sort_order=n)
        ProjectMilestone.objects.create(
            project=project, date=datetime.date(2023, 1, 1), title=f"Meilenstein {n}", sort_order=n
        )
    for n in range(2 * size):
        ProjectFunder.objects.create(
            project=project, organisation=OrganisationFactory(logo=small_image()), sort_order=n
        )
        ProjectPartner.objects.create(
            project=project, organisation=OrganisationFactory(logo=small_image()), sort_order=n
        )
    for n in range(size):
        article = ArticlePageFactory(parent=site_tree.articles, hero_image=small_image())
        article.tags.add("Daten")
        ArticleProjectLink.objects.create(article=article, project=project, sort_order=0)
        event = EventPageFactory(
            parent=site_tree.events, project=project, start=timezone.now() + datetime.timedelta(days=n + 1)
        )
        EventDateFactory(event=event, start=event.start + datetime.timedelta(days=7))
    return project


# The request and the page (content version, view restrictions, site, the page, its
# specific row, the check that it belongs to the site, its parent for meta, themes): 8.
# Goals and milestones: one query each. Funders and partners: the links with organisations
# and logos joined, then the logos' renditions: two each. The contact with organisation and
# photo joined, then the photo's renditions: two. The latest news as cards: view
# restrictions (read once per request, core.visibility), the articles, their images'
# renditions, tags and locales: five. The upcoming events as cards: the same with further
# dates for tags, but without the view restrictions, read already: four.
# Languages (README, "Languages") add three: the site, whose start page's translations Wagtail's
# API looks pages up under, the page's locale (meta.locale) and its translations
# (meta.translations, api.languages).
PROJECT_DETAIL_QUERIES = 28


@pytest.mark.parametrize("size", [1, 3])
def test_a_project_detail_costs_the_same_queries_however_many_entries(
    client, site_tree, cold_rendition_cache, django_assert_num_queries, size
):
    project = project_with(site_tree, size)
    # The first request renders the renditions, a one-off cost per image.
    detail(client, project)

    with django_assert_num_queries(PROJECT_DETAIL_QUERIES):
        page = detail(client, project)

    assert len(page["goals"]) == len(page["milestones"]) == 3 * size
    assert len(page["partners"]) == 2 * size
    assert all(funder["logo"]["renditions"] for funder in page["funders"])
    assert page["contact"]["photo"]["renditions"]
    assert len(page["latest_news"]) == len(page["upcoming_events"]) == size


# The request and the page as above, with tags instead of themes: 8. Related events and
# projects: the links, then their pages, two each. The related events' further dates, for
# their next date: 1 (their images, none here, would add their renditions). The view
# restrictions that page links respect, read once for all of them: 1.
# Languages add three, as for a project above.
ARTICLE_DETAIL_QUERIES = 17


@pytest.mark.parametrize("size", [1, 5])
def test_an_article_detail_costs_the_same_queries_however_many_related_pages(
    client, site_tree, django_assert_num_queries, size
):
    article = ArticlePageFactory(parent=site_tree.articles)
    for n in range(size):
        ArticleEventLink.objects.create(
            article=article, event=EventPageFactory(parent=site_tree.events), sort_order=n
        )
        ArticleProjectLink.objects.create(
            article=article, project=ProjectPageFactory(parent=site_tree.projects), sort_order=n
        )
    # The first request caches the sites' root paths, as any earlier request would have.
    detail(client, article)

    with django_assert_num_queries(ARTICLE_DETAIL_QUERIES):
        page = detail(client, article)

    assert len(page["related_events"]) == len(page["related_projects"]) == size


def test_a_project_detail_carries_its_latest_news_and_upcoming_events_as_cards(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects)
    other = ProjectPageFactory(parent=site_tree.projects)
    news = []
    for day in range(1, 8):
        article = ArticlePageFactory(
            parent=site_tree.articles, date=datetime.date(2025, 1, day), title=f"Nachricht {day}"
        )
        ArticleProjectLink.objects.create(article=article, project=project, sort_order=0)
        news.append(article)
    ArticlePageFactory(parent=site_tree.articles, title="Ohne Projekt")
    soon = timezone.now() + datetime.timedelta(days=2)
    later = EventPageFactory(
        parent=site_tree.events, project=project, title="Später", start=soon + datetime.timedelta(days=5)
    )
    EventPageFactory(parent=site_tree.events, project=project, title="Bald", start=soon)
    EventPageFactory(
        parent=site_tree.events,
        project=project,
        title="Vorbei",
        start=timezone.now() - datetime.timedelta(days=30),
    )
    EventPageFactory(parent=site_tree.events, project=other, title="Anderes Projekt", start=soon)
    EventPageFactory(parent=site_tree.events, project=project, title="Entwurf", start=soon, live=False)

    page = detail(client, project)

    assert [card["title"] for card in page["latest_news"]] == [f"Nachricht {day}" for day in (7, 6, 5, 4, 3)]
    assert [card["title"] for card in page["upcoming_events"]] == ["Bald", "Später"]
    # Each card is the list item of its type with `fields=*`.
    listed = client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "*", "id": later.pk}).json()
    assert page["upcoming_events"][1] == listed["items"][0]


def test_a_project_without_news_or_events_has_empty_card_lists(client, site_tree):
    page = detail(client, ProjectPageFactory(parent=site_tree.projects))

    assert (page["latest_news"], page["upcoming_events"]) == ([], [])


def test_an_articles_related_events_carry_their_dates_status_and_image(client, site_tree):
    start = timezone.now() + datetime.timedelta(days=3)
    event = EventPageFactory(
        parent=site_tree.events, title="Auftakt", start=start, status="postponed", hero_image=small_image()
    )
    article = ArticlePageFactory(parent=site_tree.articles)
    ArticleEventLink.objects.create(article=article, event=event, sort_order=0)

    [linked] = detail(client, article)["related_events"]
    listed = client.get("/api/v2/pages/", {"type": "events.EventPage", "fields": "*"}).json()["items"][0]

    assert (linked["id"], linked["title"], linked["type"]) == (event.pk, "Auftakt", "events.EventPage")
    assert linked["url"] == listed["meta"]["html_url"]
    for key in ("start", "end", "all_day", "next_start", "status", "hero_image"):
        assert linked[key] == listed[key], key
    assert linked["status"] == "postponed"
    assert linked["hero_image"]["renditions"]["card"]["url"]
