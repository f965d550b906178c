"""Two indexes on Wagtail's page table that every list needs at a hundred thousand pages.

- The expiry of live pages: every list leaves out the pages past their expiry date
  (core.visibility.expired_page_ids); without the index each list scans the whole table for
  the few pages that have one.
- A page's children (`depth = 3 AND path LIKE '00010002%'`: a section's list, the menu):
  Wagtail's unique index on the path follows the database's collation, which PostgreSQL
  cannot use for LIKE unless the collation is C; `varchar_pattern_ops` can. The depth comes
  first, as the prefix alone matches nearly every page of a site. SQLite (the embedded
  default) has no operator classes and is left as it is.
"""

from django.db import migrations

EXPIRY = "CREATE INDEX live_page_expiry ON wagtailcore_page (expire_at) WHERE live AND expire_at IS NOT NULL"
CHILDREN = "CREATE INDEX page_children ON wagtailcore_page (depth, path varchar_pattern_ops)"


def create(apps, schema_editor):
    schema_editor.execute(EXPIRY)
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CHILDREN)


def drop(apps, schema_editor):
    schema_editor.execute("DROP INDEX live_page_expiry")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX page_children")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_snippets_translatable"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(create, drop)]
