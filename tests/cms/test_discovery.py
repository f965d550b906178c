"""How search engines, feed readers and social networks find and describe the site:
sitemap.xml, robots.txt, feed links, canonical URL, Open Graph tags and JSON-LD."""

import datetime
import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from wagtail.models import PageViewRestriction

from articles.factories import ArticlePageFactory
from core.factories import CategoryFactory, OrganisationFactory
from events.factories import EventDateFactory, EventPageFactory, VenueFactory
from events.models import EventPage
from home.factories import ContentPageFactory
from media.factories import ImageFactory
from tests.html import get_html

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")
SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(
        parent=site_tree.articles,
        title="Wuppertal wird Modellprojekt Smart Cities",
        slug="modellprojekt",
        date=datetime.date(2022, 2, 11),
        teaser="Wuppertal ist eine von 28 Städten, die der Bund fördert.",
        category=CategoryFactory(name="Pressemitteilung"),
        hero_image=ImageFactory(description="Vernetzte Stadt bei Nacht"),
    )


@pytest.fixture
def kickoff(site_tree):
    """The seed's event: streamed live from the codeks, no cost, no registration."""
    return EventPageFactory(
        parent=site_tree.events,
        title="Live-Auftakt von smart.wuppertal",
        slug="live-auftakt",
        attendance_mode=EventPage.AttendanceMode.ONLINE,
        venue=VenueFactory(name="codeks", street="Hofaue 55"),
        stream_url="https://www.wuppertal.de/smart-city",
        cost="kostenfrei",
    )


