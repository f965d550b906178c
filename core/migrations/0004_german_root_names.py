"""Wagtail's migrations call the top of the page tree and of the media collections "Root",
which editors meet in the page explorer, its breadcrumbs and the collection menus. Names an
administrator has given them since stay as they are."""

from django.db import migrations

PAGES_ROOT = ("Root", "Alle Seiten")
COLLECTIONS_ROOT = ("Root", "Alle Medien")


def rename_roots(apps, pages: str, collections: str) -> None:
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    current_page_title, new_page_title = pages
    Page.objects.filter(depth=1, title=current_page_title).update(
        title=new_page_title, draft_title=new_page_title
    )
    current_name, new_name = collections
    Collection.objects.filter(depth=1, name=current_name).update(name=new_name)


def german_names(apps, schema_editor):
    rename_roots(apps, PAGES_ROOT, COLLECTIONS_ROOT)


def wagtail_names(apps, schema_editor):
    rename_roots(apps, PAGES_ROOT[::-1], COLLECTIONS_ROOT[::-1])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_group_description"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(german_names, wagtail_names)]
