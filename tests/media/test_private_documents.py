"""Documents of restricted collections are private files: nobody reads them from the bucket
(or from MEDIA_ROOT through the development server), only through Wagtail's serve view,
which checks the restriction first. Their files follow the restriction when documents or
collections move or restrictions change.

Each behaviour is checked against moto's real S3 server and against local files.
"""

import importlib.util
import io
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import wagtail_factories
from django.conf import settings as django_settings
from django.core.files.storage import Storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import cms.urls
from media.storage import SAVE_FAILED
from tests.s3 import BUCKET, delete_bucket, moto_server, refuse, use_bucket

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 Protokoll der Lenkungsgruppe"
PASSWORD = "Wupper-2024"


@pytest.fixture(scope="module")
def s3_endpoint():
    with moto_server() as endpoint:
        yield endpoint


@dataclass
class Bucket:
    """The media in moto's S3 bucket, and what an anonymous visitor reads there."""

    client: object

    def names(self) -> list[str]:
        contents = self.client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
        return sorted(item["Key"] for item in contents)

    def read_anonymously(self, name: str) -> bytes | None:
        try:
            with urllib.request.urlopen(f"{self.client.meta.endpoint_url}/{BUCKET}/{name}") as answer:
                return answer.read()
        except urllib.error.HTTPError:
            return None


@dataclass
class MediaRoot:
    """The media in MEDIA_ROOT, and what an anonymous visitor reads there through the
    development server (`make run`)."""

    root: Path

    def names(self) -> list[str]:
        return sorted(str(path.relative_to(self.root)) for path in self.root.rglob("*") if path.is_file())

    def read_anonymously(self, name: str) -> bytes | None:
        answer = Client().get(f"{django_settings.MEDIA_URL}{name}")
        return answer.getvalue() if answer.status_code == 200 else None


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    client = use_bucket(settings, monkeypatch, s3_endpoint)
    yield Bucket(client)
    delete_bucket(client)


@pytest.fixture
def development_server(settings, monkeypatch):
    """cms.urls as the development server loads it: the tests run with DEBUG off, under
    which it leaves out the media files."""
    settings.DEBUG = True
    spec = importlib.util.spec_from_file_location("cms.urls_with_debug", cms.urls.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setitem(sys.modules, spec.name, module)
    settings.ROOT_URLCONF = spec.name


@pytest.fixture
def media_root(settings, development_server):
    return MediaRoot(Path(settings.MEDIA_ROOT))


@pytest.fixture(params=["s3", "local"])
def media(request):
    return request.getfixturevalue("bucket" if request.param == "s3" else "media_root")


@pytest.fixture
def written(monkeypatch) -> list[str]:
    """The name of every file the media storage saves, in order: an upload that was public
    only for a moment shows here, though it is gone by the end of the test."""
    names = []
    save = Storage.save

    def recording_save(storage, name, content, max_length=None):
        names.append(save(storage, name, content, max_length))
        return names[-1]

    monkeypatch.setattr(Storage, "save", recording_save)
    return names


def collection(name: str, parent: Collection | None = None) -> Collection:
    return (parent or Collection.get_first_root_node()).add_child(name=name)


@pytest.fixture
def committee():
    """The steering group's papers: a collection with a password."""
    papers = collection("Lenkungsgruppe")
    CollectionViewRestriction.objects.create(
        collection=papers, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    return papers


@pytest.fixture
def press():
    return collection("Presse")


def document_in(collection: Collection, name: str = "protokoll.pdf"):
    return wagtail_factories.DocumentFactory(
        title="Protokoll", collection=collection, file__filename=name, file__data=PDF
    )


def upload(admin_client, collection: Collection, name: str = "protokoll.pdf"):
    return admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Protokoll",
            "file": SimpleUploadedFile(name, PDF),
            "collection": collection.pk,
            "tags": "",
        },
    )


def move(admin_client, document, collection: Collection):
    return admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": document.title, "collection": collection.pk, "tags": ""},
    )


def set_privacy(admin_client, collection: Collection, restriction_type: str, **fields):
    return admin_client.post(
        reverse("wagtailadmin_collections:set_privacy", args=[collection.pk]),
        {"restriction_type": restriction_type, **fields},
    )


def enter_password(client, document) -> None:
    restriction = document.collection.get_view_restrictions().get()
    response = client.post(
        reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk]),
        {"password": PASSWORD, "return_url": document.url},
    )
    assert response.status_code == 302


def stored(document) -> str:
    return get_document_model().objects.get(pk=document.pk).file.name


