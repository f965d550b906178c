"""Putting the test database back after tests that commit, for servers in other threads or
processes to read (the steps TransactionTestCase takes with serialized_rollback=True)."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection


def restore_database(serialized: str) -> None:
    """Empties the database and loads `serialized` (from serialize_db_to_string) back."""
    # Wagtail's Task.__init__ looks up its content type; with a cold cache that lookup
    # would insert the row while the table is empty, and the restored row would clash.
    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False, inhibit_post_migrate=True)
    connection.creation.deserialize_db_from_string(serialized)
    ContentType.objects.clear_cache()
    cache.clear()
