"""A failing media storage, against moto's real S3 server: editors get a German message
and no half-saved image or document; visitors and apps still get the page, without the
image that cannot be shown.

The storage fails the ways it fails in production: the endpoint does not answer (a closed
port: connection refused), the bucket is gone, a bucket policy refuses writes or
deletions, an original has been deleted from the bucket.
"""

import pytest
import wagtail_factories
from botocore.config import Config
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, UploadedFile

from articles.factories import ArticlePageFactory
from media.factories import ImageFactory
from media.models import CustomImage
from media.storage import SAVE_FAILED
from tests.s3 import (
    BUCKET,
    bucket_keys,
    delete_bucket,
    free_port,
    refuse,
    use_bucket,
    use_s3_storage,
)

from .images import png_bytes

pytestmark = pytest.mark.django_db

# One attempt and short waits: a failure shows within a second instead of after retries.
FAST_FAILING = Config(
    connect_timeout=0.5, read_timeout=2, retries={"mode": "standard", "total_max_attempts": 1}
)

IMAGE_DETAILS = {
    "title": "Schwebebahn",
    "description": "Die Schwebebahn über der Wupper",
    "credit_author": "Gerd Altmann",
    "credit_source": "Pixabay",
    "tags": "",
}


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    client = use_bucket(settings, monkeypatch, s3_endpoint)
    settings.AWS_S3_CLIENT_CONFIG = FAST_FAILING
    yield client
    if bucket_exists(client):
        client.delete_bucket_policy(Bucket=BUCKET)
        delete_bucket(client)


def bucket_exists(client) -> bool:
    return any(entry["Name"] == BUCKET for entry in client.list_buckets()["Buckets"])


def endpoint_down(settings, client):
    settings.AWS_S3_ENDPOINT_URL = f"http://127.0.0.1:{free_port()}"
    use_s3_storage(settings)


def bucket_gone(settings, client):
    delete_bucket(client)


def writes_refused(settings, client):
    refuse(client, "s3:PutObject")


ENDPOINT_DOWN = pytest.param(endpoint_down, id="endpoint-down")
WRITES_REFUSED = pytest.param(writes_refused, id="writes-refused")
FAILURES = [ENDPOINT_DOWN, pytest.param(bucket_gone, id="bucket-gone"), WRITES_REFUSED]


def stored_keys(client) -> list[str]:
    """The bucket's keys, or none where the failure took the bucket away."""
    return bucket_keys(client) if bucket_exists(client) else []


def png(name="schwebebahn.png", colour="#1f6f8b") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(colour=colour), content_type="image/png")


def pdf(name="foerderbescheid.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4 Beispiel", content_type="application/pdf")


def root_collection_id() -> int:
    return Collection.get_first_root_node().pk


def document_details(**fields) -> dict:
    # The edit form asks for the collection; the add form fills it in itself.
    return {"title": "Förderbescheid", "collection": root_collection_id(), "tags": "", **fields}


# Editors: adding and replacing files


@pytest.mark.parametrize("fail", FAILURES)
def test_adding_an_image_fails_with_a_message_and_keeps_the_form(admin_client, bucket, settings, fail):
    fail(settings, bucket)

    response = admin_client.post(reverse("wagtailimages:add"), {**IMAGE_DETAILS, "file": png()})

    assert response.status_code == 200
    assert SAVE_FAILED in response.content.decode()
    form = response.context["form"]
    assert form.errors["file"] == ["Bitte wählen Sie die Datei erneut aus."]
    assert form["description"].value() == "Die Schwebebahn über der Wupper"
    assert form["credit_author"].value() == "Gerd Altmann"
    assert not CustomImage.objects.exists()
    assert stored_keys(bucket) == []


def test_the_failure_is_logged_with_the_storage_error_for_operators(admin_client, bucket, settings, caplog):
    endpoint_down(settings, bucket)

    admin_client.post(reverse("wagtailimages:add"), {**IMAGE_DETAILS, "file": png()})

    [record] = [record for record in caplog.records if record.name == "media.storage"]
    assert record.levelname == "ERROR"
    assert "EndpointConnectionError" in record.getMessage()
    assert record.exc_info[0].__name__ == "EndpointConnectionError"


@pytest.mark.parametrize("fail", FAILURES)
def test_the_multiple_uploader_shows_the_message_next_to_the_file(admin_client, bucket, settings, fail):
    fail(settings, bucket)

    response = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": png()})

    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert answer["error_message"].startswith(SAVE_FAILED)
    assert not UploadedFile.objects.exists()
    assert not CustomImage.objects.exists()
    assert stored_keys(bucket) == []


