"""What a visitor sees on a news item and on the news list ("Aktuelles")."""

import datetime

import pytest

from articles.factories import ArticlePageFactory
from articles.models import ArticleEventLink, ArticlePage, ArticleProjectLink
from core.factories import CategoryFactory
from events.factories import EventPageFactory
from media.factories import ImageFactory
from projects.factories import ProjectPageFactory
from tests.html import assert_one_h1_and_no_heading_gaps, get_html

pytestmark = pytest.mark.django_db


def credit_lines(soup):
    section = soup.find("section", class_="image-credits")
    return [li.get_text(" ", strip=True) for li in section.find_all("li")] if section else []


@pytest.fixture
def kickoff_article(site_tree):
    """The seed page: a news item with a credited hero image and a second image in its text."""
    hero = ImageFactory(description="Vernetzte Stadt", credit_author="Gerd Altmann", credit_source="Pixabay")
    city_image = ImageFactory(description="Das Rathaus", credit_author="", credit_source="Stadt Wuppertal")
    body = [
        {"type": "heading", "value": {"text": "Wuppertals Smart-City-Strategie", "level": "h2"}},
        {
            "type": "paragraph",
            "value": (
                "<p>Technik als Werkzeug für die Stadtgesellschaft.</p>"
                f'<embed embedtype="image" id="{city_image.pk}" format="fullwidth" alt="Das Rathaus"/>'
            ),
        },
    ]
    return ArticlePageFactory(
        parent=site_tree.articles,
        title="07.03.: Live-Auftakt von smart.wuppertal",
        date=datetime.date(2022, 2, 11),
        category=CategoryFactory(name="Aktuelles"),
        teaser="Save the Date: Auftaktveranstaltung am 7. März 2022 ab 17 Uhr.",
        hero_image=hero,
        body=body,
    )


def test_it_shows_the_title_as_the_only_h1(client, kickoff_article):
    soup = get_html(client, kickoff_article)

    assert soup.h1.get_text(strip=True) == "07.03.: Live-Auftakt von smart.wuppertal"
    assert_one_h1_and_no_heading_gaps(soup)


def test_it_shows_the_date_in_german_format_with_a_machine_readable_value(client, kickoff_article):
    soup = get_html(client, kickoff_article)

    time = soup.find(class_="page-header").find("time")
    assert time.get_text() == "11.02.2022"
    assert time["datetime"] == "2022-02-11"


def test_it_shows_the_category_next_to_the_date(client, kickoff_article):
    soup = get_html(client, kickoff_article)

    assert soup.find(class_="page-header__meta").get_text(" ", strip=True) == "Aktuelles | 11.02.2022"


def test_it_shows_the_teaser_and_the_body(client, kickoff_article):
    soup = get_html(client, kickoff_article)

    assert soup.find(class_="teaser").get_text(strip=True).startswith("Save the Date")
    assert soup.find("h2", string="Wuppertals Smart-City-Strategie") is not None
    assert "Technik als Werkzeug für die Stadtgesellschaft." in soup.main.get_text()


def test_it_renders_the_hero_image_with_size_and_alt_text(client, kickoff_article):
    soup = get_html(client, kickoff_article)

    hero = soup.find("img", class_="hero__image")
    assert hero["alt"] == "Vernetzte Stadt"
    # The smallest rendition is the fallback <img>; wider ones are in the srcset.
    assert (hero["width"], hero["height"]) == ("800", "400")


def test_it_gives_a_decorative_hero_image_an_empty_alt_text(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles, hero_image=ImageFactory(is_decorative=True))

    soup = get_html(client, article)

    assert soup.find("img", class_="hero__image")["alt"] == ""


def test_it_credits_the_hero_image_and_the_image_in_the_text(client, kickoff_article):
    soup = get_html(client, kickoff_article)

    assert soup.find("section", class_="image-credits").h2.get_text(strip=True) == "Bildnachweise"
    assert credit_lines(soup) == ["Gerd Altmann auf Pixabay", "Stadt Wuppertal"]


