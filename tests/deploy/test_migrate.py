"""Web containers that start together take turns to migrate (deploy/migrate.py), and then
sort the document files."""

import subprocess
import sys
import time
from importlib.util import module_from_spec, spec_from_file_location

import psycopg2
import pytest
import wagtail_factories
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.deploy.compose import PROJECT_DIR
from tests.deploy.processes import database_url, production_environment
from tests.s3 import free_port

# The marker makes pytest-django create the test database, which the migration runs on.
pytestmark = pytest.mark.django_db


def migration_lock() -> int:
    spec = spec_from_file_location("deploy_migrate", PROJECT_DIR / "deploy" / "migrate.py")
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MIGRATION_LOCK


def waiting_for_lock(cursor, lock: int) -> bool:
    cursor.execute(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = %s AND NOT granted",
        [lock],
    )
    return cursor.fetchone()[0] > 0


def test_a_second_process_waits_until_the_first_has_migrated():
    lock = migration_lock()
    holder = psycopg2.connect(database_url())
    holder.autocommit = True
    cursor = holder.cursor()
    # Another web container is migrating.
    cursor.execute("SELECT pg_advisory_lock(%s)", [lock])
    migrating = subprocess.Popen(
        [sys.executable, "deploy/migrate.py"],
        cwd=PROJECT_DIR,
        env=production_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not waiting_for_lock(cursor, lock):
            assert migrating.poll() is None, migrating.stdout.read()
            assert time.monotonic() < deadline, "deploy/migrate.py never asked for the lock"
            time.sleep(0.05)
        assert migrating.poll() is None

        cursor.execute("SELECT pg_advisory_unlock(%s)", [lock])
        output, _ = migrating.communicate(timeout=60)

        assert migrating.returncode == 0, output
        assert "No migrations to apply." in output
    finally:
        if migrating.poll() is None:
            migrating.kill()
            migrating.wait()
        holder.close()


def restricted_document_stored_before():
    """A document as stored before restricted documents were private: in a restricted
    collection, with its file in documents/."""
    root = Collection.get_first_root_node()
    committee, press = root.add_child(name="Lenkungsgruppe"), root.add_child(name="Presse")
    CollectionViewRestriction.objects.create(
        collection=committee, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = wagtail_factories.DocumentFactory(collection=press, file__filename="protokoll.pdf")
    get_document_model().objects.filter(pk=document.pk).update(collection=committee)


def migrate(**variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "deploy/migrate.py"],
        cwd=PROJECT_DIR,
        env=production_environment(**variables),
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_moves_the_files_of_restricted_documents_stored_before_to_private(tmp_path):
    restricted_document_stored_before()

    # MEDIA_ROOT is CMS_VAR_DIR/media, where the tests' uploads go too (tests/conftest.py).
    migrating = migrate(CMS_VAR_DIR=str(tmp_path))

    assert migrating.returncode == 0, migrating.stderr
    assert "Document files moved: 1." in migrating.stdout
    assert get_document_model().objects.get().file.name == "private/documents/protokoll.pdf"
    assert (tmp_path / "media" / "private" / "documents" / "protokoll.pdf").is_file()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failing_storage_is_reported_and_does_not_stop_the_start():
    restricted_document_stored_before()

    migrating = migrate(
        AWS_STORAGE_BUCKET_NAME="cms-media",
        AWS_S3_ENDPOINT_URL=f"http://127.0.0.1:{free_port()}",
        AWS_ACCESS_KEY_ID="cms-test",
        AWS_SECRET_ACCESS_KEY="cms-test-secret",
    )

    assert migrating.returncode == 0, migrating.stderr
    assert "Media storage failed while moving document files: EndpointConnectionError" in migrating.stderr
    assert "The site starts anyway." in migrating.stderr
    assert get_document_model().objects.get().file.name == "documents/protokoll.pdf"