def sitemap_locations(client):
    """Every address of the sitemap: /sitemap.xml is an index of files, each read in turn."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    locations = []
    for file in ET.fromstring(index.content).findall("sm:sitemap/sm:loc", SITEMAP):
        address = urlsplit(file.text)
        response = client.get(f"{address.path}?{address.query}")
        assert response.status_code == 200
        locations += [loc.text for loc in ET.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP)]
    return locations


def meta(soup, name):
    tag = soup.head.find("meta", attrs={"property": name}) or soup.head.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def json_ld(soup):
    (script,) = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


# sitemap.xml and robots.txt


def test_the_sitemap_lists_published_pages_with_absolute_addresses(client, site_tree, article):
    locations = sitemap_locations(client)

    assert "http://localhost/" in locations
    assert "http://localhost/aktuelles/" in locations
    assert "http://localhost/aktuelles/modellprojekt/" in locations


def test_the_sitemap_leaves_out_drafts_and_protected_pages(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, slug="entwurf", live=False)
    internal = ContentPageFactory(parent=site_tree.home, slug="intern")
    PageViewRestriction.objects.create(page=internal, restriction_type="password", password="geheim")

    locations = sitemap_locations(client)

    assert "http://localhost/aktuelles/entwurf/" not in locations
    assert "http://localhost/intern/" not in locations


def test_the_sitemap_index_splits_the_addresses_into_files_of_the_page_size(client, site_tree, settings):
    ArticlePageFactory.create_batch(4, parent=site_tree.articles)
    settings.SITEMAP_PAGE_SIZE = 3
    everything = sitemap_locations(client)

    index = ET.fromstring(client.get("/sitemap.xml").content)
    files = [urlsplit(loc.text) for loc in index.findall("sm:sitemap/sm:loc", SITEMAP)]
    sizes = [
        len(ET.fromstring(client.get(f"{file.path}?{file.query}").content).findall("sm:url", SITEMAP))
        for file in files
    ]

    assert len(everything) == len(set(everything)) > 6
    assert len(files) == -(-len(everything) // 3)
    assert sizes[:-1] == [3] * (len(files) - 1)
    assert client.get("/sitemap-pages.xml?p=99").status_code == 404


def test_robots_txt_allows_all_but_the_admin_and_names_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines


# Feed links


@pytest.mark.parametrize("page_name", ["home", "article"])
def test_every_page_links_the_news_feed_and_the_event_calendar(client, site_tree, article, page_name):
    page = {"home": site_tree.home, "article": article}[page_name]

    soup = get_html(client, page)

    alternates = [
        (link["type"], link["title"], link["href"])
        for link in soup.head.find_all("link", rel="alternate", type=True)
    ]
    assert alternates == [
        ("application/atom+xml", "Aktuelles", "/aktuelles/feed/"),
        ("text/calendar", "Veranstaltungen", "/veranstaltungen/ical/"),
    ]


def test_the_linked_feeds_answer(client, site_tree):
    soup = get_html(client, site_tree.home)

    for link in soup.head.find_all("link", rel="alternate", type=True):
        response = client.get(link["href"])
        assert response.status_code == 200
        assert response["Content-Type"].startswith(link["type"])


def test_a_site_without_a_news_section_links_only_the_calendar(client, site_tree):
    site_tree.articles.unpublish()

    soup = get_html(client, site_tree.home)

    assert [link["type"] for link in soup.head.find_all("link", rel="alternate", type=True)] == [
        "text/calendar"
    ]


# Canonical URL, Open Graph, Twitter card


def test_a_page_names_its_canonical_address(client, article):
    soup = get_html(client, article)

    assert soup.head.find("link", rel="canonical")["href"] == "http://localhost/aktuelles/modellprojekt/"


def test_an_article_describes_itself_for_link_previews(client, article):
    soup = get_html(client, article)

    assert meta(soup, "og:type") == "article"
    assert meta(soup, "og:title") == "Wuppertal wird Modellprojekt Smart Cities"
    assert meta(soup, "og:description") == "Wuppertal ist eine von 28 Städten, die der Bund fördert."
    assert meta(soup, "og:url") == "http://localhost/aktuelles/modellprojekt/"
    assert meta(soup, "og:locale") == "de_DE"
    assert meta(soup, "og:site_name") == "Smart City"
    assert meta(soup, "article:published_time") == "2022-02-11T00:00:00+01:00"


def test_the_preview_image_is_the_hero_image_cut_to_1200_by_630(client, article):
    soup = get_html(client, article)

    # File addresses start with the site's root URL, as page addresses do (media.api.absolute_url).
    assert meta(soup, "og:image").startswith("http://localhost/media/")
    assert "fill-1200x630" in meta(soup, "og:image")
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "og:image:alt") == "Vernetzte Stadt bei Nacht"
    assert meta(soup, "twitter:card") == "summary_large_image"


def test_a_page_without_an_image_gets_a_small_card(client, site_tree):
    soup = get_html(client, site_tree.home)

    assert meta(soup, "og:image") is None
    assert meta(soup, "twitter:card") == "summary"


def test_the_search_description_wins_over_the_teaser(client, article):
    article.search_description = "Kurzfassung für Suchmaschinen."
    article.save()

    soup = get_html(client, article)

    assert meta(soup, "og:description") == "Kurzfassung für Suchmaschinen."


def test_an_event_is_shared_as_a_website(client, kickoff):
    soup = get_html(client, kickoff)

    assert meta(soup, "og:type") == "website"


# JSON-LD


def test_an_article_is_a_news_article_for_search_engines(client, article):
    data = json_ld(get_html(client, article))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Wuppertal wird Modellprojekt Smart Cities"
    assert data["datePublished"] == "2022-02-11T00:00:00+01:00"
    assert data["description"] == "Wuppertal ist eine von 28 Städten, die der Bund fördert."
    assert data["mainEntityOfPage"]["@id"] == "http://localhost/aktuelles/modellprojekt/"
    assert data["author"] == {"@type": "Organization", "name": "Smart City", "url": "http://localhost/"}
    assert data["publisher"]["name"] == "Smart City"
    assert data["articleSection"] == "Pressemitteilung"
    assert "fill-1200x630" in data["image"][0]


def test_the_kickoff_is_an_online_event_in_a_virtual_location(client, kickoff):
    data = json_ld(get_html(client, kickoff))

    assert data["@type"] == "Event"
    assert data["name"] == "Live-Auftakt von smart.wuppertal"
    assert data["startDate"] == "2022-03-07T17:00:00+01:00"
    assert data["endDate"] == "2022-03-07T19:00:00+01:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://www.wuppertal.de/smart-city"}


def test_a_free_event_offers_free_admission(client, kickoff):
    data = json_ld(get_html(client, kickoff))

    assert data["isAccessibleForFree"] is True
    assert data["offers"]["price"] == "0"
    assert data["offers"]["priceCurrency"] == "EUR"


def test_an_event_with_a_fee_offers_the_first_amount_as_price(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, cost="5 €, ermäßigt 3 €")

    data = json_ld(get_html(client, event))

    assert data["offers"]["price"] == "5"
    assert "isAccessibleForFree" not in data


def test_a_cancelled_event_on_site_names_status_place_and_organiser(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        status=EventPage.Status.CANCELLED,
        venue=VenueFactory(name="codeks", street="Hofaue 55", latitude="51.256213", longitude="7.150764"),
        organiser=OrganisationFactory(name="Stadt Wuppertal", url="https://www.wuppertal.de/"),
    )

    data = json_ld(get_html(client, event))

    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "codeks",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Hofaue 55",
            "postalCode": "42103",
            "addressLocality": "Wuppertal",
            "addressCountry": "DE",
        },
        "geo": {"@type": "GeoCoordinates", "latitude": 51.256213, "longitude": 7.150764},
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Stadt Wuppertal",
        "url": "https://www.wuppertal.de/",
    }


def test_a_hybrid_event_is_both_at_a_place_and_online(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        attendance_mode=EventPage.AttendanceMode.HYBRID,
        venue=VenueFactory(name="codeks"),
        stream_url="https://www.wuppertal.de/smart-city",
    )

    data = json_ld(get_html(client, event))

    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]


def test_an_event_moved_online_says_so(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        status=EventPage.Status.MOVED_ONLINE,
        venue=VenueFactory(name="codeks"),
        stream_url="https://www.wuppertal.de/smart-city",
    )

    data = json_ld(get_html(client, event))

    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"]["@type"] == "VirtualLocation"


def test_an_all_day_event_gives_dates_without_times(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        all_day=True,
        start=datetime.datetime(2022, 5, 14, 0, 0, tzinfo=BERLIN),
        end=datetime.datetime(2022, 5, 15, 23, 59, tzinfo=BERLIN),
    )

    data = json_ld(get_html(client, event))

    assert (data["startDate"], data["endDate"]) == ("2022-05-14", "2022-05-15")


def test_each_further_date_is_an_event_of_its_own(client, kickoff):
    EventDateFactory(event=kickoff, start=datetime.datetime(2022, 3, 14, 17, 0, tzinfo=BERLIN), note="Teil 2")

    data = json_ld(get_html(client, kickoff))

    assert data["@context"] == "https://schema.org"
    assert [(node["@type"], node["name"], node["startDate"]) for node in data["@graph"]] == [
        ("Event", "Live-Auftakt von smart.wuppertal", "2022-03-07T17:00:00+01:00"),
        ("Event", "Live-Auftakt von smart.wuppertal (Teil 2)", "2022-03-14T17:00:00+01:00"),
    ]


def test_a_title_with_a_closing_script_tag_stays_inside_the_json(client, site_tree):
    title = 'Ende </script><script>alert("x")</script> <!-- & mehr'
    article = ArticlePageFactory(parent=site_tree.articles, title=title, slug="ende")

    response = client.get(article.url)
    soup = get_html(client, article)

    assert "</script><script>" not in response.content.decode()
    inline_scripts = [script for script in soup.find_all("script") if not script.get("src")]
    assert [script.get("type") for script in inline_scripts] == ["application/ld+json"]
    assert json_ld(soup)["headline"] == title


def test_a_content_page_carries_no_json_ld(client, site_tree):
    page = ContentPageFactory(parent=site_tree.home, slug="impressum")

    soup = get_html(client, page)

    assert soup.find("script", type="application/ld+json") is None
    assert soup.head.find("link", rel="canonical")["href"] == "http://localhost/impressum/"


def test_further_pages_of_a_list_are_canonical_on_their_own(client, site_tree):
    for _ in range(11):
        ArticlePageFactory(parent=site_tree.articles)

    first = get_html(client, site_tree.articles.url)
    second = get_html(client, f"{site_tree.articles.url}?seite=2")

    assert first.find("link", rel="canonical")["href"] == site_tree.articles.full_url
    assert second.find("link", rel="canonical")["href"] == f"{site_tree.articles.full_url}?seite=2"
