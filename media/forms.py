"""Base forms of the media library's admin (WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE): a replaced file is deleted only once its successor is stored.

Wagtail's forms delete the replaced file inside save(): documents even before the new file
is written, so a refused write leaves the document pointing at a file that is gone; images
right after, so a refused deletion fails a save whose new file is already stored. Here the
old file stays untouched during the save and goes after the transaction commits, through
the background task Wagtail uses for the files of deleted media: a failed save changes
nothing, and a failed deletion leaves no more than an unused object in the bucket.
"""

from django.db import transaction
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.tasks import delete_file_from_storage_task


class DeleteReplacedFileAfterCommitMixin:
    def replaces_file(self, commit: bool) -> bool:
        return commit and "file" in self.changed_data and bool(self.original_file)

    def save(self, commit=True):
        replaced = self.original_file if self.replaces_file(commit) else None
        if replaced:
            # Wagtail's save() deletes `original_file` at once when it is set.
            self.original_file = None
        instance = super().save(commit=commit)
        if replaced:
            storage, name = replaced.storage, replaced.name
            transaction.on_commit(lambda: delete_file_from_storage_task.enqueue(storage.deconstruct(), name))
        return instance


class ImageForm(DeleteReplacedFileAfterCommitMixin, BaseImageForm):
    def save(self, commit=True):
        replacing = self.replaces_file(commit)
        instance = super().save(commit=commit)
        if replacing:
            # They show the old picture; deleting them queues their files' deletion too.
            instance.renditions.all().delete()
        return instance


class DocumentForm(DeleteReplacedFileAfterCommitMixin, BaseDocumentForm):
    pass
