"""When did published content last change?

Every change that can alter what visitors or apps see (publishing, unpublishing,
moving or deleting a page; editing an image, a document, a snippet, a site or a view
restriction) moves the single `ContentVersion` row forward, inside the same transaction
as the change (delivery.signals). The row's model sits in the core (app label "cms"), where
it was created.
The API uses it for Last-Modified. Cached answers are not keyed by it: they are purged by
the tags of what they show (delivery.frontend_cache, delivery.tagged_cache).
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import CollectionViewRestriction, PageViewRestriction, Site
from wagtail.snippets.models import get_snippet_models

from core.models import ContentVersion

ROW = 1


@dataclass(frozen=True)
class Version:
    number: int
    changed_at: datetime.datetime


def current() -> Version:
    """The current version; a database without the row starts one now, which is safe:
    it only makes clients and caches fetch again."""
    # Plain SQL: every API request asks, and the ORM would cost more than the query.
    with connection.cursor() as cursor:
        cursor.execute(_CURRENT_SQL, [ROW])
        row = cursor.fetchone()
    if row is None:
        return _start()
    number, changed_at = row
    if isinstance(changed_at, str):  # SQLite hands back text
        changed_at = parse_datetime(changed_at)
    if timezone.is_naive(changed_at):
        changed_at = timezone.make_aware(changed_at, datetime.UTC)
    return Version(number, changed_at)


def for_request(request) -> Version:
    """The version as first read during this request: the response cache's Last-Modified and
    the kept parts' generation (core.fragments) ask once between them."""
    version = getattr(request, "_content_version", None)
    if version is None:
        version = request._content_version = current()
    return version


_CURRENT_SQL = f"SELECT number, changed_at FROM {ContentVersion._meta.db_table} WHERE id = %s"


def _start() -> Version:
    try:
        with transaction.atomic():
            row = ContentVersion.objects.create(pk=ROW, number=1, changed_at=timezone.now())
    except IntegrityError:
        # Another process created it first.
        row = ContentVersion.objects.get(pk=ROW)
    return Version(row.number, row.changed_at)


def record_change() -> None:
    """Content changed (delivery.signals): move the version forward."""
    updated = ContentVersion.objects.filter(pk=ROW).update(number=F("number") + 1, changed_at=timezone.now())
    if not updated:
        _start()


def shared_content_models() -> set:
    """The models besides pages whose rows change what visitors and apps see: images,
    documents, sites, view restrictions (a restricted page leaves the API's lists) and
    directory entries (snippets). The caches' invalidation watches the same set."""
    # Looked up per call: snippets register themselves when Wagtail loads the hooks,
    # after this app is ready.
    return {
        get_image_model(),
        get_document_model(),
        Site,
        PageViewRestriction,
        CollectionViewRestriction,
        *get_snippet_models(),
    }
