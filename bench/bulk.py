"""Live pages inserted by the thousand, for the benchmark's large archives.

Wagtail's `add_child` costs some twenty queries a page (the tree, the slug and URL checks,
the specific row, each child relation), and in one long transaction the planner still
believes the tables empty, so a load of 20,000 articles slowed to a crawl. Here a batch of
pages of one type becomes a handful of statements: the page rows (tree paths computed as
treebeard computes them), the specific rows, and each child relation (tags, further dates,
related links), committed per batch.

The pages come out as `add_child` would leave them, minus what the benchmark does not read:
no revisions, no reference index entries, no log entries. The search index is written in
SQL from the rows afterwards (`build_search_index`).
"""

import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from modelcluster.models import get_all_child_relations
from modelsearch.backends.database.postgres.weights import get_weight
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.index import get_indexed_models


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


# The search index, built in PostgreSQL

# Each generated page type's text outside its title and body, as SQL over the type's table
# `s` and the page table `p`: what its search_fields name (teaser, category, tags, venue).
_EXTRA_TEXT = {
    "articles.ArticlePage": [
        "s.teaser",
        "(SELECT name FROM cms_category WHERE id = s.category_id)",
        "(SELECT string_agg(t.name, ' ') FROM articles_articlepagetag at"
        " JOIN taggit_tag t ON t.id = at.tag_id WHERE at.content_object_id = s.page_ptr_id)",
    ],
    "events.EventPage": [
        "s.teaser",
        "(SELECT name FROM cms_category WHERE id = s.category_id)",
        "(SELECT name || ' ' || city FROM events_venue WHERE id = s.venue_id)",
    ],
}
# Every string inside the body's blocks' values, markup stripped: the words a reader sees.
_BODY_TEXT = (
    "(SELECT string_agg(regexp_replace(v #>> '{}', '<[^>]+>', ' ', 'g'), ' ')"
    " FROM jsonb_path_query(s.body, 'strict $[*].value.** ? (@.type() == \"string\")') v)"
)


def index_pages_in_sql(model) -> int:
    """Search index entries (the database backend's table) for every page of `model`, written
    by PostgreSQL from the rows: the title, the text of the type's search fields and of its
    body. Wagtail's `update_index` builds the same entries object by object, a hundred a
    second here, which would make a large archive's load take hours; this takes seconds per
    ten thousand pages. Each page is stemmed in its language, as core.search_backend does.
    Returns the number of entries written."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    label = model._meta.label
    configs = json.dumps(backend.get("LANGUAGE_CONFIGS", {}))
    config = "coalesce(%s::jsonb ->> l.language_code, %s)::regconfig"
    title_weight = get_weight(
        next(f.boost for f in Page.search_fields if getattr(f, "field_name", "") == "title")
    )
    text = " || ' ' || ".join(f"coalesce({part}, '')" for part in [*_EXTRA_TEXT[label], _BODY_TEXT])
    content_type = ContentType.objects.get_for_model(model)
    sql = f"""
        INSERT INTO wagtailsearch_indexentry
            (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
        SELECT %s, p.id::text,
               setweight(to_tsvector({config}, p.title), %s),
               setweight(to_tsvector('simple', p.title), 'D'),
               setweight(to_tsvector({config}, t.text), 'D'),
               1.0, p.title, t.text
        FROM {model._meta.db_table} s
        JOIN wagtailcore_page p ON p.id = s.page_ptr_id
        JOIN wagtailcore_locale l ON l.id = p.locale_id
        CROSS JOIN LATERAL (SELECT {text} AS text) t
        ON CONFLICT (content_type_id, object_id) DO NOTHING
    """
    with connection.cursor() as cursor:
        default = backend["SEARCH_CONFIG"]
        cursor.execute(sql, [content_type.pk, configs, default, title_weight, configs, default])
        return cursor.rowcount


def build_search_index(models_in_sql) -> int:
    """The whole search index: the given page types in SQL (`index_pages_in_sql`), every
    other indexed model (the demo's pages, snippets, images: a few hundred objects) through
    the search backend as `update_index` would. Returns the number of entries."""
    search_backend = get_search_backend()
    entries = 0
    for model in get_indexed_models():
        if model in models_in_sql:
            entries += index_pages_in_sql(model)
            continue
        objects = list(model.get_indexed_objects())
        if objects:
            search_backend.get_index_for_model(model).add_items(model, objects)
            entries += len(objects)
    return entries
