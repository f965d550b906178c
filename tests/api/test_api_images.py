from django.core.files.storage import default_storage

from articles.factories import ArticlePageFactory
from media.api import RENDITION_SPECS, RENDITIONS
from media.factories import ImageFactory


def article_hero_image(client, site_tree, image) -> dict:
    article = ArticlePageFactory(parent=site_tree.articles, hero_image=image)
    body = client.get(f"/api/v2/pages/{article.pk}/").json()
    return body["hero_image"]


def test_a_page_image_field_carries_the_documented_shape(client, site_tree):
    image = ImageFactory(title="Seilbahn", description="Gondel über dem Tal")

    hero = article_hero_image(client, site_tree, image)

    assert hero == {
        "id": image.pk,
        "title": "Seilbahn",
        "alt": "Gondel über dem Tal",
        "decorative": False,
        "width": 1200,
        "height": 800,
        "focal_point": None,
        "credit": {
            "author": "Gerd Altmann",
            "source": "Pixabay",
            "licence": "",
            "licence_url": "",
            "line": "Gerd Altmann auf Pixabay",
        },
        "renditions": hero["renditions"],
    }
    assert set(hero["renditions"]) == {"thumbnail", "card", "hero"}
    assert (hero["renditions"]["thumbnail"]["width"], hero["renditions"]["thumbnail"]["height"]) == (320, 180)
    assert (hero["renditions"]["card"]["width"], hero["renditions"]["card"]["height"]) == (800, 450)
    # The source is smaller than the hero size; Wagtail never upscales, it keeps the ratio.
    assert (hero["renditions"]["hero"]["width"], hero["renditions"]["hero"]["height"]) == (1200, 600)


def test_rendition_urls_are_absolute_and_point_to_stored_files(client, site_tree):
    image = ImageFactory()

    renditions = article_hero_image(client, site_tree, image)["renditions"]

    stored = {rendition.url: rendition.file.name for rendition in image.renditions.all()}
    assert {rendition.filter_spec for rendition in image.renditions.all()} == set(RENDITION_SPECS)
    for name in RENDITIONS:
        for key in ("url", "webp_url"):
            url = renditions[name][key]
            assert url.startswith("http://localhost/media/")
            assert default_storage.exists(stored[url.removeprefix("http://localhost")])
        assert renditions[name]["webp_url"].endswith(".webp")


def test_the_images_endpoint_gives_the_same_shape_as_a_page_field(client, site_tree):
    image = ImageFactory(
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
        focal_point_x=600,
        focal_point_y=400,
        focal_point_width=200,
        focal_point_height=100,
    )
    hero = article_hero_image(client, site_tree, image)

    detail = client.get(f"/api/v2/images/{image.pk}/").json()

    assert {key: value for key, value in detail.items() if key != "meta"} == hero
    assert hero["focal_point"] == {"x": 600, "y": 400, "width": 200, "height": 100}


def test_images_in_the_list_carry_the_same_shape(client, site_tree):
    image = ImageFactory()
    hero = article_hero_image(client, site_tree, image)

    [item] = client.get("/api/v2/images/").json()["items"]

    assert {key: value for key, value in item.items() if key != "meta"} == hero


def test_a_decorative_image_has_an_empty_alt(client, site_tree):
    image = ImageFactory(description="Wird nicht vorgelesen", is_decorative=True)

    hero = article_hero_image(client, site_tree, image)

    assert hero["alt"] == ""
    assert hero["decorative"] is True


def test_an_image_without_credit_has_none(client, site_tree):
    image = ImageFactory(credit_author="", credit_source="")

    assert article_hero_image(client, site_tree, image)["credit"] is None


def test_a_page_without_hero_image_gives_null(client, site_tree):
    article = ArticlePageFactory(parent=site_tree.articles)

    assert client.get(f"/api/v2/pages/{article.pk}/").json()["hero_image"] is None


def test_an_image_whose_original_is_lost_does_not_take_the_page_down(client, site_tree):
    image = ImageFactory(description="Verlorenes Bild")
    default_storage.delete(image.file.name)

    hero = article_hero_image(client, site_tree, image)

    assert hero["alt"] == "Verlorenes Bild"
    assert hero["renditions"] is None
