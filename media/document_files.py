"""Where a document's file lives: public under `documents/`, or private under
`private/documents/` while its collection or an ancestor collection carries a view
restriction (password, login or groups).

The restriction alone only guards Wagtail's serve view (/documents/<id>/<file name>); the
bucket would still hand the file to anyone who knows its address. So the file follows the
restriction:

- a new file for a restricted collection is written privately by the save itself, never
  under `documents/`, not even for a moment;
- a saved document whose file is on the wrong side (its collection changed) has the file
  copied across within the save; the old object goes once the change is committed;
- adding or removing a restriction, moving a collection and Wagtail's bulk "add to
  collection" (a queryset update, without save signals) queue `sync_document_files_task`,
  which sorts every document's file, off the editor's request as a collection may hold
  many. Until the worker has run, a file that was public stays public for a moment;
- `manage.py sync_document_files` does the same for files stored before this existed,
  and `deploy/migrate.py` runs it on every start.

A file keeps its name on both sides (`media.storage` keeps names unique across them), so
a document's address stays the same.
"""

import logging

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_save
from django_tasks import task
from treebeard.mp_tree import path_updated
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.tasks import delete_file_from_storage_task

from .storage import PRIVATE_PREFIX, is_private, private_name
from .visibility import in_restricted_collection

logger = logging.getLogger(__name__)


def is_restricted(collection: Collection) -> bool:
    return collection.get_view_restrictions().exists()


def misplaced() -> Q:
    """Matches the documents whose file is on the wrong side of their collection's restriction."""
    restricted, private = in_restricted_collection(), Q(file__startswith=PRIVATE_PREFIX)
    return (restricted & ~private) | (~restricted & private)


def place_file(document) -> bool:
    """Moves the document's stored file to the side its collection calls for, if it is not
    there yet, and says whether it moved. The new name is written in the caller's
    transaction; the old file is deleted once that commits."""
    private = is_restricted(document.collection)
    if not document.file or is_private(document.file.name) == private:
        return False
    storage, old_name = document.file.storage, document.file.name
    try:
        new_name = storage.copy_to_other_side(old_name, max_length=document.file.field.max_length)
    except FileNotFoundError:
        # Nothing to protect, and nothing to move: the document stays as it is.
        logger.warning("The file %r of document %s is missing; it was not moved.", old_name, document.pk)
        return False
    # An update, not save(): the document itself has not changed, and saving it would
    # come back here through post_save.
    type(document).objects.filter(pk=document.pk).update(file=new_name)
    document.file = new_name
    transaction.on_commit(lambda: delete_file_from_storage_task.enqueue(storage.deconstruct(), old_name))
    return True


def sync_document_files() -> int:
    """Puts every document's file on the side its collection calls for and says how many
    moved. Each move is committed on its own; a failing storage stops the run, and the
    next run (which finds nothing to do once all are in place) goes on from there."""
    Document = get_document_model()
    moved = 0
    for pk in Document.objects.filter(misplaced()).values_list("pk", flat=True):
        with transaction.atomic():
            # Locked and checked again: an editor may have moved it since.
            document = Document.objects.select_for_update().filter(pk=pk).first()
            moved += bool(document and place_file(document))
    return moved


@task()
def sync_document_files_task() -> None:
    sync_document_files()


def sync_document_files_after_commit() -> None:
    transaction.on_commit(sync_document_files_task.enqueue)


def _write_new_file_privately(instance, raw=False, **kwargs):
    """Writes a new file of a document in a restricted collection under `private/`, before
    Django's FileField would write it under `documents/` (which it skips for a file
    marked committed)."""
    file = instance.file
    if raw or not file or file._committed or not is_restricted(instance.collection):
        return
    name = file.field.generate_filename(instance, file.name)
    file.name = file.storage.save(private_name(name), file.file, max_length=file.field.max_length)
    file._committed = True


def _place_saved_file(instance, raw=False, **kwargs):
    if not raw:
        place_file(instance)


def _restriction_changed(raw=False, **kwargs):
    # Its groups or password do not matter here: restricted is restricted.
    if not raw:
        sync_document_files_after_commit()


def _collection_moved(**kwargs):
    sync_document_files_after_commit()


def connect_signals() -> None:
    Document = get_document_model()
    pre_save.connect(_write_new_file_privately, sender=Document, dispatch_uid="document_files_new_file")
    post_save.connect(_place_saved_file, sender=Document, dispatch_uid="document_files_saved")
    post_save.connect(
        _restriction_changed, sender=CollectionViewRestriction, dispatch_uid="document_files_restricted"
    )
    post_delete.connect(
        _restriction_changed, sender=CollectionViewRestriction, dispatch_uid="document_files_unrestricted"
    )
    # treebeard moves a collection by rewriting the paths of it and its descendants.
    path_updated.connect(_collection_moved, sender=Collection, dispatch_uid="document_files_collection_moved")
