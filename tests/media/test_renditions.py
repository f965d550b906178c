"""Once an editor uploads an image, the worker makes every rendition the site and the API
show (media.renditions), so no visitor's request decodes the original."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import UploadedFile

from articles.factories import ArticlePageFactory
from media.factories import ImageFactory
from media.models import CustomImage, CustomRendition
from media.renditions import visitor_rendition_specs

from .images import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploaded_image(admin_client, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("schwebebahn.png", png_bytes(2000, 1200))
    details = {"title": "Schwebebahn", "description": "Die Schwebebahn über der Wupper", "tags": ""}
    # The tests run tasks inside the request (TASKS "immediate"); production queues them
    # for the worker once the upload is committed.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailimages:add"), {**details, "file": upload})
    assert response.status_code == 302
    return CustomImage.objects.get()


def test_an_upload_makes_every_size_visitors_and_apps_see(uploaded_image):
    made = set(uploaded_image.renditions.values_list("filter_spec", flat=True))

    assert made == set(visitor_rendition_specs())


def test_visitors_and_apps_find_every_rendition_made(client, site_tree, uploaded_image):
    embed = f'<embed embedtype="image" id="{uploaded_image.pk}" format="fullwidth" alt="Die Schwebebahn"/>'
    article = ArticlePageFactory(
        parent=site_tree.articles,
        hero_image=uploaded_image,
        body=[
            {"type": "paragraph", "value": f"<p>Vorher.</p>{embed}"},
            {"type": "image", "value": {"image": uploaded_image.pk, "caption": "Über der Wupper"}},
        ],
    )
    made = CustomRendition.objects.count()

    answers = [
        client.get(article.url),  # hero, image block, rich text, link preview
        client.get(site_tree.articles.url),  # the card
        client.get(f"/api/v2/pages/{article.pk}/"),
        client.get("/api/v2/pages/?type=articles.ArticlePage&fields=hero_image"),
        client.get(f"/api/v2/images/{uploaded_image.pk}/"),
    ]

    assert [answer.status_code for answer in answers] == [200] * len(answers)
    assert CustomRendition.objects.count() == made


def test_replacing_the_file_makes_the_sizes_of_the_new_picture(
    admin_client, uploaded_image, django_capture_on_commit_callbacks
):
    details = {"title": "Schwebebahn", "description": "Die Schwebebahn bei Nacht", "tags": ""}
    upload = SimpleUploadedFile("nacht.png", png_bytes(1800, 1000, colour="#000022"))

    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtailimages:edit", args=[uploaded_image.pk]), {**details, "file": upload}
        )

    renditions = uploaded_image.renditions.all()
    assert {rendition.filter_spec for rendition in renditions} == set(visitor_rendition_specs())
    assert all("nacht" in rendition.file.name for rendition in renditions)


def test_an_image_completed_in_the_multiple_uploader_gets_them_too(
    admin_client, django_capture_on_commit_callbacks
):
    # The uploader keeps the file as a pending upload until the alt text is given.
    admin_client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile("wupper.png", png_bytes(1600, 900))},
    )
    pending = UploadedFile.objects.get()
    prefix = f"uploaded-image-{pending.pk}"
    details = {f"{prefix}-title": "Wupper", f"{prefix}-description": "Die Wupper", f"{prefix}-tags": ""}

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailimages:create_multiple_from_uploaded_image", args=[pending.pk]), details
        )

    assert response.json()["success"] is True
    made = set(CustomImage.objects.get().renditions.values_list("filter_spec", flat=True))
    assert made == set(visitor_rendition_specs())


def test_a_command_makes_them_for_images_stored_before():
    images = [ImageFactory(), ImageFactory()]
    output, again = io.StringIO(), io.StringIO()

    call_command("build_renditions", stdout=output)
    made = CustomRendition.objects.count()
    call_command("build_renditions", stdout=again)

    for image in images:
        assert set(image.renditions.values_list("filter_spec", flat=True)) == set(visitor_rendition_specs())
    assert CustomRendition.objects.count() == made
    assert output.getvalue() == again.getvalue() == "Images with every rendition: 2.\n"


def test_the_command_names_images_whose_file_is_gone():
    image = ImageFactory()
    image.file.storage.delete(image.file.name)
    output = io.StringIO()

    call_command("build_renditions", stdout=output)

    assert output.getvalue() == (
        f"Images with every rendition: 0.\nImages whose file could not be read: {image.pk}.\n"
    )
