"""Uploads are judged by their content, not their name (media.uploads): an editor gets a
German message naming the reason, in the single and the multiple uploader alike, and
nothing is stored, neither in local media nor in the bucket."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.models import UploadedFile

from media.models import CustomImage
from media.uploads import clean_file_name
from tests.s3 import bucket_keys

from .images import jpeg_bytes, one_colour_png, png_bytes

pytestmark = pytest.mark.django_db

IMAGE_DETAILS = {"title": "Schwebebahn", "description": "Die Schwebebahn über der Wupper", "tags": ""}
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


@pytest.fixture(scope="module")
def huge_png() -> bytes:
    return one_colour_png(14_000, 14_000)


def upload_image(client, name: str, content: bytes):
    data = {**IMAGE_DETAILS, "file": SimpleUploadedFile(name, content)}
    return client.post(reverse("wagtailimages:add"), data)


def upload_images(client, name: str, content: bytes):
    """The multiple uploader's request for one dropped file; it answers in JSON."""
    return client.post(reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile(name, content)})


def upload_document(client, name: str, content: bytes):
    data = {"title": "Förderbescheid", "file": SimpleUploadedFile(name, content), "tags": ""}
    return client.post(reverse("wagtaildocs:add"), data)


def upload_documents(client, name: str, content: bytes):
    return client.post(reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, content)})


def file_error(response) -> str:
    assert response.status_code == 200
    return " ".join(response.context["form"].errors["file"])


def stored_files(settings) -> list:
    return [path for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()]


def nothing_stored(settings) -> bool:
    return (
        not CustomImage.objects.exists()
        and not get_document_model().objects.exists()
        and not UploadedFile.objects.exists()
        and stored_files(settings) == []
    )


OOXML = "application/vnd.openxmlformats-officedocument"
WORD, EXCEL, POWERPOINT = (
    f"{OOXML}.wordprocessingml.document.main+xml",
    f"{OOXML}.spreadsheetml.sheet.main+xml",
    f"{OOXML}.presentationml.presentation.main+xml",
)


