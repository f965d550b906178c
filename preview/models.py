"""A snapshot of the page an editor previews, and the signed, expiring token that opens it."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from wagtail.models import Locale

TOKEN_SALT = "preview.snapshot"
TOKEN_PLACEHOLDER = "{token}"


class InvalidPreviewToken(Exception):
    """The token was altered, has expired, or its snapshot is gone."""


def preview_max_age() -> timedelta:
    return timedelta(seconds=settings.HEADLESS_PREVIEW_MAX_AGE)


class PreviewSnapshotQuerySet(models.QuerySet):
    def expired(self):
        return self.filter(created_at__lt=timezone.now() - preview_max_age())


class PreviewSnapshot(models.Model):
    """The previewed page as it stood in the editor's form, saved or not.

    The draft is kept here and the token carries only the snapshot's id: a page body does
    not fit into a URL, and the draft itself should not end up in the front end's logs.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    content_type = models.ForeignKey(ContentType, verbose_name="Seitentyp", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="Seite",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Leer, solange die Seite erst angelegt wird.",
    )
    content = models.JSONField("Inhalt", encoder=DjangoJSONEncoder)
    created_at = models.DateTimeField("Erstellt am", auto_now_add=True, db_index=True)

    objects = PreviewSnapshotQuerySet.as_manager()

    class Meta:
        verbose_name = "Vorschau-Stand"
        verbose_name_plural = "Vorschau-Stände"

    def __str__(self):
        return f"{self.content.get('title', '')} ({self.created_at:%d.%m.%Y %H:%M})"

    @classmethod
    def create_for(cls, page) -> "PreviewSnapshot":
        """Store the page as previewed; snapshots past their lifetime go at the same time."""
        cls.objects.expired().delete()
        return cls.objects.create(
            content_type=ContentType.objects.get_for_model(type(page)),
            page_id=page.pk,
            content=page.serializable_data(),
        )

    @classmethod
    def from_token(cls, token: str) -> "PreviewSnapshot":
        try:
            snapshot_id = signing.loads(token, salt=TOKEN_SALT, max_age=preview_max_age())
        except signing.BadSignature as error:  # SignatureExpired is one, too
            raise InvalidPreviewToken from error
        snapshot = cls.objects.select_related("content_type").filter(pk=snapshot_id).first()
        if snapshot is None or snapshot.content_type.model_class() is None:
            raise InvalidPreviewToken
        return snapshot

    @property
    def token(self) -> str:
        return signing.dumps(str(self.pk), salt=TOKEN_SALT)

    @property
    def expires_at(self):
        return self.created_at + preview_max_age()

    def as_page(self):
        """The previewed page, built in memory; nothing is saved."""
        model = self.content_type.model_class()
        if self.page_id is None:
            page = model.from_serializable_data(self.content)
            if page.locale_id is None:
                # A new page gets its locale when first saved; until then, its answer says German.
                page.locale = Locale.get_default()
            return page
        # Tree position, publishing state and the like come from the stored page, as for
        # a revision; the content comes from the snapshot.
        return model.objects.get(pk=self.page_id).with_content_json(self.content)
