"""The website in English: every string from code and templates comes from the English catalog
(locale/en), and dates, times and numbers follow cms/formats/en ("Monday, 7 March 2022, 17:00",
"7 Mar 2022", "1.2 MB"); in German nothing changes.

The pages are served and rendered with the language active (`translation.override`), which is
what the language's addresses do for a request; which addresses those are is decided elsewhere.
"""

import datetime

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from alerts.factories import AlertFactory, InfoScreenFactory
from alerts.views import info_screen
from articles.factories import ArticlePageFactory
from cms.signin.lockout import lockout_message
from cms.views import search
from core.factories import CategoryFactory
from events.factories import EventPageFactory, VenueFactory
from events.ical import event_components
from events.models import EventPage
from home.factories import ContentPageFactory
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory
from projects.models import ProjectPage
from tests.html import facts, section

pytestmark = pytest.mark.django_db


def visitor_request(path, query=None):
    request = RequestFactory().get(path, query or {}, HTTP_HOST="localhost")
    request.user = AnonymousUser()
    return request


def read(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def render_page(page, language, query=None) -> BeautifulSoup:
    request = visitor_request(page.url, query)
    with translation.override(language):
        response = page.serve(request)
        response.render()
    assert response.status_code == 200
    return read(response)


def text(element) -> str:
    return element.get_text(" ", strip=True)


@pytest.fixture
def kickoff(site_tree):
    return EventPageFactory(
        parent=site_tree.events,
        title="Live-Auftakt von smart.wuppertal",
        attendance_mode=EventPage.AttendanceMode.HYBRID,
        venue=VenueFactory(name="codeks", street="Hofaue 55"),
        stream_url="https://www.wuppertal.de/smart-city",
    )


def test_the_page_says_its_language_and_the_frame_speaks_it(site_tree, kickoff):
    soup = render_page(kickoff, "en")

    assert soup.html["lang"] == "en"
    assert text(soup.find("a", class_="skip-link")) == "Skip to content"
    assert soup.find("nav", class_="breadcrumbs")["aria-label"] == "Breadcrumb navigation"
    assert text(soup.find("label", attrs={"for": "site-search-query"})) == "Search term"
    assert soup.find("meta", property="og:locale")["content"] == "en_GB"


def test_an_event_shows_its_dates_in_english_without_uhr(site_tree, kickoff):
    soup = render_page(kickoff, "en")

    assert text(soup.find(id="auf-einen-blick")) == "At a glance"
    event_facts = facts(soup)
    assert event_facts["Date"] == "Monday, 7 March 2022, 17:00 to 19:00"
    assert event_facts["Attendance"] == "On site and online"
    assert event_facts["Registration"] == "No registration needed"
    assert "Add to calendar" in text(soup.find("p", class_="calendar-link"))


def test_an_event_across_midnight_and_an_all_day_event_in_english(site_tree):
    night = EventPageFactory(
        parent=site_tree.events, end=datetime.datetime(2022, 3, 8, 1, 0, tzinfo=datetime.UTC)
    )
    all_day = EventPageFactory(parent=site_tree.events, all_day=True, end=None)

    assert facts(render_page(night, "en"))["Date"] == (
        "Monday, 7 March 2022, 17:00 to Tuesday, 8 March 2022, 02:00"
    )
    assert facts(render_page(all_day, "en"))["Date"] == "Monday, 7 March 2022"


def test_german_keeps_uhr_and_its_own_words(site_tree, kickoff):
    soup = render_page(kickoff, "de")

    assert soup.html["lang"] == "de"
    assert facts(soup)["Termin"] == "Montag, 7. März 2022, 17:00 Uhr bis 19:00 Uhr"
    assert facts(soup)["Teilnahme"] == "Vor Ort und online"


def test_a_cancelled_event_says_so_in_english(site_tree):
    event = EventPageFactory(parent=site_tree.events, status=EventPage.Status.CANCELLED)

    soup = render_page(event, "en")

    assert text(soup.find("p", class_="event-status")) == "Cancelled"


def test_an_article_in_english_dates_credits_and_sharing(site_tree):
    hero = ImageFactory(credit_author="Gerd Altmann", credit_source="Pixabay")
    article = ArticlePageFactory(
        parent=site_tree.articles,
        date=datetime.date(2022, 2, 11),
        category=CategoryFactory(name="Aktuelles"),
        hero_image=hero,
    )

    soup = render_page(article, "en")

    assert text(soup.find("time")) == "11 Feb 2022"
    credits = section(soup, "bildnachweise")
    assert text(credits.h2) == "Image credits"
    assert [text(item) for item in credits.find_all("li")] == ["Gerd Altmann via Pixabay"]
    share = section(soup, "seite-teilen")
    assert [text(link) for link in share.find_all("a")][:2] == [
        "Share by email",
        "Share on Facebook (Opens in a new tab)",
    ]
    status = share.find(attrs={"data-share-status": True})
    assert status["data-copied-text"] == "Link copied to the clipboard."


def test_german_credits_and_dates_stay_as_they_were(site_tree):
    hero = ImageFactory(credit_author="Gerd Altmann", credit_source="Pixabay")
    article = ArticlePageFactory(parent=site_tree.articles, date=datetime.date(2022, 2, 11), hero_image=hero)

    soup = render_page(article, "de")

    assert text(soup.find("time")) == "11.02.2022"
    assert [text(item) for item in section(soup, "bildnachweise").find_all("li")] == [
        "Gerd Altmann auf Pixabay"
    ]


def test_a_project_in_english_status_period_and_milestones(site_tree):
    project = ProjectPageFactory(
        parent=site_tree.projects,
        status=ProjectPage.Status.RUNNING,
        start_date=datetime.date(2022, 1, 1),
        end_date=datetime.date(2025, 12, 31),
    )
    open_ended = ProjectPageFactory(
        parent=site_tree.projects, start_date=None, end_date=datetime.date(2025, 12, 31)
    )

    soup = render_page(project, "en")

    assert text(soup.find(id="steckbrief")) == "Project profile"
    assert facts(soup)["Status"] == "Running"
    assert facts(soup)["Duration"] == "1 Jan 2022 to 31 Dec 2025"
    assert facts(render_page(open_ended, "en"))["Duration"] == "until 31 Dec 2025"


def test_the_news_list_in_english_filter_and_summary(site_tree):
    ArticlePageFactory(parent=site_tree.articles, date=datetime.date(2022, 2, 11))

    soup = render_page(site_tree.articles, "en")

    form = soup.find("form", class_="filter-form")
    assert form["aria-label"] == "Filter news"
    assert text(form.find("label", attrs={"for": "id_jahr"})) == "Year"
    assert text(form.find("select", attrs={"name": "jahr"}).find("option")) == "All years"
    assert text(form.find("button")) == "Filter"
    assert text(soup.find("p", class_="listing-summary")) == "1 entry"


def test_the_news_list_explains_a_wrong_filter_in_english(site_tree):
    form = render_page(site_tree.articles, "en", {"jahr": "1999"}).find("form", class_="filter-form")

    assert "This year is not one of the choices. All years are shown." in text(form)


def test_the_event_list_in_english_period_switch_and_attendance_filter(site_tree, kickoff):
    soup = render_page(site_tree.events, "en", {"zeitraum": "vergangen"})

    assert text(soup.find("p", class_="listing-switch")) == "Show upcoming events"
    attendance = soup.find("select", attrs={"name": "teilnahme"})
    assert [text(option) for option in attendance.find_all("option")] == [
        "All",
        "On site",
        "Online",
        "On site and online",
    ]


def test_the_project_list_offers_the_statuses_in_english(site_tree):
    soup = render_page(site_tree.projects, "en")

    status = soup.find("select", attrs={"name": "status"})
    assert [text(option) for option in status.find_all("option")] == [
        "All",
        "Planned",
        "Running",
        "Completed",
    ]


def test_a_documents_size_has_a_decimal_point_in_english_and_a_comma_in_german(site_tree):
    document = wagtail_factories.DocumentFactory(
        title="Strategie", file__filename="strategie.pdf", file__data=b"%PDF" + b"0" * 1_258_287
    )
    page = ContentPageFactory(
        parent=site_tree.home,
        body=[{"type": "document", "value": {"document": document.pk, "title": "", "description": ""}}],
    )

    def size(language):
        return text(render_page(page, language).find(class_="document-block__meta"))

    assert size("en") == "(PDF, 1.2\xa0MB)"
    assert size("de") == "(PDF, 1,2\xa0MB)"


def test_a_content_page_says_when_it_was_last_reviewed_in_english(site_tree):
    page = ContentPageFactory(parent=site_tree.home, last_reviewed=datetime.date(2025, 3, 5))

    assert text(render_page(page, "en").find("p", class_="last-reviewed")) == "Last reviewed on 5 Mar 2025"


def test_the_home_page_sections_in_english(site_tree):
    ArticlePageFactory(parent=site_tree.articles)

    soup = render_page(site_tree.home, "en")

    assert text(soup.find(id="home-aktuelles")) == "News"
    assert "All news" in text(section(soup, "home-aktuelles"))


def test_an_alert_in_english_with_its_hide_button_words(site_tree):
    AlertFactory(title="Sturm")

    banner = render_page(site_tree.home, "en").find("section", class_="alerts")

    assert text(banner.h2) == "Current notices"
    assert text(banner.find(class_="alert__severity")) == "Warning"
    assert banner["data-hide-text"] == "Hide"
    assert banner.find("li")["data-hide-label"] == "Hide notice “Sturm”"


def test_the_site_search_in_english(site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Smart City Auftakt")

    with translation.override("en"):
        response = search(visitor_request("/suche/", {"q": "Auftakt"}))
        response.render()
    soup = read(response)

    assert soup.title.get_text().startswith("Search for “Auftakt”")
    assert text(soup.find("p", class_="search-summary")) == "1 result for “Auftakt”"
    assert text(soup.find("p", class_="search-result__type")) == "News item"


def test_the_error_pages_in_english():
    with translation.override("en"):
        server_error = BeautifulSoup(render_to_string("500.html"), "html.parser")
        not_found = BeautifulSoup(render_to_string("404.html", request=visitor_request("/x/")), "html.parser")

    assert server_error.html["lang"] == "en"
    assert text(server_error.h1) == "Technical error"
    assert text(server_error.find("a")) == "Skip to content"
    assert text(not_found.h1) == "Page not found"


def test_the_info_screen_in_english(site_tree):
    screen = InfoScreenFactory(show_news=False)
    EventPageFactory(
        parent=site_tree.events, title="Bald", start=datetime.datetime(2099, 3, 2, 16, 0, tzinfo=datetime.UTC)
    )

    with translation.override("en"):
        soup = read(info_screen(visitor_request(f"/infoscreen/{screen.slug}/"), screen.slug))

    assert soup.html["lang"] == "en"
    main = soup.find("main")
    assert (main["data-news-kind"], main["data-event-kind"]) == ("News item", "Event")
    assert text(soup.find("p", class_="screen__kind")) == "Event · Monday, 2 March 2099, 17:00"


def test_the_calendar_names_the_live_stream_in_english(site_tree, kickoff):
    with translation.override("en"):
        (vevent,) = event_components(kickoff, kickoff.full_url)

    assert "Live stream: https://www.wuppertal.de/smart-city" in str(vevent["description"])


def test_a_lockout_message_in_english():
    request = RequestFactory().post("/")
    request.axes_ip_address = "203.0.113.7"

    with translation.override("en"):
        message = lockout_message(request, {"username": "nobody"})

    assert message == (
        "Too many wrong passwords: signing in from this device is blocked for a few minutes, "
        "even with the right password. Please try again after that."
    )