def office_file(main_type: str, main_part: str = "word/document.xml", extra: tuple[str, ...] = ()) -> bytes:
    """An Office file as Word, Excel and PowerPoint write them: a ZIP whose
    "[Content_Types].xml" names the type of its main part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Override PartName="/{main_part}" ContentType="{main_type}"/></Types>',
        )
        for name in (main_part, *extra):
            archive.writestr(name, "<xml/>")
    return buffer.getvalue()


def open_document(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>", compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


# Images


def test_it_refuses_a_14000_by_14000_png_from_its_header_within_two_seconds(admin_client, settings, huge_png):
    started = time.monotonic()
    response = upload_image(admin_client, "stadtplan.png", huge_png)
    elapsed = time.monotonic() - started

    assert file_error(response) == (
        "Das Bild ist zu groß: 14.000 × 14.000 Pixel, zusammen 196.000.000 Pixel. Erlaubt sind höchstens "
        "40.000.000 Pixel; bitte das Bild vor dem Hochladen verkleinern."
    )
    assert elapsed < 2
    assert nothing_stored(settings)


def test_it_refuses_an_image_just_under_wagtails_own_limit(admin_client, settings):
    # 121 million pixels: what Wagtail's default limit of 128 million let through.
    response = upload_image(admin_client, "luftbild.png", one_colour_png(11_000, 11_000))

    assert "11.000 × 11.000 Pixel" in file_error(response)
    assert nothing_stored(settings)


def test_the_pixel_limit_is_a_setting(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64 * 48 - 1

    response = upload_image(admin_client, "auftakt.png", png_bytes(64, 48))

    assert "Erlaubt sind höchstens 3.071 Pixel" in file_error(response)


def test_it_counts_every_frame_of_an_animation(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64 * 48 * 2
    frames = [Image.new("RGB", (64, 48), colour) for colour in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:])

    response = upload_image(admin_client, "animation.gif", buffer.getvalue())

    assert "64 × 48 Pixel in 3 Einzelbildern, zusammen 9.216 Pixel" in file_error(response)


@pytest.mark.parametrize(
    ("name", "content"),
    [("logo.png", SVG), ("logo.jpg", SVG), ("seite.png", HTML), ("seite.jpg", b"  \n" + HTML)],
)
def test_it_refuses_svg_and_html_renamed_as_raster_images(admin_client, settings, name, content):
    response = upload_image(admin_client, name, content)

    assert file_error(response) == (
        "Die Datei enthält SVG, HTML oder anderen Text mit Auszeichnungen, kein Bild. Erlaubt sind "
        "Bilder im Format JPEG, PNG, GIF, WebP oder AVIF."
    )
    assert nothing_stored(settings)


def test_it_refuses_a_script_renamed_as_an_image(admin_client, settings):
    response = upload_image(admin_client, "foto.jpg", b"#!/bin/sh\nrm -rf /\n")

    assert file_error(response) == "Die Datei ist kein Bild im Format JPEG, PNG, GIF, WebP oder AVIF."
    assert nothing_stored(settings)


def test_it_refuses_an_extension_that_does_not_match_the_image(admin_client, settings):
    response = upload_image(admin_client, "foto.png", jpeg_bytes())

    assert file_error(response) == (
        "Die Dateiendung „.png“ passt nicht zum Inhalt der Datei, einem JPEG-Bild. "
        "Bitte die Datei als „.jpg“ speichern."
    )


def test_it_refuses_a_truncated_image(admin_client, settings):
    response = upload_image(admin_client, "kaputt.png", png_bytes()[:20])

    assert file_error(response) == "Die Datei ist kein lesbares PNG-Bild; sie ist vermutlich beschädigt."
    assert nothing_stored(settings)


def test_it_names_the_size_of_an_image_file_too_large(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024 * 1024

    response = upload_image(admin_client, "stadtplan.png", png_bytes() + b"\x00" * (2 * 1024 * 1024))

    assert file_error(response) == "Die Datei ist zu groß (2 MB). Bilder dürfen höchstens 1 MB groß sein."


def image_bytes(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "#1f6f8b").save(buffer, format=image_format)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "image_format"),
    [
        ("a.jpg", "JPEG"),
        ("b.jpeg", "JPEG"),
        ("c.png", "PNG"),
        ("d.gif", "GIF"),
        ("e.webp", "WEBP"),
        ("f.avif", "AVIF"),
    ],
)
def test_it_stores_each_allowed_raster_format(admin_client, name, image_format):
    response = upload_image(admin_client, name, image_bytes(image_format))

    assert response.status_code == 302, response.context["form"].errors
    assert CustomImage.objects.get().file.name == f"original_images/{name}"


def test_the_multiple_uploader_shows_the_reason_and_stores_nothing(admin_client, settings, huge_png):
    started = time.monotonic()
    response = upload_images(admin_client, "stadtplan.png", huge_png)

    assert time.monotonic() - started < 2
    assert response.json() == {
        "success": False,
        "error_message": (
            "Das Bild ist zu groß: 14.000 × 14.000 Pixel, zusammen 196.000.000 Pixel. Erlaubt sind höchstens "
            "40.000.000 Pixel; bitte das Bild vor dem Hochladen verkleinern."
        ),
    }
    assert nothing_stored(settings)


def test_the_multiple_uploader_refuses_svg_renamed_as_png(admin_client, settings):
    response = upload_images(admin_client, "logo.png", SVG)

    assert response.json()["success"] is False
    assert response.json()["error_message"].startswith("Die Datei enthält SVG, HTML")
    assert nothing_stored(settings)


def test_replacing_an_image_file_is_checked_too(admin_client, settings):
    upload_image(admin_client, "schwebebahn.png", png_bytes())
    image = CustomImage.objects.get()

    data = {**IMAGE_DETAILS, "file": SimpleUploadedFile("neu.png", SVG)}
    response = admin_client.post(reverse("wagtailimages:edit", args=[image.pk]), data)

    assert file_error(response).startswith("Die Datei enthält SVG, HTML")
    image.refresh_from_db()
    assert image.file.name == "original_images/schwebebahn.png"


# Documents


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bericht.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        ("bericht.docx", office_file(WORD)),
        ("haushalt.xlsx", office_file(EXCEL, "xl/workbook.xml")),
        ("vortrag.pptx", office_file(POWERPOINT, "ppt/presentation.xml")),
        ("bericht.odt", open_document("application/vnd.oasis.opendocument.text")),
        ("haushalt.ods", open_document("application/vnd.oasis.opendocument.spreadsheet")),
        ("vortrag.odp", open_document("application/vnd.oasis.opendocument.presentation")),
        ("messwerte.csv", "Ort;Wert\nDöppersberg;42\n".encode()),
        ("messwerte.csv", "Ort;Wert\nDöppersberg;42\n".encode("latin-1")),
        ("liesmich.txt", "\ufeffBitte lesen.\r\n\tEingerückt.".encode()),
    ],
)
def test_it_accepts_the_documents_of_the_allow_list(admin_client, name, content):
    response = upload_document(admin_client, name, content)

    assert response.status_code == 302, response.context["form"].errors
    assert get_document_model().objects.get().filename == name


def test_it_accepts_a_workbook_as_excel_writes_it(admin_client):
    # openpyxl (which Wagtail uses for its spreadsheet exports) writes what Excel writes.
    workbook = Workbook()
    workbook.active.append(["Ort", "Wert"])
    workbook.active.append(["Döppersberg", 42])
    buffer = io.BytesIO()
    workbook.save(buffer)

    response = upload_document(admin_client, "messwerte.xlsx", buffer.getvalue())

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("archiv.zip", "Dateien mit der Endung „.zip“ sind nicht erlaubt."),
        ("brief.rtf", "Dateien mit der Endung „.rtf“ sind nicht erlaubt."),
        ("setup.exe", "Dateien mit der Endung „.exe“ sind nicht erlaubt."),
        ("seite.html", "Dateien mit der Endung „.html“ sind nicht erlaubt."),
        ("LIESMICH", "Dateien ohne Dateiendung sind nicht erlaubt."),
    ],
)
def test_it_refuses_kinds_outside_the_allow_list(admin_client, settings, name, message):
    response = upload_document(admin_client, name, b"PK\x03\x04")

    assert file_error(response) == (
        f"{message} Erlaubt sind PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), "
        "OpenDocument (.odt, .ods, .odp), CSV und Text (.txt)."
    )
    assert nothing_stored(settings)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bericht.pdf", HTML, "(PDF-Dokument). Es fehlt die Kennung „%PDF“ am Anfang."),
        ("bericht.docx", HTML, "(Word-, Excel- oder PowerPoint-Dokument). Die Datei ist kein ZIP-Container"),
        ("bericht.docx", office_file(EXCEL, "xl/workbook.xml"), "Ihr Hauptteil ist von einer anderen Art"),
        ("bericht.docx", office_file(f"{WORD[:-9]}.macroEnabled.main+xml"), "oder sie enthält Makros"),
        ("bericht.docx", office_file(WORD, extra=("word/vbaProject.bin",)), "Die Datei enthält Makros"),
        (
            "bericht.docx",
            b"PK\x03\x04" + office_file(WORD)[4:].replace(b"[Content_Types]", b"[Content_Typos]"),
            "Es fehlt das Verzeichnis der Bestandteile",
        ),
        ("bericht.odt", open_document("application/vnd.oasis.opendocument.spreadsheet"), "gibt sich als"),
        ("bericht.odt", b"PK\x03\x04kaputt", "Die Datei ist beschädigt."),
        ("messwerte.csv", HTML, "(Textdatei). Sie beginnt mit HTML, SVG oder anderen Auszeichnungen."),
        ("liesmich.txt", SVG, "Sie beginnt mit HTML, SVG oder anderen Auszeichnungen."),
        ("liesmich.txt", b"Text\x00\x01\x02binary", "(Textdatei). Sie enthält Binärdaten."),
    ],
)
def test_it_refuses_documents_whose_content_is_not_what_their_extension_says(
    admin_client, settings, name, content, message
):
    response = upload_document(admin_client, name, content)

    error = file_error(response)
    assert error.startswith(f"Der Inhalt der Datei passt nicht zur Endung „.{name.rsplit('.', 1)[1]}“")
    assert message in error
    assert nothing_stored(settings)


def test_it_names_the_size_of_a_document_too_large_for_its_kind(admin_client, settings):
    settings.DOCUMENTS_MAX_SIZE = 2 * 1024 * 1024

    response = upload_document(admin_client, "haushalt.pdf", b"%PDF-1.7\n" + b"0" * (3 * 1024 * 1024))

    assert file_error(response) == (
        "Die Datei ist zu groß (3 MB). PDF-Dokumente dürfen höchstens 2 MB groß sein."
    )
    assert nothing_stored(settings)


def test_text_files_have_a_limit_of_their_own(admin_client, settings):
    settings.DOCUMENTS_MAX_TEXT_SIZE = 1024 * 1024

    response = upload_document(admin_client, "messwerte.csv", b"Ort;Wert\n" * 200_000)

    assert file_error(response) == (
        "Die Datei ist zu groß (1,7 MB). CSV- und Textdateien dürfen höchstens 1 MB groß sein."
    )


def test_the_multiple_document_uploader_shows_the_reason_and_stores_nothing(admin_client, settings):
    response = upload_documents(admin_client, "bericht.pdf", HTML)

    assert response.json() == {
        "success": False,
        "error_message": (
            "Der Inhalt der Datei passt nicht zur Endung „.pdf“ (PDF-Dokument). "
            "Es fehlt die Kennung „%PDF“ am Anfang."
        ),
    }
    assert nothing_stored(settings)


def test_the_multiple_document_uploader_names_the_size(admin_client, settings):
    settings.DOCUMENTS_MAX_SIZE = 1024 * 1024

    response = upload_documents(admin_client, "haushalt.pdf", b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024))

    assert response.json()["error_message"] == (
        "Die Datei ist zu groß (2 MB). PDF-Dokumente dürfen höchstens 1 MB groß sein."
    )


# File names


@pytest.mark.parametrize(
    ("given", "cleaned"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("C:\\Users\\amt\\Desktop\\bericht.pdf", "bericht.pdf"),
        ("bericht\u202efdp.exe.pdf", "berichtfdp.exe.pdf"),
        ("zeile\r\nzwei\x00.pdf", "zeilezwei.pdf"),
        ("..\\.htaccess", "htaccess"),
        ("\x07", "datei"),
    ],
)
def test_file_names_lose_path_parts_and_control_characters(given, cleaned):
    assert clean_file_name(given) == cleaned


def test_a_stored_document_has_the_cleaned_name(admin_client):
    response = upload_document(admin_client, "bericht\u202efdp.\x07txt", b"Hallo")

    assert response.status_code == 302
    assert get_document_model().objects.get().filename == "berichtfdp.txt"


# The bucket


def test_a_refused_upload_leaves_nothing_in_the_bucket(admin_client, settings, bucket, huge_png):
    answers = [
        upload_image(admin_client, "stadtplan.png", huge_png),
        upload_images(admin_client, "logo.png", SVG),
        upload_document(admin_client, "bericht.pdf", HTML),
        upload_documents(admin_client, "messwerte.csv", HTML),
    ]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 200]
    assert bucket_keys(bucket) == []
    assert nothing_stored(settings)


def test_the_choosers_upload_form_shows_the_reason_and_stores_nothing(admin_client, settings):
    data = {f"image-chooser-upload-{name}": value for name, value in IMAGE_DETAILS.items()} | {
        "image-chooser-upload-file": SimpleUploadedFile("logo.png", SVG)
    }

    response = admin_client.post(reverse("wagtailimages_chooser:create"), data)

    assert response.json()["step"] == "reshow_creation_form"
    assert (
        "Die Datei enthält SVG, HTML oder anderen Text mit Auszeichnungen" in response.json()["htmlFragment"]
    )
    assert nothing_stored(settings)


def test_editing_the_details_without_a_new_file_keeps_the_file(admin_client):
    upload_image(admin_client, "schwebebahn.png", png_bytes())
    upload_document(admin_client, "bericht.pdf", b"%PDF-1.7\n")
    image, document = CustomImage.objects.get(), get_document_model().objects.get()

    edited_image = admin_client.post(
        reverse("wagtailimages:edit", args=[image.pk]), {**IMAGE_DETAILS, "title": "Schwebebahn am Abend"}
    )
    edited_document = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Bericht 2024", "collection": document.collection_id, "tags": ""},
    )

    assert (edited_image.status_code, edited_document.status_code) == (302, 302)
    image.refresh_from_db()
    document.refresh_from_db()
    assert (image.title, image.file.name) == ("Schwebebahn am Abend", "original_images/schwebebahn.png")
    assert (document.title, document.file.name) == ("Bericht 2024", "documents/bericht.pdf")


@pytest.mark.parametrize("address", ["wagtailimages:add", "wagtailimages:add_multiple"])
def test_the_image_upload_pages_tell_the_limits(admin_client, address):
    response = admin_client.get(reverse(address))

    assert (
        "Erlaubt sind Bilder im Format JPEG, PNG, GIF, WebP oder AVIF bis 20 MB und 40.000.000 Pixel "
        "(Breite × Höhe)." in response.content.decode()
    )


@pytest.mark.parametrize("address", ["wagtaildocs:add", "wagtaildocs:add_multiple"])
def test_the_document_upload_pages_tell_the_limits(admin_client, address):
    response = admin_client.get(reverse(address))

    assert (
        "OpenDocument (.odt, .ods, .odp), CSV und Text (.txt): PDF-, Office- und OpenDocument-Dateien bis "
        "20 MB, CSV- und Textdateien bis 5 MB." in response.content.decode()
    )
