"""Apply the database migrations, then sort the document files, one process at a time.

Every web container runs this before it serves (deploy/start-web.sh). When several
start together (`docker compose up --scale web=3`, or a rolling restart), running
`migrate` side by side would race: two processes creating the same table, or
inserting the same editorial groups after migrating. On PostgreSQL a session-level
advisory lock makes them take turns: the first migrates, the others wait on the lock
and then find nothing left to do. The lock goes with the database session, so it is
released even when a process dies half-way.

Then, under the same lock so that two processes never copy the same file, `manage.py
sync_document_files` puts every document's file on the side of its collection's view
restriction: restricted documents stored in documents/ before they were kept private move
to private/. It only asks the database unless a file is on the wrong side. When the media
storage fails, the failure is reported and the site starts anyway: the next start goes on.
"""

import logging
import os
import sys
from pathlib import Path

# Any fixed number works, as long as nothing else in this database uses it.
MIGRATION_LOCK = 727_001


def main() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    import django

    django.setup()

    from django.core.management import CommandError, call_command
    from django.db import connection

    locking = connection.vendor == "postgresql"
    if locking:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
    try:
        call_command("migrate", interactive=False)
        try:
            call_command("sync_document_files")
        except CommandError as error:
            logging.getLogger("deploy.migrate").warning("%s The site starts anyway.", error)
    finally:
        if locking:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])


if __name__ == "__main__":
    main()
