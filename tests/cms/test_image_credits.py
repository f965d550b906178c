"""Every page lists the credits of the images it shows ("Bildnachweise"): computed from
the hero image, image blocks and images inside rich text, deduplicated, in order."""

import pytest
from wagtail.rich_text import RichText

from articles.factories import ArticlePageFactory
from events.factories import EventPageFactory
from media.factories import ImageFactory
from media.models import Credit

pytestmark = pytest.mark.django_db


def rich_text_with_image(image):
    return RichText(
        f'<p>Vorher</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt="x"/><p>Nachher</p>'
    )


def test_it_lists_hero_block_and_rich_text_images_in_order_of_appearance(site_tree):
    hero = ImageFactory(credit_author="Gerd Altmann", credit_source="Pixabay")
    in_block = ImageFactory(credit_author="", credit_source="Stadt Wuppertal")
    in_rich_text = ImageFactory(credit_author="Erika Muster", credit_source="Wikimedia Commons")
    article = ArticlePageFactory(
        parent=site_tree.articles,
        hero_image=hero,
        body=[
            ("image", {"image": in_block, "caption": "Der Stream aus dem codeks"}),
            ("paragraph", rich_text_with_image(in_rich_text)),
        ],
    )

    assert article.images_shown() == [hero, in_block, in_rich_text]
    assert [credit.line for credit in article.image_credits()] == [
        "Gerd Altmann auf Pixabay",
        "Stadt Wuppertal",
        "Erika Muster auf Wikimedia Commons",
    ]


def test_it_prints_a_credit_shared_by_several_images_once(site_tree):
    first, second = ImageFactory.create_batch(2, credit_author="Gerd Altmann", credit_source="Pixabay")
    article = ArticlePageFactory(
        parent=site_tree.articles,
        hero_image=first,
        body=[("image", {"image": second, "caption": ""}), ("image", {"image": first, "caption": ""})],
    )

    assert article.images_shown() == [first, second]
    assert article.image_credits() == [
        Credit(attribution="Gerd Altmann auf Pixabay", author="Gerd Altmann", source="Pixabay")
    ]


def test_it_finds_images_nested_inside_structural_blocks(site_tree):
    image = ImageFactory(credit_author="", credit_source="Stadt Wuppertal")
    event = EventPageFactory(
        parent=site_tree.events,
        body=[
            (
                "call_to_action",
                {
                    "title": "Zum Stream",
                    "text": "",
                    "link": {"text": "Live", "page": None, "url": "https://example.org", "new_tab": True},
                },
            ),
            ("image", {"image": image, "caption": ""}),
        ],
    )

    assert [credit.line for credit in event.image_credits()] == ["Stadt Wuppertal"]


def test_it_skips_images_without_credit_and_images_deleted_since(site_tree):
    uncredited = ImageFactory(credit_author="", credit_source="")
    deleted = ImageFactory()
    article = ArticlePageFactory(
        parent=site_tree.articles,
        hero_image=uncredited,
        body=[("paragraph", rich_text_with_image(deleted))],
    )
    deleted.delete()
    article.refresh_from_db()

    assert article.images_shown() == [uncredited]
    assert article.image_credits() == []


def test_it_computes_the_credits_in_two_queries(site_tree, django_assert_num_queries):
    images = ImageFactory.create_batch(5)
    article = ArticlePageFactory(
        parent=site_tree.articles,
        hero_image=images[0],
        body=[("image", {"image": image, "caption": ""}) for image in images[1:]],
    )
    article = type(article).objects.get(pk=article.pk)

    # One query loads the body's block images, one loads every image shown.
    with django_assert_num_queries(2):
        article.image_credits()
