"""Which documents an anonymous visitor may open: those outside collections that carry a view
restriction (password, login or groups) or lie below one. The documents API lists only
these, and the files of the others are kept private (media.document_files, media.views).
Pages have their own rule (core.visibility)."""

from django.db.models import Q
from wagtail.models import CollectionViewRestriction


def in_restricted_collection() -> Q:
    """Matches documents in collections that carry a view restriction or lie below one."""
    restricted = Q(pk__in=[])  # matches nothing while no collection is restricted
    for path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
        restricted |= Q(collection__path__startswith=path)
    return restricted


def visible_documents(queryset):
    """The documents of `queryset` outside restricted collections."""
    return queryset.exclude(in_restricted_collection())
