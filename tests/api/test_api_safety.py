"""What the API must never give away to an anonymous client: drafts, unpublished pages,
pages behind a view restriction and the pages of another site, whichever way it asks
(lists, details, search, find by path)."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction, Site

from articles.factories import ArticleIndexPageFactory, ArticlePageFactory
from core.editorial.setup import WRITERS
from home.factories import ContentPageFactory, HomePageFactory

SECRET = "Geheimsache"
OTHER_HOST = "nachbarstadt.example"


def restrict(page, restriction_type, **fields):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **fields)
    if restriction_type == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.get(name=WRITERS)])


@pytest.fixture
def other_site(db):
    home = HomePageFactory(parent=Page.get_first_root_node(), title="Nachbarstadt", slug="nachbarstadt")
    Site.objects.create(hostname=OTHER_HOST, port=80, root_page=home, site_name="Nachbarstadt")
    news = ArticleIndexPageFactory(parent=home)
    return news


@pytest.fixture
def hidden(site_tree, other_site):
    """Pages whose titles all carry the secret word, none of which a visitor may see,
    with the path each would have on its own site."""
    draft = ArticlePageFactory(parent=site_tree.articles, title=f"{SECRET} Entwurf", live=False)
    withdrawn = ArticlePageFactory(parent=site_tree.articles, title=f"{SECRET} zurückgezogen")
    withdrawn.unpublish()
    with_password = ArticlePageFactory(parent=site_tree.articles, title=f"{SECRET} mit Passwort")
    restrict(with_password, PageViewRestriction.PASSWORD, password="geheim")
    for_editors = ArticlePageFactory(parent=site_tree.articles, title=f"{SECRET} für die Redaktion")
    restrict(for_editors, PageViewRestriction.GROUPS)
    intranet = ContentPageFactory(parent=site_tree.home, title=f"{SECRET} Intern")
    restrict(intranet, PageViewRestriction.LOGIN)
    minutes = ContentPageFactory(parent=intranet, title=f"{SECRET} Protokoll")
    # Still live: the scheduler has yet to unpublish it.
    expired = ArticlePageFactory(
        parent=site_tree.articles,
        title=f"{SECRET} abgelaufen",
        expire_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    elsewhere = ArticlePageFactory(parent=other_site, title=f"{SECRET} der Nachbarstadt")
    return {
        page.title: (page, "/" + page.url_path.split("/", 2)[2])
        for page in [draft, withdrawn, with_password, for_editors, intranet, minutes, expired, elsewhere]
    }


@pytest.fixture
def public(site_tree):
    return ArticlePageFactory(parent=site_tree.articles, title="Ratsbeschluss zum Sensornetz")


def listed_titles(client, **params):
    response = client.get("/api/v2/pages/", {"limit": 20, **params})
    assert response.status_code == 200
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.parametrize("params", [{}, {"type": "articles.ArticlePage"}, {"type": "home.ContentPage"}])
def test_lists_show_only_the_live_public_pages_of_the_site(client, hidden, public, params):
    titles = listed_titles(client, **params)

    assert not [title for title in titles if SECRET in title]


def test_the_public_page_is_listed_beside_the_hidden_ones(client, hidden, public):
    assert "Ratsbeschluss zum Sensornetz" in listed_titles(client, type="articles.ArticlePage")


def test_hidden_pages_have_no_detail(client, hidden):
    for title, (page, _) in hidden.items():
        response = client.get(f"/api/v2/pages/{page.pk}/")

        assert response.status_code == 404, title
        assert SECRET not in response.content.decode()


@pytest.mark.parametrize("params", [{}, {"type": "articles.ArticlePage"}])
def test_search_never_finds_hidden_pages(client, hidden, public, params):
    assert listed_titles(client, search=SECRET, **params) == []
    assert listed_titles(client, search="Ratsbeschluss", **params) == ["Ratsbeschluss zum Sensornetz"]


def test_find_by_path_never_leads_to_hidden_pages(client, hidden):
    for title, (_, path) in hidden.items():
        response = client.get("/api/v2/pages/find/", {"html_path": path})

        assert response.status_code == 404, f"{title} at {path}"


def test_find_by_path_leads_to_a_public_page(client, public):
    response = client.get("/api/v2/pages/find/", {"html_path": "/aktuelles/ratsbeschluss-zum-sensornetz/"})

    assert response.status_code == 302
    assert response["Location"].startswith(f"http://localhost/api/v2/pages/{public.pk}/")


def test_a_published_page_shows_its_published_version_not_its_newer_draft(client, public):
    public.title = f"{SECRET} vor der Freigabe"
    public.save_revision()

    assert listed_titles(client, type="articles.ArticlePage") == ["Ratsbeschluss zum Sensornetz"]
    assert client.get(f"/api/v2/pages/{public.pk}/").json()["title"] == "Ratsbeschluss zum Sensornetz"
    assert listed_titles(client, search=SECRET) == []


@pytest.mark.parametrize("parameter", ["child_of", "descendant_of", "ancestor_of"])
def test_the_tree_around_a_private_page_cannot_be_explored(client, hidden, parameter):
    intranet, _ = hidden[f"{SECRET} Intern"]

    response = client.get("/api/v2/pages/", {parameter: intranet.pk})

    # The answer for a page id nobody has: an empty list.
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert SECRET not in response.content.decode()


def test_another_site_answers_with_its_own_pages_only(client, settings, hidden, public):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, OTHER_HOST]

    response = client.get("/api/v2/pages/", {"type": "articles.ArticlePage"}, HTTP_HOST=OTHER_HOST)

    assert [item["title"] for item in response.json()["items"]] == [f"{SECRET} der Nachbarstadt"]


def test_naming_another_site_shows_none_of_its_hidden_pages(client, other_site):
    # Wagtail's `site=` lets one client read several sites of this CMS (a documented part
    # of API v2); it never widens what counts as public.
    ArticlePageFactory(parent=other_site, title="Nachbarstadt öffentlich")
    ArticlePageFactory(parent=other_site, title=f"{SECRET} Entwurf der Nachbarstadt", live=False)

    assert listed_titles(client, type="articles.ArticlePage", site=OTHER_HOST) == ["Nachbarstadt öffentlich"]


@pytest.mark.parametrize(
    "endpoint", ["pages", "images", "documents", "categories", "themes", "venues", "organisations"]
)
def test_an_unknown_parameter_is_a_json_bad_request(client, site_tree, endpoint):
    response = client.get(f"/api/v2/{endpoint}/", {"geheim": "1"})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "geheim" in response.json()["message"]


def test_links_to_hidden_pages_reveal_nothing(client, site_tree, hidden):
    """A public page may still point at a hidden one (an event at a restricted project, a
    paragraph at a draft): the link loses its target instead of giving it away."""
    from events.factories import EventPageFactory
    from projects.factories import ProjectPageFactory

    project = ProjectPageFactory(parent=site_tree.projects, title=f"{SECRET} Projekt")
    restrict(project, PageViewRestriction.LOGIN)
    event = EventPageFactory(parent=site_tree.events, project=project)
    # A public page of another site is a fair link target: it is public there.
    targets = [page for title, (page, _) in hidden.items() if not title.endswith("der Nachbarstadt")]
    links = "".join(
        f'<a linktype="page" id="{page.pk}">Link {number}</a>' for number, page in enumerate(targets)
    )
    article = ArticlePageFactory(
        parent=site_tree.articles,
        body=[
            ("paragraph", f"<p>{links}</p>"),
            *[("link", {"text": f"Seite {page.pk}", "page": page.pk}) for page in targets],
        ],
    )

    event_response = client.get(f"/api/v2/pages/{event.pk}/")
    article_response = client.get(f"/api/v2/pages/{article.pk}/")

    assert event_response.json()["project"] is None
    body = article_response.json()["body"]
    assert 'href="' not in body[0]["value"]
    assert all(block["value"]["page"] is None and block["value"]["url"] is None for block in body[1:])
    assert SECRET not in event_response.content.decode() + article_response.content.decode()
