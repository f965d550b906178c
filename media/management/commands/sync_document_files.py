from django.core.management.base import BaseCommand, CommandError

from media.document_files import sync_document_files
from media.storage import STORAGE_ERRORS, log_failure


class Command(BaseCommand):
    help = (
        "Move the files of documents in restricted collections to private/ and those of public "
        "documents back to documents/. Safe to run again: it only moves what is on the wrong side."
    )

    def handle(self, *args, **options):
        try:
            moved = sync_document_files()
        except STORAGE_ERRORS as error:
            log_failure("moving document files", error)
            raise CommandError(
                "The media storage failed; the files moved so far stay moved. Run the command again later."
            ) from error
        self.stdout.write(f"Document files moved: {moved}.")
