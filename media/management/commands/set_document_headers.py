from django.core.management.base import BaseCommand, CommandError
from wagtail.documents import get_document_model

from media.storage import STORAGE_ERRORS, log_failure


class Command(BaseCommand):
    help = (
        "Give the bucket's document files the Content-Type of their extension and the "
        "Content-Disposition the CMS sends (inline for PDF, a download for the rest), for files "
        "stored before uploads set them. Safe to run again: it changes only what differs."
    )

    def handle(self, *args, **options):
        documents = get_document_model().objects.exclude(file="")
        changed = 0
        try:
            for document in documents.iterator():
                refresh = getattr(document.file.storage, "refresh_served_headers", None)
                if refresh is None:
                    self.stdout.write("The documents are local files, which the CMS serves itself.")
                    return
                changed += refresh(document.file.name)
        except STORAGE_ERRORS as error:
            log_failure("setting the headers of document files", error)
            raise CommandError("The media storage failed. Run the command again later.") from error
        self.stdout.write(f"Document files given their headers: {changed}.")
