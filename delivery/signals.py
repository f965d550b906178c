"""One listener per signal for all that delivery keeps in step with published content: the
content version (the API's Last-Modified, delivery.content_version) and the invalidation of
cached answers by their tags, in the response cache and Varnish (delivery.frontend_cache).
Each change is looked at once, and both hear of it in the same order every time: first the
version, inside the change's transaction, then the invalidation, which waits for the commit.

Alerts are snippets, so any save of one moves the version; the caches hear of them only
when the banner changes: when one is published, unpublished or deleted while live.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from alerts.models import Alert

from . import content_version, frontend_cache


def _published(sender, instance, **kwargs):
    content_version.record_change()
    frontend_cache.page_published(instance)


def _unpublished(sender, instance, **kwargs):
    # Deleting a live page unpublishes it first, so the purges cover deletion too.
    content_version.record_change()
    frontend_cache.page_unpublished(instance)


def _moved(sender, instance, parent_page_before, **kwargs):
    content_version.record_change()
    frontend_cache.page_moved(instance, parent_page_before)


def _slug_changed(sender, instance, **kwargs):
    # Sent when a renamed page is published: page_published moves the version.
    frontend_cache.slug_changed(instance)


def _page_deleted(sender, instance, **kwargs):
    # Deleting a draft that never went live changes nothing anyone can see.
    if instance.live:
        content_version.record_change()


# Wagtail records an image's or document's file size and hash on first use when the upload did
# not (the demo, imports): in a visitor's request, and showing what was just read from the file,
# so nothing anyone sees changes.
FILE_METADATA = frozenset({"file_size", "file_hash"})


def _saved_or_deleted(sender, instance, update_fields=None, **kwargs):
    if update_fields and FILE_METADATA.issuperset(update_fields):
        return
    if sender in content_version.shared_content_models():
        content_version.record_change()
        # A draft of an alert changes no page; its publishing purges its scope (below).
        if sender is not Alert:
            frontend_cache.shared_content_changed(sender, instance)


def _alert_published(sender, instance, **kwargs):
    # Where it showed before too, when the new revision moved its scope (alerts.signals).
    before = getattr(instance, "live_before", None)
    scopes_before = [before["page_id"]] if before else []
    frontend_cache.alert_changed(instance, [instance.page_id, *scopes_before])


def _alert_unpublished(sender, instance, **kwargs):
    frontend_cache.alert_changed(instance, [instance.page_id])


def _alert_deleted(sender, instance, **kwargs):
    # A deleted draft was never shown.
    if instance.live:
        frontend_cache.alert_changed(instance, [instance.page_id])


def connect() -> None:
    page_published.connect(_published, dispatch_uid="delivery_published")
    page_unpublished.connect(_unpublished, dispatch_uid="delivery_unpublished")
    post_page_move.connect(_moved, dispatch_uid="delivery_moved")
    page_slug_changed.connect(_slug_changed, dispatch_uid="delivery_slug_changed")
    # Deleting a page sends post_delete for its own class and for every parent class.
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="delivery_page_deleted")
    # Any model: the shared models include the snippets, which register after start-up.
    post_save.connect(_saved_or_deleted, dispatch_uid="delivery_saved")
    post_delete.connect(_saved_or_deleted, dispatch_uid="delivery_deleted")
    published.connect(_alert_published, sender=Alert, dispatch_uid="delivery_alert_published")
    unpublished.connect(_alert_unpublished, sender=Alert, dispatch_uid="delivery_alert_unpublished")
    post_delete.connect(_alert_deleted, sender=Alert, dispatch_uid="delivery_alert_deleted")
