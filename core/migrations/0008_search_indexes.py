"""Two indexes that let a site search at a hundred thousand pages start from the words.

Wagtail's database search backend matches `title || body` of its index entries and joins
them to the pages on `object_id = page.id::varchar`. Its own GIN indexes cover the title
and the body apart, which the concatenation cannot use, so every search read every entry;
and no index covers the page id as text, so every search read every page too. With an
expression index on each side, a rare word is found in a fraction of a millisecond and a
common one reads its matches only. PostgreSQL only: SQLite searches without these tables'
tsvectors.
"""

from django.db import migrations

INDEXES = {
    "search_entry_vector": "wagtailsearch_indexentry USING gin ((title || body))",
    "page_id_as_text": "wagtailcore_page (((id)::varchar(50)))",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, target in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX {name} ON {target}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0007_page_list_indexes"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
