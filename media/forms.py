"""Base forms of the media library's admin (WAGTAILIMAGES_IMAGE_FORM_BASE and
WAGTAILDOCS_DOCUMENT_FORM_BASE), used by every view that adds or replaces a file: the single
and the multiple upload, the choosers' upload and the edit form.

Their file fields check a file by its content (media.uploads) before anything is stored, and
take the path parts and control characters out of its name.

A replaced file is deleted only once its successor is stored.

Wagtail's forms delete the replaced file inside save(): documents even before the new file
is written, so a refused write leaves the document pointing at a file that is gone; images
right after, so a refused deletion fails a save whose new file is already stored. Here the
old file stays untouched during the save and goes after the transaction commits, through
the background task Wagtail uses for the files of deleted media: a failed save changes
nothing, and a failed deletion leaves no more than an unused object in the bucket.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms import FileField
from wagtail.documents.fields import WagtailDocumentField
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.tasks import delete_file_from_storage_task

from .renditions import build_renditions_after_commit
from .uploads import check_document, check_image, clean_file_name, document_help_text, image_help_text


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, with the content checks of media.uploads ahead of its own:
    Wagtail's refuse an image too large for Pillow with "unknown number" of pixels, and
    name no reason for a file that is no image at all."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help_text = image_help_text()

    def to_python(self, data):
        if FileField.to_python(self, data) is not None:
            data.name = clean_file_name(data.name)
            check_image(data)
        return super().to_python(data)


class CheckedDocumentField(WagtailDocumentField):
    """Wagtail's document field with the checks of media.uploads, which include the size
    (a limit per kind of document) in place of Wagtail's one limit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.help_text = document_help_text()

    def to_python(self, data):
        file = FileField.to_python(self, data)
        if file is not None:
            file.name = clean_file_name(file.name)
            check_document(file)
        return file


class CheckedFileMixin:
    """Puts `checked_field_class` in place of the file field Wagtail's form factory made,
    keeping its label, widget and limits. Wagtail builds the field in a callback of its
    own (`formfield_for_dbfield`); a field declared on this base instead would also appear
    in the forms Wagtail builds without one, such as the multiple uploader's details."""

    checked_field_class: type[FileField]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        made = self.fields.get("file")
        if made is not None:
            self.fields["file"] = self.checked_field_class(
                label=made.label, required=made.required, widget=made.widget, max_length=made.max_length
            )


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


class ImageForm(CheckedFileMixin, DeleteReplacedFileAfterCommitMixin, BaseImageForm):
    checked_field_class = CheckedImageField

    def save(self, commit=True):
        replacing = self.replaces_file(commit)
        instance = super().save(commit=commit)
        if replacing:
            # They show the old picture; deleting them queues their files' deletion too.
            instance.renditions.all().delete()
        # The multiple uploader saves the instance itself after save(commit=False).
        build_renditions_after_commit(instance)
        return instance


class DocumentForm(CheckedFileMixin, DeleteReplacedFileAfterCommitMixin, BaseDocumentForm):
    checked_field_class = CheckedDocumentField

    def add_error(self, field, error):
        # Wagtail's Document.clean() checks the extension of the instance's file even when
        # this form refused the new one, and so adds "Dateiendung „“ ist nicht erlaubt"
        # (the empty extension of no file) to the reason already given.
        if field is None and "file" in self._errors and hasattr(error, "error_dict"):
            others = {name: errors for name, errors in error.error_dict.items() if name != "file"}
            if not others:
                return
            error = ValidationError(others)
        super().add_error(field, error)
