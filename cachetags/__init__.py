"""What an answer shows, named by short tags, so that a change purges exactly the answers
that show it (README, "Caching").

While a response is made (delivery.middleware) a *collection* is open; the code that reads
content calls `record(*tags)`, and the tags end up in the answer's `xkey` header (Varnish)
and with its entry in the API response cache (delivery.tagged_cache). Collections nest: a
fragment cache opens its own, and what it collects reaches the response's too. Outside a
collection `record` does nothing, so the admin, the worker and the shell pay nothing.

The tags, short because every answer carries them:

- `p<id>`: shows the page (its own answers, cards, links, related items);
- `a<tree path>`: belongs to the page's subtree, for each ancestor and the page itself
  (breadcrumbs and menus name the ancestors; an alert for a section shows on its subtree);
- `c<id>`: lists the page's children (a section's index, its feed, the menu);
- `t<content type id>`: lists pages or entries of one type (the start page's teasers, the
  API's lists of one type, a directory endpoint);
- `r<id>`: lists the pages that point to the page (a project's news and events);
- `pages`: lists pages of every type (search, sitemap, the API's mixed lists);
- `alerts`: shows the site-wide alerts (every page's banner, the alerts endpoint);
- `i<id>`, `d<id>`: shows the image, the document;
- `s<content type id>-<id>`: shows the directory entry (snippet) or alert;
- `all`: every answer; purged when a site or a view restriction changes.

This package sits below every other one (pyproject.toml, import layers), so the page
models, the media library and the templates can record what they read.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType

__all__ = [
    "ALL",
    "ALERTS",
    "PAGES",
    "RecordedWhenLoaded",
    "children_tag",
    "collect",
    "document_tag",
    "entry_tag",
    "image_tag",
    "page_tag",
    "pointed_to_tag",
    "record",
    "scope_tag",
    "subtree_tags",
    "type_tag",
    "type_tag_of",
]

ALL = "all"
PAGES = "pages"
ALERTS = "alerts"

# The open collections, innermost last; a tuple, so a nested one never changes the outer's.
_OPEN: ContextVar[tuple[set, ...]] = ContextVar("cache_tag_collections", default=())


@contextmanager
def collect():
    """Opens a collection; yields the set its `record` calls fill."""
    tags: set[str] = set()
    token = _OPEN.set((*_OPEN.get(), tags))
    try:
        yield tags
    finally:
        _OPEN.reset(token)


def record(*tags: str) -> None:
    """Adds the tags to every open collection; nothing outside one."""
    for collection in _OPEN.get():
        collection.update(tags)


def page_tag(page_id) -> str:
    return f"p{page_id}"


def image_tag(image_id) -> str:
    return f"i{image_id}"


def document_tag(document_id) -> str:
    return f"d{document_id}"


def children_tag(page_id) -> str:
    return f"c{page_id}"


def pointed_to_tag(page_id) -> str:
    return f"r{page_id}"


def type_tag(content_type_id) -> str:
    return f"t{content_type_id}"


def scope_tag(tree_path: str) -> str:
    """The tag of the subtree of the page with this tree path."""
    return f"a{tree_path}"


def subtree_tags(tree_path: str) -> list[str]:
    """The scope tags of a page by its tree path (four characters a level): one for each
    ancestor below the tree's root and one for the page. Read from the path, no query."""
    return [scope_tag(tree_path[:end]) for end in range(8, len(tree_path) + 1, 4)]


class RecordedWhenLoaded:
    """A model mixin: every instance read from the database while a collection is open
    records its tag. What an answer shows it has loaded, so this names the pages, images,
    directory entries and alerts of an answer without a call in every template and
    serializer; an object loaded but not shown only costs a purge too many. (Wagtail's own
    document model cannot take the mixin: media.document_tags records documents.)"""

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if _OPEN.get():
            record(instance.cache_tag())
        return instance

    def cache_tag(self) -> str:
        """The directory entries' tag; pages and images name theirs (`p`, `i`) themselves."""
        return entry_tag(type(self), self.pk)


def entry_tag(model, pk) -> str:
    """The tag of a directory entry (snippet) or alert: its content type and id."""
    return f"s{ContentType.objects.get_for_model(model).pk}-{pk}"


def type_tag_of(model) -> str:
    """The list tag of a page or entry type."""
    return type_tag(ContentType.objects.get_for_model(model).pk)
