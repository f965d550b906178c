"""Pages visitors may not open never show through another page: not as a teaser, a card,
a related page, a menu or footer entry, a feed link, a sitemap or search entry, a feed
or calendar item, and not as a link address in running text.

Each place is checked with the target behind a shared password, behind a login, behind
a group restriction, and (where lists are concerned) past its expiry date while still
live. The secret word is in every hidden title and slug: it must appear nowhere.
"""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.http.response import HttpResponseBase
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory
from articles.models import ArticleEventLink, ArticleProjectLink
from core.editorial.setup import WRITERS
from core.templatetags.navigation_tags import child_page_of_type
from core.visibility import is_visible, visible_pages
from events.factories import EventPageFactory
from home.factories import ContentPageFactory
from projects.factories import ProjectPageFactory
from tests.html import get_html

pytestmark = pytest.mark.django_db

SECRET = "geheimsache"

RESTRICTIONS = ["password", "login", "groups"]
# Every way a live page can be out of visitors' reach.
HIDDEN = [*RESTRICTIONS, "expired"]


def hide(page, how):
    """Put a live page out of visitors' reach in the way named."""
    if how == "expired":
        page.expire_at = timezone.now() - datetime.timedelta(minutes=1)
        page.save()
        return
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=how, password="geheim" if how == "password" else ""
    )
    if how == "groups":
        restriction.groups.set([Group.objects.get(name=WRITERS)])


def secret_title(kind):
    return {"title": f"{kind} {SECRET.capitalize()}", "slug": f"{kind.lower()}-{SECRET}"}


def assert_no_secret(response_or_soup):
    if isinstance(response_or_soup, HttpResponseBase):
        text = response_or_soup.content.decode()
    else:
        text = str(response_or_soup)
    assert SECRET not in text.lower()


# The helper itself


@pytest.mark.parametrize("how", HIDDEN)
def test_the_helper_agrees_on_single_pages_and_on_querysets(site_tree, how):
    shown = ArticlePageFactory(parent=site_tree.articles)
    hidden = ArticlePageFactory(parent=site_tree.articles, **secret_title("Nachricht"))
    hide(hidden, how)

    assert (is_visible(shown), is_visible(hidden)) == (True, False)
    assert [page.pk for page in visible_pages(site_tree.articles.get_children())] == [shown.pk]


def test_the_helper_hides_what_lies_below_a_restricted_page(site_tree):
    intranet = ContentPageFactory(parent=site_tree.home, **secret_title("Intern"))
    minutes = ContentPageFactory(parent=intranet, **secret_title("Protokoll"))
    hide(intranet, "login")

    assert not is_visible(minutes)
    assert not visible_pages(intranet.get_children()).exists()


def test_the_helper_hides_drafts(site_tree):
    draft = ArticlePageFactory(parent=site_tree.articles, live=False)

    assert not is_visible(draft)
    assert not visible_pages(site_tree.articles.get_children()).exists()


# Body blocks and related pages


@pytest.mark.parametrize("how", HIDDEN)
def test_an_event_teaser_shows_nothing_of_a_hidden_event(client, site_tree, how):
    event = EventPageFactory(parent=site_tree.events, **secret_title("Workshop"))
    hide(event, how)
    article = ArticlePageFactory(
        parent=site_tree.articles, body=[("event_teaser", {"event": event, "text": ""})]
    )

    soup = get_html(client, article)

    assert not soup.select(".event-teaser")
    assert_no_secret(soup)


def test_an_event_teaser_of_a_visible_event_is_shown(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, title="Auftakt im codeks")
    article = ArticlePageFactory(
        parent=site_tree.articles, body=[("event_teaser", {"event": event, "text": ""})]
    )

    teaser = get_html(client, article).select_one(".event-teaser")

    assert teaser.h2.a["href"] == event.url
    assert teaser.h2.get_text(strip=True) == "Auftakt im codeks"


@pytest.mark.parametrize("how", HIDDEN)
def test_an_article_lists_only_visible_related_events_and_projects(client, site_tree, how):
    shown_event = EventPageFactory(parent=site_tree.events, title="Offene Sprechstunde")
    hidden_event = EventPageFactory(parent=site_tree.events, **secret_title("Workshop"))
    hidden_project = ProjectPageFactory(parent=site_tree.projects, **secret_title("Projekt"))
    hide(hidden_event, how)
    hide(hidden_project, how)
    article = ArticlePageFactory(parent=site_tree.articles)
    ArticleEventLink.objects.create(article=article, event=shown_event, sort_order=0)
    ArticleEventLink.objects.create(article=article, event=hidden_event, sort_order=1)
    ArticleProjectLink.objects.create(article=article, project=hidden_project, sort_order=0)

    soup = get_html(client, article)

    assert "Offene Sprechstunde" in soup.get_text()
    assert_no_secret(soup)


