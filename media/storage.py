"""The media storage: which files have a public address, what counts as a failing
storage, and what editors are told when it fails.

Documents in collections with a view restriction keep their files under `private/`
(`media.document_files`), which has no public address: the bucket lets anyone read only
the prefixes Wagtail writes public media to (`original_images/`, `images/`, `documents/`),
and the development server serves MEDIA_ROOT without its `private/` folder. Finding no
URL for such a file, Wagtail's serve view streams it itself, after checking the
restriction.

With S3, a failure does not always look like a file error: a missing object comes as
FileNotFoundError (an OSError), but an endpoint that is down, a missing bucket or a
refused write come as botocore's and boto3's own exceptions, which Wagtail does not
expect. Everything that talks to the storage catches this one tuple.
"""

import logging
import mimetypes
import posixpath
from urllib.parse import quote

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from storages.backends.s3 import S3Storage

logger = logging.getLogger(__name__)

STORAGE_ERRORS = (OSError, BotoCoreError, ClientError, Boto3Error)

SAVE_FAILED = (
    "Die Datei konnte nicht gespeichert werden, weil der Medienspeicher gerade nicht erreichbar ist."
)
PERSISTS = "Bleibt der Fehler bestehen, informieren Sie bitte die technische Betreuung."
# Browsers clear a file input when a form comes back, so the form asks for the file again;
# the multiple uploader shows the message next to the file, which is to be dropped again.
SAVE_FAILED_IN_FORM = (
    f"{SAVE_FAILED} Ihre übrigen Angaben sind erhalten. Bitte wählen Sie die Datei erneut aus "
    f"und versuchen Sie es in einigen Minuten noch einmal. {PERSISTS}"
)
SAVE_FAILED_IN_UPLOADER = (
    f"{SAVE_FAILED} Bitte laden Sie die Datei in einigen Minuten erneut hoch. {PERSISTS}"
)
# Completing a pending upload: the file is already with the CMS, a second click is enough.
SAVE_FAILED_FOR_PENDING_UPLOAD = (
    f"{SAVE_FAILED} Bitte versuchen Sie es in einigen Minuten noch einmal. {PERSISTS}"
)


def log_failure(action: str, error: Exception) -> None:
    """Tell operators what failed, with the storage's own error and its traceback."""
    logger.error("Media storage failed while %s: %s: %s", action, type(error).__name__, error, exc_info=error)


def discard_new_file(field_file) -> None:
    """Remove the file of a new object whose saving failed after the file was written, so
    the bucket keeps no object without a database row. Only for new objects: an existing
    object's file would go too. Best effort, as the storage may still be failing."""
    if not field_file or not getattr(field_file, "_committed", False):
        return
    try:
        field_file.storage.delete(field_file.name)
    except STORAGE_ERRORS as error:
        log_failure(f"removing the orphaned file {field_file.name!r}", error)


PRIVATE_PREFIX = "private/"
# Where Wagtail's Document model puts its files (upload_to="documents").
DOCUMENTS_PREFIX = "documents/"


def is_private(name: str) -> bool:
    return name.startswith(PRIVATE_PREFIX)


def private_name(name: str) -> str:
    return name if is_private(name) else PRIVATE_PREFIX + name


def public_name(name: str) -> str:
    return name.removeprefix(PRIVATE_PREFIX)


def other_side(name: str) -> str:
    return public_name(name) if is_private(name) else private_name(name)


class PrivateFilesMixin:
    """Gives no URL for private files, and moves documents' files between the public and
    the private side without renaming them: the file name is part of a document's address
    (/documents/<id>/<file name>), which must not change when a view restriction moves
    the file. So a document's file name is given out only when it is free on both sides."""

    def url(self, name, *args, **kwargs):
        if is_private(name):
            # The storage API's way of saying "no public URL": Wagtail's serve view then
            # streams the file instead of redirecting to it.
            raise NotImplementedError(f"{name} is private and has no public URL.")
        return super().url(name, *args, **kwargs)

    def is_name_available(self, name, max_length=None):
        if not super().is_name_available(name, max_length):
            return False
        return not public_name(name).startswith(DOCUMENTS_PREFIX) or not self.exists(other_side(name))

    def copy_to_other_side(self, name, max_length=None) -> str:
        """Copies the file to the same name on the other side and returns the new name.
        A name taken there after all (by a copy a failed move left behind) or too long
        gives way to a free one."""
        target = other_side(name)
        with self.open(name) as content:
            # The check without the twin, which is the very file being copied.
            if super().is_name_available(target, max_length):
                return self._save(target, content)
            return self.save(target, content, max_length)


def served_headers(name: str) -> dict[str, str]:
    """The Content-Type of a file, from its name, which the upload checks held against its
    content (never the type the uploader's browser claimed), and for documents the
    Content-Disposition Wagtail's serve view gives them: inline for PDF, a download for
    every other kind."""
    extension = posixpath.splitext(name)[1].lower().lstrip(".")
    if not public_name(name).startswith(DOCUMENTS_PREFIX):
        return {"ContentType": mimetypes.guess_type(name)[0] or "application/octet-stream"}
    content_type = settings.WAGTAILDOCS_CONTENT_TYPES.get(extension, "application/octet-stream")
    if content_type in settings.WAGTAILDOCS_INLINE_CONTENT_TYPES:
        return {"ContentType": content_type, "ContentDisposition": "inline"}
    filename = quote(posixpath.basename(name))
    disposition = f"attachment; filename={filename}; filename*=UTF-8''{filename}"
    return {"ContentType": content_type, "ContentDisposition": disposition}


class S3MediaStorage(PrivateFilesMixin, S3Storage):
    """Objects carry the headers browsers get when they fetch them from the bucket
    directly (public documents redirect there)."""

    def get_object_parameters(self, name):
        return {**super().get_object_parameters(name), **served_headers(name)}

    def refresh_served_headers(self, name) -> bool:
        """Gives an object written before these headers existed the ones it should have (a
        copy onto itself), and says whether it had to."""
        wanted = served_headers(name)
        stored = self.bucket.Object(self._normalize_name(name))
        try:
            current = {"ContentType": stored.content_type, "ContentDisposition": stored.content_disposition}
        except ClientError as error:
            if error.response["Error"]["Code"] not in ("404", "NoSuchKey"):
                raise
            logger.warning("The file %r is missing; it was given no headers.", name)
            return False
        if all(current[header] == value for header, value in wanted.items()):
            return False
        stored.copy_from(
            CopySource={"Bucket": self.bucket_name, "Key": stored.key}, MetadataDirective="REPLACE", **wanted
        )
        return True


class LocalMediaStorage(PrivateFilesMixin, FileSystemStorage):
    pass
