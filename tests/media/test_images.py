"""The media library: alt text is required unless an image is decorative, and credits
print the way German sites print them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from media.factories import ImageFactory
from media.models import Credit, CustomImage

from .images import png_bytes

# Even an unsaved image asks the database for its default collection.
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("author", "source", "expected"),
    [
        ("Gerd Altmann", "Pixabay", "Gerd Altmann auf Pixabay"),
        ("", "Stadt Wuppertal", "Stadt Wuppertal"),
        ("Erika Muster", "", "Erika Muster"),
        ("  Gerd Altmann ", " Pixabay ", "Gerd Altmann auf Pixabay"),
        ("", "", ""),
    ],
)
def test_it_formats_the_credit_line(author, source, expected):
    image = CustomImage(credit_author=author, credit_source=source)
    assert image.credit_line == expected


def test_it_carries_the_licence_next_to_the_credit_line():
    image = CustomImage(
        credit_author="Erika Muster",
        credit_source="Wikimedia Commons",
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/deed.de",
    )
    assert image.credit == Credit(
        attribution="Erika Muster auf Wikimedia Commons",
        author="Erika Muster",
        source="Wikimedia Commons",
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/deed.de",
    )
    # As the website prints it: CC BY asks for the licence with the name.
    assert image.credit.line == "Erika Muster auf Wikimedia Commons, CC BY 4.0"


def test_an_image_without_any_credit_has_none():
    assert CustomImage().credit is None


def test_a_decorative_image_has_an_empty_alt_text():
    image = CustomImage(description="Ornament", is_decorative=True)
    assert image.alt_text == ""


def upload(client, **fields):
    data = {
        "title": "Auftakt",
        "file": SimpleUploadedFile("auftakt.png", png_bytes(), content_type="image/png"),
        "tags": "",
        **fields,
    }
    return client.post(reverse("wagtailimages:add"), data)


def test_it_refuses_an_upload_without_alt_text(admin_client):
    response = upload(admin_client, description="")

    assert response.status_code == 200
    assert response.context["form"].errors["description"] == [
        "Bitte einen Alternativtext angeben oder das Bild als rein dekorativ kennzeichnen."
    ]
    assert not CustomImage.objects.exists()


def test_it_accepts_a_decorative_upload_without_alt_text(admin_client):
    response = upload(admin_client, description="", is_decorative="on")

    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert image.is_decorative
    assert image.alt_text == ""


def test_it_stores_alt_text_and_credit_from_the_upload_form(admin_client):
    response = upload(
        admin_client,
        description="Menschen vor einer digitalen Stadtsilhouette",
        credit_author="Gerd Altmann",
        credit_source="Pixabay",
    )

    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert image.alt_text == "Menschen vor einer digitalen Stadtsilhouette"
    assert image.credit_line == "Gerd Altmann auf Pixabay"


def test_it_asks_for_the_licence_name_when_only_its_link_is_given(admin_client):
    response = upload(
        admin_client,
        description="Stadtansicht",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
    )

    assert response.context["form"].errors["licence"] == ["Bitte den Namen der verlinkten Lizenz angeben."]


def test_the_multiple_uploader_holds_an_image_back_until_alt_text_is_given(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("auftakt.png", png_bytes(), content_type="image/png")},
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    # Wagtail keeps the file as a pending upload; no image exists until the form is complete.
    assert not CustomImage.objects.exists()


def test_a_factory_image_renders_a_rendition():
    image = ImageFactory()
    rendition = image.get_rendition("fill-400x300")
    assert (rendition.width, rendition.height) == (400, 300)