@pytest.mark.parametrize("how", HIDDEN)
def test_an_event_neither_names_nor_links_a_hidden_project(client, site_tree, how):
    project = ProjectPageFactory(parent=site_tree.projects, **secret_title("Projekt"))
    hide(project, how)
    event = EventPageFactory(parent=site_tree.events, project=project)

    soup = get_html(client, event)

    assert "Projekt" not in [dt.get_text(strip=True) for dt in soup.select(".facts dt")]
    assert_no_secret(soup)


def test_an_event_links_its_visible_project(client, site_tree):
    project = ProjectPageFactory(parent=site_tree.projects, title="Datenplattform")
    event = EventPageFactory(parent=site_tree.events, project=project)

    soup = get_html(client, event)

    assert soup.find("a", string="Datenplattform")["href"] == project.url


@pytest.mark.parametrize("how", HIDDEN)
def test_a_project_lists_only_visible_news_and_events(client, site_tree, how):
    project = ProjectPageFactory(parent=site_tree.projects)
    article = ArticlePageFactory(parent=site_tree.articles, **secret_title("Nachricht"))
    ArticleProjectLink.objects.create(article=article, project=project)
    event = EventPageFactory(parent=site_tree.events, project=project, **secret_title("Workshop"))
    hide(article, how)
    hide(event, how)

    assert_no_secret(get_html(client, project))


# Cards on index pages and the start page


@pytest.mark.parametrize("how", HIDDEN)
def test_index_and_home_pages_show_no_cards_of_hidden_pages(client, site_tree, how):
    now = timezone.now()
    hidden = [
        ArticlePageFactory(parent=site_tree.articles, **secret_title("Nachricht")),
        EventPageFactory(
            parent=site_tree.events, start=now + datetime.timedelta(days=3), **secret_title("Workshop")
        ),
        ProjectPageFactory(parent=site_tree.projects, **secret_title("Projekt")),
    ]
    for page in hidden:
        hide(page, how)

    for index in [site_tree.home, site_tree.articles, site_tree.events, site_tree.projects]:
        assert_no_secret(get_html(client, index))


# Site navigation and discovery


@pytest.mark.parametrize("how", RESTRICTIONS)
def test_the_main_menu_leaves_out_a_restricted_section(client, site_tree, how):
    intranet = ContentPageFactory(parent=site_tree.home, show_in_menus=True, **secret_title("Intern"))
    hide(intranet, how)
    site_tree.articles.show_in_menus = True
    site_tree.articles.save()

    header = get_html(client, site_tree.home).find("header")

    assert "Aktuelles" in header.get_text()
    assert_no_secret(header)


@pytest.mark.parametrize("how", RESTRICTIONS)
def test_the_footer_leaves_out_a_restricted_legal_page(client, site_tree, how):
    ContentPageFactory(parent=site_tree.home, title="Datenschutz", slug="datenschutz")
    imprint = ContentPageFactory(parent=site_tree.home, title="Impressum", slug="impressum")
    hide(imprint, how)

    footer = get_html(client, site_tree.home).find("footer")

    assert "Datenschutz" in footer.get_text()
    assert "/impressum/" not in str(footer)


@pytest.mark.parametrize("how", RESTRICTIONS)
def test_the_head_links_no_feed_of_a_restricted_section(client, site_tree, how):
    hide(site_tree.articles, how)

    head = get_html(client, site_tree.home).head

    assert head.find("link", type="application/atom+xml") is None
    assert head.find("link", type="text/calendar") is not None


@pytest.mark.parametrize("how", RESTRICTIONS)
def test_the_start_page_finds_no_more_link_target_in_a_restricted_section(site_tree, how):
    # The "Alle Nachrichten" link under the start page's news cards goes where this tag
    # points; asked directly, as a restricted section leaves no cards to put the link under.
    context = {"request": None}
    assert child_page_of_type(context, site_tree.home, "articles.ArticleIndexPage") == site_tree.articles

    hide(site_tree.articles, how)

    assert child_page_of_type(context, site_tree.home, "articles.ArticleIndexPage") is None


def test_breadcrumbs_name_a_section_visitors_cannot_open_without_linking_it(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles)
    site_tree.articles.live = False
    site_tree.articles.save()

    crumbs = get_html(client, article).find("nav", class_="breadcrumbs")

    assert "Aktuelles" in crumbs.get_text()
    assert not crumbs.find("a", href=site_tree.articles.url)