# Uploads


def test_a_document_uploaded_into_a_restricted_collection_is_never_public(
    admin_client, media, committee, written
):
    response = upload(admin_client, committee)

    assert response.status_code == 302
    assert get_document_model().objects.get().file.name == "private/documents/protokoll.pdf"
    assert media.names() == written == ["private/documents/protokoll.pdf"]
    assert media.read_anonymously("private/documents/protokoll.pdf") is None


def test_a_document_uploaded_into_a_public_collection_stays_public(admin_client, media, press):
    upload(admin_client, press)

    assert media.names() == ["documents/protokoll.pdf"]
    assert media.read_anonymously("documents/protokoll.pdf") == PDF


def test_the_multiple_uploader_stores_into_a_restricted_collection_privately(
    admin_client, media, committee, written
):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("protokoll.pdf", PDF), "collection": committee.pk},
    )

    assert response.json()["success"] is True
    assert media.names() == written == ["private/documents/protokoll.pdf"]


def test_a_new_file_for_a_restricted_document_replaces_the_old_one_privately(
    admin_client, media, committee, written, django_capture_on_commit_callbacks
):
    document = document_in(committee)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": "Protokoll",
                "collection": committee.pk,
                "file": SimpleUploadedFile("protokoll-2024.pdf", PDF),
                "tags": "",
            },
        )

    assert response.status_code == 302
    assert media.names() == ["private/documents/protokoll-2024.pdf"]
    assert not [name for name in written if not name.startswith("private/")]


def test_a_name_taken_on_the_other_side_is_not_given_out_so_a_move_keeps_the_address(
    admin_client, media, committee, press, django_capture_on_commit_callbacks
):
    document_in(press)
    upload(admin_client, committee)
    restricted = get_document_model().objects.get(collection=committee)
    address = restricted.url

    with django_capture_on_commit_callbacks(execute=True):
        move(admin_client, restricted, press)

    assert restricted.filename != "protokoll.pdf"
    assert stored(restricted) == f"documents/{restricted.filename}"
    assert get_document_model().objects.get(pk=restricted.pk).url == address


# Visitors


def test_a_visitor_who_entered_the_password_gets_the_file_from_the_cms(client, media, committee):
    document = document_in(committee)
    enter_password(client, document)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response.getvalue() == PDF
    assert "private" in response["Cache-Control"]


def test_a_visitor_without_the_password_gets_a_private_password_form(client, media, committee):
    document = document_in(committee)

    response = client.get(document.url)

    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert PDF not in response.content
    assert "private" in response["Cache-Control"]


def test_a_signed_in_user_gets_a_document_of_a_login_restricted_collection(client, media, django_user_model):
    intranet = collection("Intern")
    CollectionViewRestriction.objects.create(
        collection=intranet, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = document_in(intranet)
    assert client.get(document.url).status_code == 302  # to the login

    client.force_login(django_user_model.objects.create_user(username="stadtrat", password="x"))
    response = client.get(document.url)

    assert response.status_code == 200
    assert response.getvalue() == PDF
    assert "private" in response["Cache-Control"]
    assert media.read_anonymously(stored(document)) is None


def test_a_public_document_on_s3_is_still_served_by_the_bucket(client, bucket, press):
    document = document_in(press)

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"] == f"{bucket.client.meta.endpoint_url}/{BUCKET}/documents/protokoll.pdf"
    assert bucket.read_anonymously("documents/protokoll.pdf") == PDF


def test_the_development_server_serves_no_private_file_even_by_a_detour(media_root, committee):
    document_in(committee)

    assert media_root.names() == ["private/documents/protokoll.pdf"]
    assert media_root.read_anonymously("documents/../private/documents/protokoll.pdf") is None


# Moves


def test_moving_a_document_to_a_public_collection_makes_its_file_public(
    admin_client, client, media, committee, press, django_capture_on_commit_callbacks
):
    document = document_in(committee)

    with django_capture_on_commit_callbacks(execute=True):
        response = move(admin_client, document, press)

    assert response.status_code == 302
    assert media.names() == ["documents/protokoll.pdf"]
    assert media.read_anonymously("documents/protokoll.pdf") == PDF
    assert "private" not in client.get(document.url).get("Cache-Control", "")


def test_moving_a_document_into_a_restricted_collection_makes_its_file_private(
    admin_client, media, committee, press, django_capture_on_commit_callbacks
):
    document = document_in(press)

    with django_capture_on_commit_callbacks(execute=True):
        move(admin_client, document, committee)

    assert media.names() == ["private/documents/protokoll.pdf"]
    assert media.read_anonymously("documents/protokoll.pdf") is None


def test_moving_documents_into_a_restricted_collection_in_bulk_makes_their_files_private(
    admin_client, media, committee, press, django_capture_on_commit_callbacks
):
    documents = [document_in(press, "protokoll.pdf"), document_in(press, "anlage.pdf")]
    address = reverse("wagtail_bulk_action", args=("wagtaildocs", "document", "add_to_collection"))

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"{address}?id={documents[0].pk}&id={documents[1].pk}", {"collection": committee.pk}
        )

    assert response.status_code == 302
    assert media.names() == ["private/documents/anlage.pdf", "private/documents/protokoll.pdf"]