@pytest.mark.parametrize("fail", [ENDPOINT_DOWN, WRITES_REFUSED])
def test_uploading_in_the_image_chooser_shows_the_form_again_with_the_message(
    admin_client, bucket, settings, fail
):
    fail(settings, bucket)
    details = {f"image-chooser-upload-{name}": value for name, value in IMAGE_DETAILS.items()}

    response = admin_client.post(
        reverse("wagtailimages_chooser:create"), {**details, "image-chooser-upload-file": png()}
    )

    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    form = BeautifulSoup(answer["htmlFragment"], "html.parser")
    assert SAVE_FAILED in form.get_text()
    assert form.find("input", {"name": "image-chooser-upload-title"})["value"] == "Schwebebahn"
    assert not CustomImage.objects.exists()
    assert bucket_keys(bucket) == []


def test_uploading_in_the_image_chooser_still_works(admin_client, bucket):
    details = {f"image-chooser-upload-{name}": value for name, value in IMAGE_DETAILS.items()}

    response = admin_client.post(
        reverse("wagtailimages_chooser:create"), {**details, "image-chooser-upload-file": png()}
    )

    assert response.json()["step"] == "chosen"
    assert CustomImage.objects.get().file.name in bucket_keys(bucket)


def test_completing_a_pending_upload_keeps_the_details_when_the_write_is_refused(
    admin_client, bucket, settings
):
    # Without alt text, the uploader keeps the file as a pending upload and asks for details.
    upload = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": png()}).json()
    pending_keys = bucket_keys(bucket)
    writes_refused(settings, bucket)
    prefix = f"uploaded-image-{upload['uploaded_file_id']}"

    response = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload["uploaded_file_id"]]),
        {
            **{f"{prefix}-{name}": value for name, value in IMAGE_DETAILS.items()},
            f"{prefix}-collection": root_collection_id(),
        },
    )

    answer = response.json()
    assert answer["success"] is False
    form = BeautifulSoup(answer["form"], "html.parser")
    assert SAVE_FAILED in form.get_text()
    assert form.find("input", {"name": f"{prefix}-description"})["value"] == "Die Schwebebahn über der Wupper"
    assert not CustomImage.objects.exists()
    assert UploadedFile.objects.count() == 1
    assert bucket_keys(bucket) == pending_keys


def test_a_pending_upload_whose_stored_copy_cannot_be_read_back_leaves_no_copy_behind(
    admin_client, bucket, settings
):
    upload = admin_client.post(reverse("wagtailimages:add_multiple"), {"files[]": png()}).json()
    pending_keys = bucket_keys(bucket)
    # The copy is written, then read back for its size and hash, which is refused.
    refuse(bucket, "s3:GetObject", keys="original_images/*")
    prefix = f"uploaded-image-{upload['uploaded_file_id']}"

    response = admin_client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[upload["uploaded_file_id"]]),
        {
            **{f"{prefix}-{name}": value for name, value in IMAGE_DETAILS.items()},
            f"{prefix}-collection": root_collection_id(),
        },
    )

    assert response.json()["success"] is False
    assert not CustomImage.objects.exists()
    assert bucket_keys(bucket) == pending_keys


@pytest.mark.parametrize("fail", [ENDPOINT_DOWN, WRITES_REFUSED])
def test_a_failed_replacement_leaves_the_image_and_its_file_as_they_were(
    admin_client, bucket, settings, fail
):
    image = ImageFactory(title="Schwebebahn")
    before = bucket_keys(bucket)
    fail(settings, bucket)

    response = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {**IMAGE_DETAILS, "title": "Schwebebahn bei Nacht", "file": png("nacht.png", "#000000")},
    )

    assert response.status_code == 200
    assert SAVE_FAILED in response.content.decode()
    assert response.context["form"]["title"].value() == "Schwebebahn bei Nacht"
    stored = CustomImage.objects.get()
    assert (stored.title, stored.file.name) == ("Schwebebahn", image.file.name)
    assert bucket_keys(bucket) == before


