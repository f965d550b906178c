"""Editors upload documents (PDFs, spreadsheets) for download blocks."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db


def upload(client, name, content=b"%PDF-1.4 Beispiel"):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Förderbescheid", "file": SimpleUploadedFile(name, content), "tags": ""},
    )


def test_it_stores_an_uploaded_pdf(admin_client):
    response = upload(admin_client, "foerderbescheid.pdf")

    assert response.status_code == 302
    document = get_document_model().objects.get()
    assert document.file_extension == "pdf"
    assert document.url.endswith(f"/documents/{document.pk}/foerderbescheid.pdf")


def test_it_refuses_a_file_type_outside_the_allowed_list(admin_client):
    response = upload(admin_client, "programm.exe", b"MZ")

    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert not get_document_model().objects.exists()
