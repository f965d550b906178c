"""Wagtail's add and edit views of images and documents, made to survive a failing storage.

When the media storage is down, refuses a write or has lost its bucket, Wagtail's views
answer with a server error. These subclasses roll the save back and tell the editor in
German instead: the add and edit forms and the upload form in the chooser come back filled
in, the multiple uploader shows the message next to the file. No row is left without its
file, and a file written for an object that could not be saved is removed again.
`wagtail_hooks` puts them in place of Wagtail's views, under the same addresses.
"""

from django.db import transaction
from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.documents.views import chooser as document_chooser
from wagtail.documents.views import documents
from wagtail.documents.views import multiple as multiple_documents
from wagtail.images.views import chooser as image_chooser
from wagtail.images.views import images
from wagtail.images.views import multiple as multiple_images

from .storage import (
    SAVE_FAILED_FOR_PENDING_UPLOAD,
    SAVE_FAILED_IN_FORM,
    SAVE_FAILED_IN_UPLOADER,
    STORAGE_ERRORS,
    discard_new_file,
    log_failure,
)

FILE_AGAIN = "Bitte wählen Sie die Datei erneut aus."


class StorageFailureFormMixin:
    """The single add and edit views. Wagtail saves inside a transaction and writes the file
    before the row, so a failure rolls everything back; the form is shown again."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except STORAGE_ERRORS as error:
            log_failure(f"saving the {self.model._meta.model_name} {form.instance.title!r}", error)
            if form.instance.pk:
                # The page around the form shows the stored object, which is unchanged;
                # the form's instance holds the editor's input and the new, unstored file.
                self.object = self.model.objects.get(pk=form.instance.pk)
            form.add_error("file", FILE_AGAIN)
            self.produced_error_code = "storage_error"
            self.produced_error_message = SAVE_FAILED_IN_FORM
            return self.form_invalid(form)


class StorageFailureChooserUploadMixin:
    """The upload form in the image and document choosers of the page editor."""

    def post(self, request):
        try:
            with transaction.atomic():
                return super().post(request)
        except STORAGE_ERRORS as error:
            # The form is set and valid: only saving it touches the storage.
            log_failure(
                f"saving the {self.form.instance._meta.model_name} {self.form.instance.title!r}", error
            )
            self.form.add_error("file", SAVE_FAILED_IN_FORM)
            return self.get_reshow_creation_form_response()


class StorageFailureUploadMixin:
    """The multiple uploader's first step: the file is stored as a new object, or as a
    pending upload when the object needs more details (an image's alt text)."""

    def post(self, request):
        try:
            with transaction.atomic():
                return super().post(request)
        except STORAGE_ERRORS as error:
            log_failure(f"uploading {request.FILES['files[]'].name!r}", error)
            return JsonResponse({"success": False, "error_message": SAVE_FAILED_IN_UPLOADER})


class StorageFailurePendingUploadMixin:
    """The multiple uploader's second step: the pending upload is copied into the new
    object's file, then deleted. The editor's details come back with the message."""

    def save_object(self, form):
        self.form = form
        super().save_object(form)

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except STORAGE_ERRORS as error:
            # Only save_object() and what follows it touch the storage, so self.form is set.
            log_failure(f"storing the pending upload {self.upload.file.name!r}", error)
            discard_new_file(self.object.file)
            self.form.add_error(None, SAVE_FAILED_FOR_PENDING_UPLOAD)
            return JsonResponse({"success": False, "form": self.render_form()})

    def render_form(self) -> str:
        return render_to_string(
            self.edit_form_template_name,
            {
                self.context_upload_name: self.upload,
                "edit_action": reverse(self.edit_upload_url_name, args=(self.upload.id,)),
                "delete_action": reverse(self.delete_upload_url_name, args=(self.upload.id,)),
                "form": self.form,
            },
            request=self.request,
        )


class ImageCreateView(StorageFailureFormMixin, images.CreateView):
    pass


class ImageEditView(StorageFailureFormMixin, images.EditView):
    pass


class ImageChooserUploadView(StorageFailureChooserUploadMixin, image_chooser.ImageUploadView):
    pass


class ImageUploadView(StorageFailureUploadMixin, multiple_images.AddView):
    pass


class ImageFromPendingUploadView(
    StorageFailurePendingUploadMixin, multiple_images.CreateFromUploadedImageView
):
    pass


class DocumentCreateView(StorageFailureFormMixin, documents.CreateView):
    pass


class DocumentEditView(StorageFailureFormMixin, documents.EditView):
    pass


class DocumentChooserUploadView(StorageFailureChooserUploadMixin, document_chooser.DocumentChooserUploadView):
    pass


class DocumentUploadView(StorageFailureUploadMixin, multiple_documents.AddView):
    pass


class DocumentFromPendingUploadView(
    StorageFailurePendingUploadMixin, multiple_documents.CreateFromUploadedDocumentView
):
    pass