def test_a_replaced_image_file_and_its_renditions_go_once_the_new_file_is_stored(
    admin_client, bucket, django_capture_on_commit_callbacks
):
    image = ImageFactory(title="Schwebebahn")
    image.get_rendition("fill-320x180")
    old_keys = bucket_keys(bucket)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailimages:edit", args=[image.pk]), {**IMAGE_DETAILS, "file": png("nacht.png")}
        )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name not in old_keys
    assert image.file.name in bucket_keys(bucket)
    assert not set(old_keys) & set(bucket_keys(bucket))
    # The renditions there now show the new picture: the visitors' sizes (media.renditions).
    renditions = list(image.renditions.all())
    assert renditions
    stored_renditions = {key for key in bucket_keys(bucket) if key.startswith("images/")}
    assert stored_renditions == {r.file.name for r in renditions}
    assert all(r.file.name.startswith("images/nacht.") for r in renditions)


def test_a_refused_deletion_of_the_replaced_file_does_not_fail_the_replacement(
    admin_client, bucket, django_capture_on_commit_callbacks
):
    image = ImageFactory(title="Schwebebahn")
    old_name = image.file.name
    refuse(bucket, "s3:DeleteObject")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailimages:edit", args=[image.pk]), {**IMAGE_DETAILS, "file": png("nacht.png")}
        )

    assert response.status_code == 302
    image.refresh_from_db()
    # The old object stays behind, unused; the image has its new file.
    originals = [key for key in bucket_keys(bucket) if key.startswith("original_images/")]
    assert originals == sorted([old_name, image.file.name])


@pytest.mark.parametrize("fail", FAILURES)
def test_adding_a_document_fails_with_a_message_and_keeps_the_title(admin_client, bucket, settings, fail):
    fail(settings, bucket)

    response = admin_client.post(
        reverse("wagtaildocs:add"), {"title": "Förderbescheid", "file": pdf(), "tags": ""}
    )

    assert response.status_code == 200
    assert SAVE_FAILED in response.content.decode()
    assert response.context["form"]["title"].value() == "Förderbescheid"
    assert not get_document_model().objects.exists()
    assert stored_keys(bucket) == []


@pytest.mark.parametrize("fail", FAILURES)
def test_the_multiple_document_uploader_shows_the_message(admin_client, bucket, settings, fail):
    fail(settings, bucket)

    response = admin_client.post(reverse("wagtaildocs:add_multiple"), {"files[]": pdf()})

    answer = response.json()
    assert answer["success"] is False
    assert answer["error_message"].startswith(SAVE_FAILED)
    assert not get_document_model().objects.exists()
    assert stored_keys(bucket) == []


def test_uploading_in_the_document_chooser_shows_the_form_again_with_the_message(
    admin_client, bucket, settings
):
    writes_refused(settings, bucket)

    response = admin_client.post(
        reverse("wagtaildocs_chooser:create"),
        {"document-chooser-upload-title": "Förderbescheid", "document-chooser-upload-file": pdf()},
    )

    answer = response.json()
    assert answer["step"] == "reshow_creation_form"
    assert SAVE_FAILED in BeautifulSoup(answer["htmlFragment"], "html.parser").get_text()
    assert not get_document_model().objects.exists()
    assert bucket_keys(bucket) == []


def test_a_refused_write_leaves_a_replaced_document_and_its_file_as_they_were(admin_client, bucket, settings):
    # Wagtail itself deletes a document's old file before writing the new one.
    document = wagtail_factories.DocumentFactory(title="Förderbescheid", file__filename="bescheid.pdf")
    before = bucket_keys(bucket)
    writes_refused(settings, bucket)

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        document_details(title="Förderbescheid 2022", file=pdf("bescheid-2022.pdf")),
    )

    assert response.status_code == 200
    assert SAVE_FAILED in response.content.decode()
    stored = get_document_model().objects.get()
    assert (stored.title, stored.file.name) == ("Förderbescheid", document.file.name)
    assert bucket_keys(bucket) == before


def test_a_replaced_document_file_goes_once_the_new_file_is_stored(
    admin_client, bucket, django_capture_on_commit_callbacks
):
    document = wagtail_factories.DocumentFactory(title="Förderbescheid", file__filename="bescheid.pdf")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            document_details(file=pdf("bescheid-2022.pdf")),
        )

    assert response.status_code == 302
    document.refresh_from_db()
    assert bucket_keys(bucket) == [document.file.name] == ["documents/bescheid-2022.pdf"]


# Visitors, apps and the admin's listings: an image whose renditions cannot be made


def original_deleted(settings, client, image):
    client.delete_object(Bucket=BUCKET, Key=image.file.name)


