"""Documents reach visitors with the type their checked extension says, never sniffed, and
only PDFs open in the browser: every other kind is downloaded. From the CMS (local files,
restricted documents) and from the bucket (public documents redirect there) alike."""

import io
import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model

from media.models import CustomImage
from tests.s3 import BUCKET

from .images import png_bytes

pytestmark = pytest.mark.django_db

PDF = ("haushalt.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
CSV = ("messwerte.csv", "Ort;Wert\nDöppersberg;42\n".encode())


def upload(client, name: str, content: bytes, claimed_type: str):
    # claimed_type: what the editor's browser says the file is, which nobody should believe
    file = SimpleUploadedFile(name, content, content_type=claimed_type)
    response = client.post(reverse("wagtaildocs:add"), {"title": "Haushalt", "file": file, "tags": ""})
    assert response.status_code == 302
    return get_document_model().objects.get(file__endswith=name)


def test_the_cms_serves_a_csv_as_a_download_that_browsers_must_not_sniff(admin_client, client):
    document = upload(admin_client, *CSV, claimed_type="text/html")

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"] == 'attachment; filename="messwerte.csv"'


def test_the_cms_serves_a_pdf_inline(admin_client, client):
    document = upload(admin_client, *PDF, claimed_type="application/octet-stream")

    response = client.get(document.url)

    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("inline")


def fetch_from_bucket(client, url: str):
    """Follows the CMS's redirect to the bucket, as a browser does, and returns the bucket's answer."""
    redirect = client.get(url)
    assert redirect.status_code == 302
    return urllib.request.urlopen(redirect["Location"])


def test_the_bucket_serves_a_csv_as_a_download_of_its_checked_type(admin_client, client, bucket):
    document = upload(admin_client, *CSV, claimed_type="text/html")

    with fetch_from_bucket(client, document.url) as answer:
        assert answer.headers["Content-Type"] == "text/csv"
        assert answer.headers["Content-Disposition"] == (
            "attachment; filename=messwerte.csv; filename*=UTF-8''messwerte.csv"
        )


def test_the_bucket_serves_a_pdf_inline(admin_client, client, bucket):
    document = upload(admin_client, *PDF, claimed_type="text/html")

    with fetch_from_bucket(client, document.url) as answer:
        assert answer.headers["Content-Type"] == "application/pdf"
        assert answer.headers["Content-Disposition"] == "inline"


def test_images_in_the_bucket_have_the_type_of_their_checked_format(admin_client, bucket):
    file = SimpleUploadedFile("schwebebahn.png", png_bytes(), content_type="text/html")
    details = {"title": "Schwebebahn", "description": "Die Schwebebahn", "tags": ""}
    admin_client.post(reverse("wagtailimages:add"), {**details, "file": file})
    image = CustomImage.objects.get()

    stored = bucket.head_object(Bucket=BUCKET, Key=image.file.name)

    assert stored["ContentType"] == "image/png"
    assert "ContentDisposition" not in stored


def test_a_command_gives_files_stored_before_their_headers(bucket, settings):
    # As the bucket held it before: the type the browser claimed, no disposition.
    bucket.put_object(Bucket=BUCKET, Key="documents/messwerte.csv", Body=CSV[1], ContentType="text/html")
    bucket.put_object(Bucket=BUCKET, Key="documents/haushalt.pdf", Body=PDF[1], ContentType="application/pdf")
    Document = get_document_model()
    Document.objects.create(title="Messwerte", file="documents/messwerte.csv")
    Document.objects.create(title="Haushalt", file="documents/haushalt.pdf")
    Document.objects.create(title="Verloren", file="documents/verloren.txt")

    first, again = io.StringIO(), io.StringIO()
    call_command("set_document_headers", stdout=first)
    call_command("set_document_headers", stdout=again)

    stored = bucket.head_object(Bucket=BUCKET, Key="documents/messwerte.csv")
    assert (stored["ContentType"], stored["ContentDisposition"]) == (
        "text/csv",
        "attachment; filename=messwerte.csv; filename*=UTF-8''messwerte.csv",
    )
    assert bucket.get_object(Bucket=BUCKET, Key="documents/messwerte.csv")["Body"].read() == CSV[1]
    assert bucket.head_object(Bucket=BUCKET, Key="documents/haushalt.pdf")["ContentDisposition"] == "inline"
    assert first.getvalue() == "Document files given their headers: 2.\n"
    assert again.getvalue() == "Document files given their headers: 0.\n"
