"""Parts of pages and API answers worked out once per content change (core.fragments) are
never shown later than an edit, a date that ends or a page that expires.

Every test first reads an address so that its parts are kept, then changes something the
address shows and reads it again. The cache is the in-memory one of the test settings, or a
real Redis where named.
"""

import datetime

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from alerts.factories import AlertFactory
from articles.factories import ArticlePageFactory
from articles.models import ArticleEventLink, ArticleProjectLink
from core import fragments
from core.factories import CategoryFactory
from delivery import content_version
from events.factories import EventDateFactory, EventPageFactory
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory
from tests.pages import published

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kept_parts")]

REDIS_TEST_URL = "redis://127.0.0.1:6379/13"


def read(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


@pytest.fixture
def article(site_tree):
    return published(ArticlePageFactory(parent=site_tree.articles, title="Sensoren am Döppersberg"))


def linking_article(site_tree, target):
    body = [{"type": "paragraph", "value": f'<p><a linktype="page" id="{target.pk}">Mehr lesen</a></p>'}]
    return published(ArticlePageFactory(parent=site_tree.articles, body=body))


def test_a_second_reader_gets_the_same_page_from_far_fewer_queries(client, article):
    first_html = read(client, article.url)
    worked_out = queries_of(client, article.url)
    caches["default"].clear()
    afresh = queries_of(client, article.url)

    assert read(client, article.url) == first_html
    assert worked_out <= afresh * 0.6


def test_a_renamed_page_shows_at_once_where_another_page_links_it(client, site_tree, article):
    linking = linking_article(site_tree, article)
    old_url = article.url
    assert f'href="{old_url}"' in read(client, linking.url)
    assert old_url in str(client.get(f"/api/v2/pages/{linking.pk}/").json()["body"])

    article.title = "Luftmessung am Döppersberg"
    article.slug = "luftmessung"
    published(article)

    html = read(client, linking.url)
    assert 'href="/aktuelles/luftmessung/"' in html
    assert f'href="{old_url}"' not in html
    assert "/aktuelles/luftmessung/" in str(client.get(f"/api/v2/pages/{linking.pk}/").json()["body"])


def test_a_related_project_renamed_shows_at_once_on_the_article(client, site_tree, article):
    project = published(ProjectPageFactory(parent=site_tree.projects, title="Digitale Zwillinge"))
    ArticleProjectLink.objects.create(article=article, project=project)
    published(article)
    assert "Digitale Zwillinge" in read(client, article.url)
    assert "Digitale Zwillinge" in str(client.get(f"/api/v2/pages/{article.pk}/").json()["related_projects"])

    project.title = "Urbane Datenplattform"
    published(project)

    assert "Urbane Datenplattform" in read(client, article.url)
    related = client.get(f"/api/v2/pages/{article.pk}/").json()["related_projects"]
    assert "Urbane Datenplattform" in str(related)


def test_an_unpublished_related_project_leaves_the_article_at_once(client, site_tree, article):
    project = published(ProjectPageFactory(parent=site_tree.projects, title="Digitale Zwillinge"))
    ArticleProjectLink.objects.create(article=article, project=project)
    published(article)
    assert "Digitale Zwillinge" in read(client, article.url)

    project.unpublish()

    assert "Digitale Zwillinge" not in read(client, article.url)


def test_a_renamed_category_and_a_new_alt_text_show_at_once(client, site_tree):
    category = CategoryFactory(name="Mobilität")
    image = ImageFactory(description="Alter Alternativtext")
    article = published(ArticlePageFactory(parent=site_tree.articles, category=category, hero_image=image))
    html = read(client, article.url)
    assert "Mobilität" in html and "Alter Alternativtext" in html

    category.name = "Verkehr"
    category.save()
    image.description = "Neuer Alternativtext"
    image.save()

    html = read(client, article.url)
    assert "Verkehr" in html and "Mobilität" not in html
    assert "Neuer Alternativtext" in html
    assert client.get(f"/api/v2/pages/{article.pk}/").json()["hero_image"]["alt"] == "Neuer Alternativtext"


def test_an_edited_article_shows_its_new_body_in_html_and_api_at_once(client, article):
    read(client, article.url)
    client.get(f"/api/v2/pages/{article.pk}/")

    article.body = [{"type": "paragraph", "value": "<p>Neu gemessen: 42 Sensoren.</p>"}]
    published(article)

    assert "Neu gemessen: 42 Sensoren." in read(client, article.url)
    assert "Neu gemessen: 42 Sensoren." in str(client.get(f"/api/v2/pages/{article.pk}/").json()["body"])


def test_an_event_card_moves_on_to_the_next_date_the_moment_one_ends(client, site_tree, article, monkeypatch):
    now = timezone.now().replace(microsecond=0)
    event = EventPageFactory(
        parent=site_tree.events,
        title="Bürgerdialog",
        start=now + datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=2),
    )
    week = datetime.timedelta(days=7)
    EventDateFactory(event=event, start=event.start + week, end=event.end + week)
    published(event)
    ArticleEventLink.objects.create(article=article, event=event)
    published(article)
    first = timezone.localtime(event.start).strftime("%Y-%m-%d")
    next_one = timezone.localtime(event.start + datetime.timedelta(days=7)).strftime("%Y-%m-%d")
    assert f'datetime="{first}' in read(client, article.url)

    # Two hours and a second later the first evening is over; nothing was published.
    later = now + datetime.timedelta(hours=2, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)

    html = read(client, article.url)
    assert f'datetime="{next_one}' in html
    assert f'datetime="{first}' not in html


