"""Images come in sizes and formats for each screen: WebP first, with width and height set."""

import pytest

from articles.factories import ArticlePageFactory
from media.factories import ImageFactory
from tests.html import get_html

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(site_tree):
    return ArticlePageFactory(
        parent=site_tree.articles,
        hero_image=ImageFactory(description="Vernetzte Stadt", file__width=1600, file__height=900),
        body=[("image", {"image": ImageFactory(description="Das codeks"), "caption": "Blick in den Saal"})],
    )


def test_the_hero_image_offers_webp_in_three_widths_and_loads_at_once(client, article):
    picture = get_html(client, article).find("div", class_="hero").picture

    webp = picture.find("source", type="image/webp")
    assert [candidate.split()[-1] for candidate in webp["srcset"].split(", ")] == ["800w", "1200w", "1600w"]
    img = picture.img
    assert (img["width"], img["height"], img["alt"]) == ("800", "400", "Vernetzte Stadt")
    assert not img.has_attr("loading")


def test_body_images_load_lazily_with_their_size_set(client, article):
    img = get_html(client, article).find("figure", class_="image-block").img

    assert img["loading"] == "lazy"
    assert img["width"] and img["height"]
    assert img["alt"] == "Das codeks"


def test_cards_offer_webp_and_load_lazily(client, article):
    picture = get_html(client, article.get_parent()).find("article", class_="card").picture

    assert picture.find("source", type="image/webp") is not None
    assert picture.img["loading"] == "lazy"
