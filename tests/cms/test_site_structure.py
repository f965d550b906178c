"""The site's structure that anonymous reads remember per generation in each process
(core.fragments.remembered, core.site_structure): the site of a host, where an address
leads, the view restrictions above a page, the API's home pages and a page's type. Every
change to content is seen at once: each test reads an address so that its structure is
remembered, changes the content and reads again; answers are compared with what the app
answers when it remembers nothing.
"""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from articles.factories import ArticlePageFactory
from core import fragments
from events.factories import EventDateFactory, EventPageFactory
from tests.pages import published

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kept_parts")]


@pytest.fixture
def article(site_tree):
    return published(ArticlePageFactory(parent=site_tree.articles, title="Sensoren am Döppersberg"))


def status(client, url) -> int:
    return client.get(url).status_code


def answer_afresh(client, url):
    """The answer when nothing is kept or remembered, as signed-in editors get it."""
    with override_settings(FRAGMENT_CACHE=False):
        return client.get(url)


def test_a_page_read_again_is_found_without_walking_the_tree(client, article, django_assert_num_queries):
    client.get(article.url)

    # The content version the generation is read from, then the page itself.
    with django_assert_num_queries(2):
        response = client.get(article.url)

    assert response.content == answer_afresh(client, article.url).content


def test_a_renamed_page_leaves_its_old_address_and_answers_at_its_new_one_at_once(client, article):
    old_url = article.url
    assert status(client, old_url) == 200

    article.slug = "sensoren-am-doeppersberg-2027"
    published(article)

    assert status(client, old_url) == 404
    assert status(client, article.url) == 200


def test_an_unpublished_page_is_gone_from_its_address_and_the_api_at_once(client, article):
    api_url = f"/api/v2/pages/{article.pk}/"
    assert status(client, article.url) == 200
    assert status(client, api_url) == 200

    article.unpublish()

    assert status(client, article.url) == 404
    assert status(client, api_url) == 404


def test_an_address_that_led_nowhere_answers_once_a_page_is_published_there(client, site_tree):
    url = f"{site_tree.articles.url}neue-ladesaeulen/"
    assert status(client, url) == 404

    published(ArticlePageFactory(parent=site_tree.articles, title="Neue Ladesäulen", slug="neue-ladesaeulen"))

    assert status(client, url) == 200


def test_a_view_restriction_applies_at_once_to_the_page_the_api_detail_and_lists(client, site_tree, article):
    api_detail = f"/api/v2/pages/{article.pk}/"
    api_list = "/api/v2/pages/?type=articles.ArticlePage"
    assert status(client, article.url) == 200
    assert status(client, api_detail) == 200
    assert [item["id"] for item in client.get(api_list).json()["items"]] == [article.pk]

    PageViewRestriction.objects.create(page=site_tree.articles, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(article.url)
    assert response.status_code == 302
    assert "/_util/login/" in response["Location"]
    assert status(client, api_detail) == 404
    assert client.get(api_list).json()["items"] == []


def test_a_sections_own_routes_resolve_from_its_remembered_address(client, site_tree, article):
    feed = f"{site_tree.articles.url}feed/"
    calendar = f"{site_tree.events.url}ical/"
    for url in (feed, calendar, feed, calendar):
        response = client.get(url)
        assert response.status_code == 200
        assert response.content == answer_afresh(client, url).content
    assert client.get(feed)["Content-Type"].startswith("application/atom+xml")
    assert client.get(calendar)["Content-Type"].startswith("text/calendar")


def test_english_and_german_addresses_are_remembered_apart(client, site_tree, article):
    # Both start pages answer the same path below the language prefix ("").
    english = site_tree.home.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0])
    english.title = "Smart City Wuppertal in English"
    published(english)

    for url in ("/", "/en/", "/", "/en/"):
        response = client.get(url)
        assert response.status_code == 200
        assert response.content == answer_afresh(client, url).content
    assert "Smart City Wuppertal in English" in client.get("/en/").content.decode()
    assert "Smart City Wuppertal in English" not in client.get("/").content.decode()


