"""Web containers that start together take turns to migrate (deploy/migrate.py)."""

import subprocess
import sys
import time
from importlib.util import module_from_spec, spec_from_file_location

import psycopg2
import pytest

from tests.deploy.compose import PROJECT_DIR
from tests.deploy.processes import database_url, production_environment

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
