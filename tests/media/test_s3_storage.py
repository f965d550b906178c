"""Media in S3: originals, renditions and documents go to the bucket named by
AWS_STORAGE_BUCKET_NAME, tested against a real S3 HTTP endpoint (moto's standalone server)."""

import io
import json
import subprocess
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from PIL import Image as PillowImage

from articles.factories import ArticlePageFactory
from media.models import CustomImage
from tests.deploy.compose import PROJECT_DIR, service_command
from tests.deploy.processes import production_environment
from tests.s3 import BUCKET, CREDENTIALS, REGION, bucket_keys

pytestmark = pytest.mark.django_db


def png_upload() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1200, 800), (0, 82, 138)).save(buffer, "PNG")
    return SimpleUploadedFile("schwebebahn.png", buffer.getvalue(), content_type="image/png")


def test_an_uploaded_image_and_its_renditions_live_in_the_bucket(
    admin_client, client, bucket, site_tree, django_capture_on_commit_callbacks
):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Schwebebahn",
            "file": png_upload(),
            "description": "Die Schwebebahn über der Wupper",
            "tags": "",
        },
    )
    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert bucket_keys(bucket) == [image.file.name]

    article = ArticlePageFactory(parent=site_tree.articles, hero_image=image)
    hero = client.get(f"/api/v2/pages/{article.pk}/").json()["hero_image"]

    card_url = hero["renditions"]["card"]["url"]
    assert card_url.startswith(f"{bucket.meta.endpoint_url}/{BUCKET}/images/")
    with urllib.request.urlopen(card_url) as answer:
        assert PillowImage.open(io.BytesIO(answer.read())).size == (800, 450)
    assert len(bucket_keys(bucket)) == 1 + 6  # the original and the API's six renditions

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("wagtailimages:delete", args=[image.pk]))
    assert response.status_code == 302
    assert bucket_keys(bucket) == []


def test_an_uploaded_document_lives_in_the_bucket(admin_client, bucket):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Förderbescheid",
            "file": SimpleUploadedFile("foerderbescheid.pdf", b"%PDF-1.4 Beispiel"),
            "tags": "",
        },
    )

    assert response.status_code == 302
    assert bucket_keys(bucket) == ["documents/foerderbescheid.pdf"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_deletes_the_files_with_credentials_from_its_own_environment(
    admin_client, bucket, settings
):
    """Deleting an image queues the deletion of its file; the queued task names the storage
    by class and settings, never by credentials, and the worker brings its own."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Schwebebahn", "file": png_upload(), "description": "Die Schwebebahn", "tags": ""},
    )
    image = CustomImage.objects.get()

    admin_client.post(reverse("wagtailimages:delete", args=[image.pk]))

    deletions = DBTaskResult.objects.ready().filter(task_path="wagtail.tasks.delete_file_from_storage_task")
    queued = list(deletions.values_list("pk", flat=True))
    arguments = json.dumps(list(deletions.values_list("args_kwargs", flat=True)))
    assert image.file.name in arguments
    for credential in CREDENTIALS.values():
        assert credential not in arguments
    assert bucket_keys(bucket) == [image.file.name]  # nothing deleted in the request

    worker = subprocess.run(
        [*service_command("worker"), "--batch", "--no-startup-delay"],
        cwd=PROJECT_DIR,
        env=production_environment(
            TASKS_BACKEND="database",
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=settings.AWS_S3_ENDPOINT_URL,
            AWS_S3_REGION_NAME=REGION,
            **CREDENTIALS,
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert worker.returncode == 0, worker.stderr
    assert bucket_keys(bucket) == []
    assert queued
    assert set(DBTaskResult.objects.filter(pk__in=queued).values_list("status", flat=True)) == {"SUCCESSFUL"}