def test_a_page_past_its_expiry_leaves_the_pages_that_show_it_at_that_moment(
    client, site_tree, article, monkeypatch
):
    now = timezone.now()
    project = ProjectPageFactory(parent=site_tree.projects, title="Befristetes Projekt")
    project.expire_at = now + datetime.timedelta(hours=1)
    published(project)
    ArticleProjectLink.objects.create(article=article, project=project)
    published(article)
    assert "Befristetes Projekt" in read(client, article.url)

    # The scheduler has not unpublished it yet; its expiry date alone takes it off.
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=1, seconds=1))

    assert "Befristetes Projekt" not in read(client, article.url)


def test_an_alert_leaves_the_banner_at_its_end(client, article, monkeypatch):
    now = timezone.now()
    AlertFactory(title="Sperrung der Schwebebahn", expire_at=now + datetime.timedelta(minutes=30))
    assert "Sperrung der Schwebebahn" in read(client, article.url)

    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(minutes=30, seconds=1))

    assert "Sperrung der Schwebebahn" not in read(client, article.url)


def test_a_preview_shows_the_draft_not_the_page_kept_for_visitors(admin_client, client, article):
    read(client, article.url)
    article.body = [{"type": "paragraph", "value": "<p>Entwurf: noch nicht freigegeben.</p>"}]
    article.save_revision()

    draft = admin_client.get(f"/admin/pages/{article.pk}/revisions/{article.latest_revision_id}/view/")

    assert "Entwurf: noch nicht freigegeben." in draft.content.decode()
    assert "Entwurf: noch nicht freigegeben." not in read(client, article.url)


def test_signed_in_editors_get_every_part_worked_out_afresh(admin_client, client, article):
    read(client, article.url)
    # A change that moves no content version (a direct update, as no editor can make): the part
    # kept for visitors still shows the old title, an editor's page is worked out from the rows.
    type(article).objects.filter(pk=article.pk).update(title="Titel aus der Datenbank")

    heading = "<h1>Titel aus der Datenbank</h1>"
    assert heading not in read(client, article.url)
    assert heading in admin_client.get(article.url).content.decode()


def test_a_deployment_with_other_code_never_reads_the_parts_of_the_one_before(tmp_path):
    template = tmp_path / "someapp" / "templates" / "part.html"
    template.parent.mkdir(parents=True)
    template.write_text("<p>alt</p>")
    before = fragments.fingerprint_of([tmp_path])

    template.write_text("<p>neu und länger</p>")

    assert fragments.fingerprint_of([tmp_path]) != before


def test_parts_are_kept_in_redis_for_every_web_process(client, article, settings):
    redis = {"BACKEND": "delivery.cache.FailSoftRedisCache", "LOCATION": REDIS_TEST_URL}
    settings.CACHES = {"default": redis}
    caches["default"].clear()
    try:
        html = read(client, article.url)
        kept = queries_of(client, article.url)
        caches["default"].clear()
        assert queries_of(client, article.url) > kept
        assert read(client, article.url) == html
    finally:
        caches["default"].clear()


