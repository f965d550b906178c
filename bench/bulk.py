"""Live pages inserted by the thousand, for the benchmark's large archives.

Wagtail's `add_child` costs some twenty queries a page (the tree, the slug and URL checks,
the specific row, each child relation), and in one long transaction the planner still
believes the tables empty, so a load of 20,000 articles slowed to a crawl. Here a batch of
pages of one type becomes a handful of statements: the page rows (tree paths computed as
treebeard computes them), the specific rows, and each child relation (tags, further dates,
related links), committed per batch.

The pages come out as `add_child` would leave them, minus what the benchmark does not read:
no revisions, no search or reference index entries, no log entries.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from modelcluster.models import get_all_child_relations
from wagtail.models import Page


def add_live_children(parent: Page, children: list[Page]) -> None:
    """Saves `children`, unsaved instances of one page type with their child relations in
    memory, as live pages below `parent`, after its existing children, in one transaction."""
    if not children:
        return
    model = type(children[0])
    content_type = ContentType.objects.get_for_model(model)
    last = parent.get_last_child()
    step = int(last.path[-Page.steplen :], len(Page.alphabet)) if last else 0
    depth = parent.depth + 1
    for offset, child in enumerate(children, start=1):
        child.path = Page._get_path(parent.path, depth, step + offset)
        child.depth = depth
        child.numchild = 0
        child.url_path = f"{parent.url_path}{child.slug}/"
        child.content_type = content_type
        child.locale_id = parent.locale_id
        child.draft_title = child.title
        child.live = True
        child.has_unpublished_changes = False

    with transaction.atomic():
        base_rows = [_page_row(child) for child in children]
        Page.objects.bulk_create(base_rows)
        for child, row in zip(children, base_rows, strict=True):
            child.pk = child.page_ptr_id = row.pk
        # Django's bulk_create refuses models with a parent table; the parent rows exist now,
        # so the specific rows are one plain insert of the type's own columns.
        model._base_manager._insert(
            children, fields=model._meta.local_concrete_fields, using=connection.alias
        )
        for relation in get_all_child_relations(model):
            _insert_child_relation(children, relation)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(children))
    parent.numchild += len(children)


def _page_row(child: Page) -> Page:
    row = Page()
    for field in Page._meta.concrete_fields:
        if not field.primary_key:
            setattr(row, field.attname, getattr(child, field.attname))
    return row


def _insert_child_relation(children: list[Page], relation) -> None:
    """The in-memory objects of one child relation (e.g. `related_events`), pointed at their
    saved page, in one insert."""
    objects = []
    for child in children:
        for position, item in enumerate(getattr(child, relation.get_accessor_name()).all()):
            setattr(item, relation.field.attname, child.pk)
            if hasattr(item, "sort_order") and item.sort_order is None:
                item.sort_order = position
            objects.append(item)
    if objects:
        relation.related_model.objects.bulk_create(objects)


def analyze() -> None:
    """Fresh planner statistics, as autovacuum would gather them on a database that has run
    a while: a growing table otherwise keeps the statistics of an empty one."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