def test_an_api_detail_with_filters_finds_its_page_as_wagtail_does(client, site_tree, article):
    event = published(EventPageFactory(parent=site_tree.events, title="Bürgerdialog"))
    urls = [
        f"/api/v2/pages/{article.pk}/",
        f"/api/v2/pages/{article.pk}/?fields=title",
        f"/api/v2/pages/{article.pk}/?type=events.EventPage",
        f"/api/v2/pages/{event.pk}/?type=events.EventPage",
        f"/api/v2/pages/{article.pk}/?title=Sensoren%20am%20D%C3%B6ppersberg",
        "/api/v2/pages/999999/",
    ]
    for url in urls + urls:
        afresh = answer_afresh(client, url)
        response = client.get(url)
        assert (response.status_code, response.content) == (afresh.status_code, afresh.content), url


def test_the_event_list_drops_an_event_the_moment_its_last_date_ends(
    client, site_tree, monkeypatch, django_assert_num_queries
):
    now = timezone.now().replace(microsecond=0)
    published(
        EventPageFactory(
            parent=site_tree.events,
            title="Sprechstunde Mobilität",
            start=now - datetime.timedelta(hours=1),
            end=now + datetime.timedelta(hours=1),
        )
    )
    later = EventPageFactory(
        parent=site_tree.events,
        title="Werkstatt Quartier",
        start=now + datetime.timedelta(days=2),
        end=now + datetime.timedelta(days=2, hours=2),
    )
    EventDateFactory(event=later, start=now + datetime.timedelta(days=9), end=None)
    published(later)
    upcoming, past = site_tree.events.url, f"{site_tree.events.url}?zeitraum=vergangen"
    assert "Sprechstunde Mobilität" in client.get(upcoming).content.decode()
    assert "Sprechstunde Mobilität" not in client.get(past).content.decode()
    # Kept until then: read again, the list costs the content version and its page.
    with django_assert_num_queries(2):
        client.get(upcoming)

    # An hour and a second later the consultation is over; nothing was published.
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=1, seconds=1))

    for url in (upcoming, past):
        assert client.get(url).content == answer_afresh(client, url).content
    assert "Sprechstunde Mobilität" not in client.get(upcoming).content.decode()
    assert "Sprechstunde Mobilität" in client.get(past).content.decode()
    assert "Werkstatt Quartier" in client.get(upcoming).content.decode()


def test_a_remembered_value_lasts_one_generation_and_no_longer_than_it_holds(monkeypatch):
    generation = ["1"]
    computed = []

    def compute():
        computed.append(1)
        fragments.valid_until(now + datetime.timedelta(minutes=5))
        return object()

    now = timezone.now()
    assert fragments.remembered("thing", (), compute) is not fragments.remembered("thing", (), compute)
    with fragments.request_scope(lambda: generation[0], "stadt.example"):
        first = fragments.remembered("thing", (), compute)
        assert fragments.remembered("thing", (), compute) is first
        assert fragments.remembered("thing", ("other",), compute) is not first
    with fragments.request_scope(lambda: generation[0], "stadt.example"):
        assert fragments.remembered("thing", (), compute) is first
    generation[0] = "2"
    with fragments.request_scope(lambda: generation[0], "stadt.example"):
        second = fragments.remembered("thing", (), compute)
        assert second is not first
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(minutes=5, seconds=1))
    with fragments.request_scope(lambda: generation[0], "stadt.example"):
        assert fragments.remembered("thing", (), compute) is not second
    # Twice outside a scope; inside, once per name and parts in each generation, and once
    # more when the first bound has passed.
    assert len(computed) == 2 + 3 + 1


def test_a_password_protected_page_asks_every_anonymous_reader_for_its_password(client, site_tree, article):
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="schwebebahn"
    )

    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == answer_afresh(client, article.url).status_code
        assert 'name="password"' in response.content.decode()
        assert "Sensoren am Döppersberg" not in response.content.decode()