def storage_down(settings, client, image):
    endpoint_down(settings, client)


UNREADABLE = [
    pytest.param(original_deleted, id="original-deleted"),
    pytest.param(storage_down, id="endpoint-down"),
]


@pytest.fixture
def article(bucket, site_tree):
    """A published article whose hero and body image have never been rendered."""
    image = ImageFactory(title="Schwebebahn", description="Die Schwebebahn über der Wupper")
    return ArticlePageFactory(
        parent=site_tree.articles,
        title="Auftakt zum Modellprojekt",
        hero_image=image,
        body=[
            {"type": "paragraph", "value": "<p>Die Stadt ist Modellprojekt Smart City.</p>"},
            {"type": "image", "value": {"image": image.pk, "caption": "Schwebebahn am Abend"}},
        ],
    )


@pytest.mark.parametrize("make_unreadable", UNREADABLE)
def test_an_article_is_read_without_the_image_that_cannot_be_shown(
    client, bucket, settings, article, make_unreadable
):
    make_unreadable(settings, bucket, article.hero_image)

    response = client.get(article.url)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert page.h1.get_text() == "Auftakt zum Modellprojekt"
    assert "Die Stadt ist Modellprojekt Smart City." in page.main.get_text()
    # Neither a broken picture nor a caption for it; no link preview with a broken image.
    assert page.find("picture") is None
    assert page.find("img") is None
    assert "Schwebebahn am Abend" not in page.get_text()
    assert page.find("meta", property="og:image") is None


@pytest.mark.parametrize("make_unreadable", UNREADABLE)
def test_an_image_in_rich_text_falls_back_to_wagtails_placeholder_with_its_alt_text(
    client, bucket, settings, site_tree, make_unreadable
):
    image = ImageFactory(title="Schwebebahn")
    embed = f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Die Schwebebahn"/>'
    article = ArticlePageFactory(
        parent=site_tree.articles, body=[{"type": "paragraph", "value": f"<p>Vorher.</p>{embed}"}]
    )
    make_unreadable(settings, bucket, image)

    response = client.get(article.url)

    assert response.status_code == 200
    placeholder = BeautifulSoup(response.content, "html.parser").main.find("img")
    assert (placeholder["alt"], placeholder["width"]) == ("Die Schwebebahn", "0")


@pytest.mark.parametrize("make_unreadable", UNREADABLE)
def test_the_article_list_shows_the_card_without_its_image(
    client, bucket, settings, site_tree, article, make_unreadable
):
    make_unreadable(settings, bucket, article.hero_image)

    response = client.get(site_tree.articles.url)

    assert response.status_code == 200
    card = BeautifulSoup(response.content, "html.parser").find("article", class_="card")
    assert card.find("a").get_text() == "Auftakt zum Modellprojekt"
    assert card.find("img") is None


@pytest.mark.parametrize("make_unreadable", UNREADABLE)
def test_the_api_answers_with_renditions_null(client, bucket, settings, article, make_unreadable):
    make_unreadable(settings, bucket, article.hero_image)

    response = client.get(f"/api/v2/pages/{article.pk}/")

    assert response.status_code == 200
    answer = response.json()
    assert answer["title"] == "Auftakt zum Modellprojekt"
    assert answer["hero_image"]["alt"] == "Die Schwebebahn über der Wupper"
    assert answer["hero_image"]["renditions"] is None
    image_block = next(block for block in answer["body"] if block["type"] == "image")
    assert image_block["value"]["image"]["renditions"] is None


@pytest.mark.parametrize("make_unreadable", UNREADABLE)
@pytest.mark.parametrize("view", ["wagtailimages:index", "wagtailimages_chooser:choose"])
def test_the_admin_image_listings_still_show_the_image(admin_client, bucket, settings, make_unreadable, view):
    image = ImageFactory(title="Schwebebahn")
    make_unreadable(settings, bucket, image)

    response = admin_client.get(reverse(view))

    assert response.status_code == 200
    assert "Schwebebahn" in response.content.decode()


@pytest.mark.parametrize("make_unreadable", UNREADABLE)
def test_the_admin_edit_view_of_the_image_still_opens(admin_client, bucket, settings, make_unreadable):
    image = ImageFactory(title="Schwebebahn")
    make_unreadable(settings, bucket, image)

    response = admin_client.get(reverse("wagtailimages:edit", args=[image.pk]))

    assert response.status_code == 200
    assert response.context["form"]["title"].value() == "Schwebebahn"
