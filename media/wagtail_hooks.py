"""Admin wiring of the media library: the views that store files, in place of Wagtail's,
and the bulk move of documents to another collection, which must sort their files.

Wagtail registers these views as plain admin URLs or inside its chooser viewsets, neither
of which can be configured to use other views, so the replacements are registered under
the same addresses ahead of Wagtail's (order=-1); the chooser's upload view is built by
Wagtail's own chooser viewset, with its settings. The URL names stay Wagtail's, and every
link in the admin leads to the replacements.
`tests/media/test_storage_errors.py` goes through the URL names and so notices if a
Wagtail upgrade moves an address.
"""

from django.urls import path
from wagtail import hooks
from wagtail.documents.views.bulk_actions.document_bulk_action import DocumentBulkAction
from wagtail.documents.views.chooser import viewset as document_chooser
from wagtail.images.views.chooser import viewset as image_chooser

from . import admin_views, document_files


@hooks.register("register_admin_urls", order=-1)
def register_storage_failure_safe_views():
    return [
        path("images/add/", admin_views.ImageCreateView.as_view()),
        path("images/<int:image_id>/", admin_views.ImageEditView.as_view()),
        path("images/chooser/create/", image_chooser.construct_view(admin_views.ImageChooserUploadView)),
        path("images/multiple/add/", admin_views.ImageUploadView.as_view()),
        path(
            "images/multiple/create_from_uploaded_image/<int:uploaded_file_id>/",
            admin_views.ImageFromPendingUploadView.as_view(),
        ),
        path("documents/add/", admin_views.DocumentCreateView.as_view()),
        path("documents/edit/<int:document_id>/", admin_views.DocumentEditView.as_view()),
        path(
            "documents/chooser/create/",
            document_chooser.construct_view(admin_views.DocumentChooserUploadView),
        ),
        path("documents/multiple/add/", admin_views.DocumentUploadView.as_view()),
        path(
            "documents/multiple/create_from_uploaded_document/<int:uploaded_file_id>/",
            admin_views.DocumentFromPendingUploadView.as_view(),
        ),
    ]


@hooks.register("after_bulk_action")
def sort_files_of_documents_moved_to_another_collection(request, action_type, objects, action_class_instance):
    # Wagtail moves them with a queryset update, which sends no save signals.
    if action_type == "add_to_collection" and isinstance(action_class_instance, DocumentBulkAction):
        document_files.sync_document_files_after_commit()