# Restrictions and collections


def test_restricting_a_collection_makes_the_files_below_it_private(
    admin_client, media, press, django_capture_on_commit_callbacks
):
    archive = collection("Archiv", parent=press)
    document_in(press, "mitteilung.pdf")
    document_in(archive, "chronik.pdf")

    with django_capture_on_commit_callbacks(execute=True):
        response = set_privacy(admin_client, press, "password", password=PASSWORD)

    assert response.json()["step"] == "set_privacy_done"
    assert media.names() == ["private/documents/chronik.pdf", "private/documents/mitteilung.pdf"]
    assert media.read_anonymously("documents/mitteilung.pdf") is None


def test_lifting_the_restriction_makes_the_files_public_again(
    admin_client, media, committee, django_capture_on_commit_callbacks
):
    document_in(committee)

    with django_capture_on_commit_callbacks(execute=True):
        set_privacy(admin_client, committee, "none")

    assert media.names() == ["documents/protokoll.pdf"]
    assert media.read_anonymously("documents/protokoll.pdf") == PDF


def test_changing_the_kind_of_restriction_keeps_the_files_private(
    admin_client, media, committee, django_capture_on_commit_callbacks
):
    document_in(committee)

    with django_capture_on_commit_callbacks(execute=True):
        set_privacy(admin_client, committee, "login")

    assert media.names() == ["private/documents/protokoll.pdf"]


def test_moving_a_collection_under_a_restricted_one_makes_its_documents_private(
    admin_client, media, committee, press, django_capture_on_commit_callbacks
):
    document_in(press)

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtailadmin_collections:edit", args=[press.pk]),
            {"name": "Presse", "parent": committee.pk},
        )

    assert response.status_code == 302
    assert media.names() == ["private/documents/protokoll.pdf"]


# Deployments with documents stored before


def test_the_command_moves_the_files_stored_before_and_then_finds_nothing_to_do(
    media, committee, press, django_capture_on_commit_callbacks
):
    document = document_in(press)
    # As stored before private files: a restricted document with its file in documents/.
    get_document_model().objects.filter(pk=document.pk).update(collection=committee)

    with django_capture_on_commit_callbacks(execute=True):
        first = call_command_output("sync_document_files")
    second = call_command_output("sync_document_files")

    assert first == "Document files moved: 1.\n"
    assert second == "Document files moved: 0.\n"
    assert media.names() == ["private/documents/protokoll.pdf"]


def test_the_command_leaves_a_document_whose_file_is_missing_as_it_is(media, committee, press, caplog):
    document = document_in(press)
    get_document_model().objects.filter(pk=document.pk).update(collection=committee)
    document.file.storage.delete(document.file.name)

    assert call_command_output("sync_document_files") == "Document files moved: 0.\n"
    assert stored(document) == "documents/protokoll.pdf"
    assert "is missing" in caplog.text


def call_command_output(name: str) -> str:
    output = io.StringIO()
    call_command(name, stdout=output)
    return output.getvalue()


# A failing storage


def test_a_refused_private_write_fails_the_upload_with_the_message(admin_client, bucket, committee):
    refuse(bucket.client, "s3:PutObject", keys="private/*")

    response = upload(admin_client, committee)

    assert response.status_code == 200
    assert SAVE_FAILED in response.content.decode()
    assert not get_document_model().objects.exists()
    assert bucket.names() == []


def test_a_refused_copy_leaves_the_document_where_it_was(admin_client, bucket, committee, press):
    document = document_in(press)
    refuse(bucket.client, "s3:PutObject", keys="private/*")

    response = move(admin_client, document, committee)

    assert response.status_code == 200
    assert SAVE_FAILED in response.content.decode()
    assert get_document_model().objects.get().collection == press
    assert bucket.names() == ["documents/protokoll.pdf"]