def test_a_cache_that_is_gone_costs_speed_not_pages(client, article, settings):
    # Nothing listens on port 1: every cache call fails.
    settings.CACHES = {
        "default": {
            "BACKEND": "delivery.cache.FailSoftRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }

    assert "Sensoren am Döppersberg" in read(client, article.url)
    assert client.get(f"/api/v2/pages/{article.pk}/").json()["title"] == "Sensoren am Döppersberg"


def test_recording_a_files_size_and_hash_on_first_use_retires_nothing(site_tree):
    # Images and documents created outside the upload form (the demo, imports) get them on
    # their first rendition or download link, in a visitor's request.
    image = ImageFactory()
    image.file_size, image.file_hash = None, ""
    image.save()
    before = content_version.current()

    image.get_file_size()
    image.get_file_hash()

    assert content_version.current() == before
    image.refresh_from_db()
    assert image.file_size and image.file_hash


def test_an_api_list_read_again_loads_nothing_for_its_items_and_shows_an_edit_at_once(client, site_tree):
    for number in range(3):
        published(
            ArticlePageFactory(
                parent=site_tree.articles, title=f"Nachricht {number}", hero_image=ImageFactory()
            )
        )
    url = "/api/v2/pages/?type=articles.ArticlePage&fields=*"
    first = client.get(url).json()
    worked_out = queries_of(client, url)
    assert client.get(url).json() == first
    caches["default"].clear()
    assert queries_of(client, url) > worked_out

    edited = ArticlePageFactory._meta.model.objects.get(title="Nachricht 1")
    edited.title = "Nachricht eins"
    published(edited)

    assert sorted(item["title"] for item in client.get(url).json()["items"]) == [
        "Nachricht 0",
        "Nachricht 2",
        "Nachricht eins",
    ]


def test_an_event_in_two_date_ranges_names_the_date_each_range_matched(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        start=datetime.datetime(2031, 3, 10, 18, tzinfo=datetime.UTC),
        end=datetime.datetime(2031, 3, 10, 20, tzinfo=datetime.UTC),
    )
    EventDateFactory(
        event=event,
        start=datetime.datetime(2031, 4, 10, 18, tzinfo=datetime.UTC),
        end=datetime.datetime(2031, 4, 10, 20, tzinfo=datetime.UTC),
    )
    published(event)

    def matched(after, before):
        url = f"/api/v2/pages/?type=events.EventPage&fields=*&start_after={after}&start_before={before}"
        return [item["matched_start"][:10] for item in client.get(url).json()["items"]]

    assert matched("2031-03-01", "2031-03-31") == ["2031-03-10"]
    assert matched("2031-04-01", "2031-04-30") == ["2031-04-10"]


def test_an_answer_made_of_kept_parts_still_names_everything_it_shows(client, site_tree, article):
    project = published(ProjectPageFactory(parent=site_tree.projects, title="Digitale Zwillinge"))
    ArticleProjectLink.objects.create(article=article, project=project)
    published(article)

    for url in (article.url, f"/api/v2/pages/{article.pk}/"):
        worked_out = client.get(url)["xkey"].split()
        kept = client.get(url)["xkey"].split()
        assert kept == worked_out
        assert f"p{project.pk}" in kept


def test_a_new_article_tops_the_kept_news_list_at_once(client, site_tree, article):
    assert "Sensoren am Döppersberg" in read(client, site_tree.articles.url)
    assert "Sensoren am Döppersberg" in read(client, f"{site_tree.articles.url}?jahr={article.date.year}")

    published(ArticlePageFactory(parent=site_tree.articles, title="Neuer Radweg an der Nordbahntrasse"))

    assert "Neuer Radweg an der Nordbahntrasse" in read(client, site_tree.articles.url)


def test_a_kept_search_finds_a_new_match_and_loses_an_unpublished_one_at_once(client, site_tree, article):
    html, api = "/suche/?q=Ladesäulen", "/api/v2/pages/?search=Ladesäulen"
    assert "Keine Ergebnisse" in read(client, html)
    assert client.get(api).json()["meta"]["total_count"] == 0

    new = published(ArticlePageFactory(parent=site_tree.articles, title="Neue Ladesäulen in Elberfeld"))

    assert "Neue Ladesäulen in Elberfeld" in read(client, html)
    assert [item["id"] for item in client.get(api).json()["items"]] == [new.pk]
    # Read again: the same answers from the kept count and hits, without searching.
    with CaptureQueriesContext(connection) as queries:
        assert "Neue Ladesäulen in Elberfeld" in read(client, html)
        assert client.get(api).json()["meta"]["total_count"] == 1
    assert not [query for query in queries if "wagtailsearch_indexentry" in query["sql"]]

    new.unpublish()

    assert "Neue Ladesäulen in Elberfeld" not in read(client, html)
    assert client.get(api).json()["items"] == []


def test_a_kept_sitemap_file_names_a_new_page_at_once(client, site_tree, article):
    assert article.full_url in read(client, "/sitemap-pages.xml")
    # Read again: only the content version the kept file is filed under.
    assert queries_of(client, "/sitemap-pages.xml") == 1

    new = published(ArticlePageFactory(parent=site_tree.articles, title="Neuer Radweg an der Nordbahntrasse"))

    assert new.full_url in read(client, "/sitemap-pages.xml")


def test_every_cache_call_of_a_process_shares_one_redis_client(settings):
    settings.CACHES = {
        "default": {"BACKEND": "delivery.cache.FailSoftRedisCache", "LOCATION": REDIS_TEST_URL}
    }
    store = caches["default"]
    store.set("fragment-test", "eins")

    assert store.get("fragment-test") == "eins"
    assert store._cache.get_client(write=True) is store._cache.get_client(write=True)
    assert store._cache.get_client() is store._cache.get_client()
    store.delete("fragment-test")