def test_it_links_the_licence_of_a_credited_image(client, site_tree):
    image = ImageFactory(licence="CC BY 4.0", licence_url="https://creativecommons.org/licenses/by/4.0/")
    article = ArticlePageFactory(parent=site_tree.articles, hero_image=image)

    soup = get_html(client, article)

    assert credit_lines(soup) == ["Gerd Altmann auf Pixabay, CC BY 4.0"]
    licence_link = soup.find("section", class_="image-credits").a
    assert licence_link["href"] == "https://creativecommons.org/licenses/by/4.0/"


def test_it_leaves_out_the_credits_section_when_the_page_shows_no_image(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles)

    soup = get_html(client, article)

    assert soup.find("section", class_="image-credits") is None
    assert "Bildnachweise" not in soup.get_text()


def test_it_lists_the_related_events_with_their_dates(client, site_tree, kickoff_article):
    event = EventPageFactory(parent=site_tree.events, title="Live-Auftakt im codeks")
    ArticleEventLink.objects.create(article=kickoff_article, event=event)

    soup = get_html(client, kickoff_article)

    section = soup.find("section", attrs={"aria-labelledby": "verwandte-veranstaltungen"})
    assert section.h3.a.get_text(strip=True) == "Live-Auftakt im codeks"
    assert section.h3.a["href"] == event.url
    assert "Montag, 7. März 2022, 17:00 Uhr" in section.get_text()
    assert_one_h1_and_no_heading_gaps(soup)


def test_it_lists_the_projects_the_article_belongs_to(client, site_tree, kickoff_article):
    project = ProjectPageFactory(parent=site_tree.projects, title="Modellprojekt Smart City")
    ArticleProjectLink.objects.create(article=kickoff_article, project=project)

    soup = get_html(client, kickoff_article)

    section = soup.find("section", attrs={"aria-labelledby": "zugehoerige-projekte"})
    assert section.h3.a.get_text(strip=True) == "Modellprojekt Smart City"


def test_it_lists_related_events_in_the_editors_order_each_once(client, site_tree, kickoff_article):
    first = EventPageFactory(parent=site_tree.events, title="Bürgerdialog")
    second = EventPageFactory(parent=site_tree.events, title="Hackathon")
    for sort_order, event in enumerate([second, first, second]):
        ArticleEventLink.objects.create(article=kickoff_article, event=event, sort_order=sort_order)

    soup = get_html(client, kickoff_article)

    section = soup.find("section", attrs={"aria-labelledby": "verwandte-veranstaltungen"})
    assert [h3.get_text(strip=True) for h3 in section.find_all("h3")] == ["Hackathon", "Bürgerdialog"]


def test_a_draft_in_preview_shows_its_own_related_projects(site_tree, kickoff_article):
    published = ProjectPageFactory(parent=site_tree.projects, title="Sensornetz")
    drafted = ProjectPageFactory(parent=site_tree.projects, title="Datenplattform")
    ArticleProjectLink.objects.create(article=kickoff_article, project=published)
    article = ArticlePage.objects.get(pk=kickoff_article.pk)
    article.related_projects = [ArticleProjectLink(project=drafted)]

    # The preview renders the page built from the draft's revision.
    draft = article.save_revision().as_object()

    assert [project.title for project in draft.get_related_projects()] == ["Datenplattform"]
    live = ArticlePage.objects.get(pk=kickoff_article.pk)
    assert [project.title for project in live.get_related_projects()] == ["Sensornetz"]


def test_the_index_lists_articles_newest_first_with_their_dates(client, site_tree):
    ArticlePageFactory(parent=site_tree.articles, title="Ältere Nachricht", date=datetime.date(2022, 1, 5))
    ArticlePageFactory(parent=site_tree.articles, title="Live-Auftakt", date=datetime.date(2022, 2, 11))
    ArticlePageFactory(parent=site_tree.articles, title="Entwurf", live=False)

    soup = get_html(client, site_tree.articles)

    cards = soup.find_all("article", class_="card")
    assert [card.h2.get_text(strip=True) for card in cards] == ["Live-Auftakt", "Ältere Nachricht"]
    assert cards[0].time.get_text() == "11.02.2022"
    assert_one_h1_and_no_heading_gaps(soup)


def test_the_index_says_so_when_there_is_no_news(client, site_tree):
    soup = get_html(client, site_tree.articles)

    assert "Zurzeit gibt es keine Nachrichten." in soup.main.get_text()
