"""Documents name themselves in the answers that show them (cachetags): Wagtail's own
document model cannot take cachetags.RecordedWhenLoaded, so every document read while an
answer is made (a download block, a rich text link, the API) records its tag here."""

from django.db.models.signals import post_init
from wagtail.documents import get_document_model

from cachetags import document_tag, record


def _record_document(sender, instance, **kwargs):
    if instance.pk is not None:
        record(document_tag(instance.pk))


def connect_signals() -> None:
    post_init.connect(_record_document, sender=get_document_model(), dispatch_uid="media_document_tags")