@pytest.mark.parametrize("how", HIDDEN)
def test_the_sitemap_lists_only_visible_pages(client, site_tree, how):
    shown = ArticlePageFactory(parent=site_tree.articles)
    hide(ArticlePageFactory(parent=site_tree.articles, **secret_title("Nachricht")), how)

    response = client.get("/sitemap-pages.xml")

    assert shown.slug in response.content.decode()
    assert_no_secret(response)


@pytest.mark.parametrize("how", HIDDEN)
def test_the_news_feed_and_the_calendar_carry_only_visible_items(client, site_tree, how):
    soon = timezone.now() + datetime.timedelta(days=3)
    ArticlePageFactory(parent=site_tree.articles, title="Sichtbare Nachricht")
    EventPageFactory(parent=site_tree.events, title="Sichtbarer Termin", start=soon)
    hide(ArticlePageFactory(parent=site_tree.articles, **secret_title("Nachricht")), how)
    hide(EventPageFactory(parent=site_tree.events, start=soon, **secret_title("Workshop")), how)

    feed = client.get(site_tree.articles.url + "feed/")
    calendar = client.get(site_tree.events.url + "ical/")

    assert "Sichtbare Nachricht" in feed.content.decode()
    assert "Sichtbarer Termin" in calendar.content.decode()
    assert_no_secret(feed)
    assert_no_secret(calendar)


@pytest.mark.parametrize("how", HIDDEN)
def test_search_finds_only_visible_pages(client, site_tree, how):
    ArticlePageFactory(parent=site_tree.articles, title="Sensornetz im Tal")
    hide(ArticlePageFactory(parent=site_tree.articles, title=f"Sensornetz {SECRET}"), how)

    soup = get_html(client, "/suche/?q=Sensornetz")

    assert "Sensornetz im Tal" in soup.get_text()
    assert_no_secret(soup)


# Links in running text and link blocks


def rich_text_link(page, text="Pressemitteilung"):
    return f'<p>Siehe <a linktype="page" id="{page.pk}">{text}</a>.</p>'


def embargoed(site_tree, how):
    """A press release visitors may not read yet, in the way named."""
    if how == "draft":
        return ArticlePageFactory(parent=site_tree.articles, live=False, **secret_title("Nachricht"))
    page = ArticlePageFactory(parent=site_tree.articles, **secret_title("Nachricht"))
    hide(page, how)
    return page


@pytest.mark.parametrize("how", ["draft", *HIDDEN])
def test_a_rich_text_link_to_a_page_visitors_cannot_open_is_plain_text(client, site_tree, how):
    target = embargoed(site_tree, how)
    article = ArticlePageFactory(parent=site_tree.articles, body=[("paragraph", rich_text_link(target))])

    link = get_html(client, article).select_one(".rich-text").find("a", string="Pressemitteilung")

    assert link is not None
    assert not link.has_attr("href")
    assert_no_secret(get_html(client, article))


def test_a_rich_text_link_to_a_visible_page_keeps_its_address(client, site_tree):
    target = ArticlePageFactory(parent=site_tree.articles, slug="foerderbescheid")
    article = ArticlePageFactory(parent=site_tree.articles, body=[("paragraph", rich_text_link(target))])

    link = get_html(client, article).select_one(".rich-text").find("a", string="Pressemitteilung")

    assert link["href"] == "/aktuelles/foerderbescheid/"


@pytest.mark.parametrize("how", ["draft", *HIDDEN])
def test_a_link_block_to_a_page_visitors_cannot_open_keeps_only_its_text(client, site_tree, how):
    target = embargoed(site_tree, how)
    link = {"text": "Zur Pressemitteilung", "page": target, "url": "", "new_tab": False}
    article = ArticlePageFactory(
        parent=site_tree.articles,
        body=[("link_list", {"title": "Weiterlesen", "links": [link]})],
    )

    soup = get_html(client, article)

    assert soup.find(string="Zur Pressemitteilung").parent.name == "span"
    assert_no_secret(soup)


@pytest.mark.parametrize("how", ["draft", *HIDDEN])
def test_the_api_rich_text_gives_no_address_of_a_page_visitors_cannot_open(client, site_tree, how):
    target = embargoed(site_tree, how)
    article = ArticlePageFactory(parent=site_tree.articles, body=[("paragraph", rich_text_link(target))])

    response = client.get(f"/api/v2/pages/{article.pk}/")

    [paragraph] = response.json()["body"]
    assert "<a>Pressemitteilung</a>" in paragraph["value"]
    assert_no_secret(response)
