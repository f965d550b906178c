"""Values derived from the published content (list counts, the years and categories a list
offers), computed once per content change instead of on every view.

The key is the number of the `ContentVersion` row, which every publish, unpublish, move or
deletion moves forward in the same transaction (delivery.signals): a change makes every
value computed before it unreachable at once, in every web process, so a list never offers
yesterday's years after a publish. The row is read here rather than through
delivery.content_version, which sits above the page apps that use this.
"""

from collections.abc import Callable
from typing import Any

from django.core.cache import cache

from . import fragments
from .models import ContentVersion

# Entries of older versions are unreachable; they only need to leave Redis eventually.
TIMEOUT = 24 * 60 * 60


def content_version() -> str:
    """The current content version, its number and time (a database rebuilt from scratch
    counts from 1 again); "0" before the first change, when the row does not exist yet."""
    row = ContentVersion.objects.order_by("pk").values_list("number", "changed_at").first()
    return f"{row[0]}-{row[1].timestamp():.6f}" if row else "0"


class ContentCache:
    """Remembers values for one content version under one scope (e.g. a list page's id)."""

    def __init__(self, scope: str):
        # An anonymous read has the generation of its kept parts at hand (the same version, and
        # the next page expiry, which takes an expired page out of a list's count on time); other
        # requests read the version row.
        self.prefix = f"derived:{fragments.generation() or content_version()}:{scope}"

    def get(self, name: str, compute: Callable[[], Any]) -> Any:
        key = f"{self.prefix}:{name}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, TIMEOUT)
        return value
