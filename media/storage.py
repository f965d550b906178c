"""What counts as a failing media storage, and what editors are told when it fails.

With S3, a failure does not always look like a file error: a missing object comes as
FileNotFoundError (an OSError), but an endpoint that is down, a missing bucket or a
refused write come as botocore's and boto3's own exceptions, which Wagtail does not
expect. Everything that talks to the storage catches this one tuple.
"""

import logging

from boto3.exceptions import Boto3Error
from botocore.exceptions import BotoCoreError, ClientError

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
