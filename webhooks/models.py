"""Where other channels want to hear about page changes, and what was sent to them."""

import datetime
import secrets
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.models import get_page_models

from .addresses import NotPublic, check_public

SECRET_MIN_LENGTH = 16


def generate_secret() -> str:
    return secrets.token_urlsafe(32)


def page_type_choices() -> list[tuple[str, str]]:
    """The page types editors can create, named as the API names them ("articles.ArticlePage").

    Read from Wagtail's page models, so a new page type is offered without touching this app;
    Wagtail's own base `Page` cannot be created and is left out.
    """
    return [
        (model._meta.label, f"{capfirst(model._meta.verbose_name)} ({model._meta.label})")
        for model in get_page_models()
        if model.is_creatable
    ]


class Event(models.TextChoices):
    PUBLISHED = "page.published", "Veröffentlicht"
    UNPUBLISHED = "page.unpublished", "Veröffentlichung aufgehoben"
    DELETED = "page.deleted", "Gelöscht"
    ALERT_PUBLISHED = "alert.published", "Hinweis veröffentlicht"
    ALERT_UPDATED = "alert.updated", "Hinweis geändert"
    ALERT_EXPIRED = "alert.expired", "Hinweis beendet"


# The alerts' events, which the endpoint's page types do not filter: an alert is no page.
ALERT_EVENTS = frozenset([Event.ALERT_PUBLISHED, Event.ALERT_UPDATED, Event.ALERT_EXPIRED])


class WebhookEndpoint(models.Model):
    """A receiver, e.g. the city app's backend, that is told when pages change."""

    name = models.CharField(
        "Name", max_length=100, help_text="Wer die Nachrichten empfängt, z. B. „Stadt-App“."
    )
    url = models.URLField(
        "Adresse (URL)",
        max_length=500,
        validators=[
            URLValidator(
                schemes=["http", "https"],
                message="Bitte eine Adresse mit http:// oder https:// angeben.",
                # Its own code: the form would put its generic "invalid" message in its place.
                code="invalid_scheme",
            )
        ],
        help_text="Hierhin sendet das CMS bei jeder Änderung eine POST-Anfrage mit JSON.",
    )
    secret = models.CharField(
        "Geheimer Schlüssel",
        max_length=200,
        default=generate_secret,
        validators=[
            MinLengthValidator(
                SECRET_MIN_LENGTH,
                message=f"Der Schlüssel muss mindestens {SECRET_MIN_LENGTH} Zeichen lang sein.",
            )
        ],
        help_text=(
            "Damit signiert das CMS jede Nachricht (Kopfzeile X-Webhook-Signature). Kopieren Sie ihn in "
            "die Einstellungen des Empfängers; ändern Sie ihn nur gemeinsam mit dem Empfänger."
        ),
    )
    active = models.BooleanField(
        "Aktiv", default=True, help_text="Inaktive Endpunkte erhalten keine Nachrichten mehr."
    )
    # Lists of Event values and page type labels; few endpoints exist, so matching them
    # against a page change happens in Python (see `wants`), the same on PostgreSQL and SQLite.
    events = models.JSONField("Ereignisse", default=list)
    page_types = models.JSONField("Seitentypen", default=list, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "Webhook-Endpunkt"
        verbose_name_plural = "Webhook-Endpunkte"

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # Only an address that is well-formed can be resolved; the URL field reports the rest.
        if self.url and not self._url_has_errors():
            try:
                check_public(self.url)
            except NotPublic as refusal:
                raise ValidationError({"url": refusal}) from refusal

    def _url_has_errors(self) -> bool:
        try:
            self._meta.get_field("url").clean(self.url, self)
        except ValidationError:
            return True
        return False

    def wants(self, event: str, page_type: str) -> bool:
        """Whether this endpoint subscribed to the event for pages of this type (none chosen:
        all); alert events regardless of the page types."""
        if event not in self.events:
            return False
        return event in ALERT_EVENTS or not self.page_types or page_type in self.page_types


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "ausstehend"
    DELIVERED = "delivered", "zugestellt"
    RETRYING = "retrying", "erneuter Versuch geplant"
    FAILED = "failed", "fehlgeschlagen"


class WebhookDeliveryQuerySet(models.QuerySet):
    def prune(self, keep_days: int) -> int:
        """Deletes settled deliveries older than `keep_days`; returns how many."""
        cutoff = timezone.now() - datetime.timedelta(days=keep_days)
        settled = self.filter(
            status__in=[DeliveryStatus.DELIVERED, DeliveryStatus.FAILED], created_at__lt=cutoff
        )
        deleted, _ = settled.delete()
        return deleted


class WebhookDelivery(models.Model):
    """One message about one page change to one endpoint, and how sending it went.

    The body is fixed when the change happens: every attempt sends the same bytes, and a
    deleted page keeps the title and address it had.
    """

    # A UUID, known before the row is saved, so the body can name its own delivery.
    id = models.UUIDField("Zustellungs-ID", primary_key=True, default=uuid.uuid4, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint, verbose_name="Endpunkt", on_delete=models.CASCADE, related_name="deliveries"
    )
    event = models.CharField("Ereignis", max_length=32, choices=Event.choices)
    # No foreign key: the log outlives deleted pages. For an alert's event: the alert's id,
    # title and "alerts.Alert".
    page_id = models.PositiveIntegerField("Seiten-ID")
    page_title = models.CharField("Seite", max_length=255)
    page_type = models.CharField("Seitentyp", max_length=100)
    body = models.TextField("Nachricht (JSON)")
    status = models.CharField(
        "Status", max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField("Versuche", default=0)
    last_status_code = models.PositiveSmallIntegerField("Letzter HTTP-Status", null=True, blank=True)
    last_error = models.TextField("Letzter Fehler", blank=True)
    next_attempt_at = models.DateTimeField("Nächster Versuch", null=True, blank=True)
    created_at = models.DateTimeField("Erstellt", auto_now_add=True, db_index=True)
    delivered_at = models.DateTimeField("Zugestellt am", null=True, blank=True)

    objects = WebhookDeliveryQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "Webhook-Zustellung"
        verbose_name_plural = "Webhook-Zustellungen"

    def __str__(self):
        return f"{self.get_event_display()}: {self.page_title}"

    @property
    def is_finished(self) -> bool:
        return self.status in (DeliveryStatus.DELIVERED, DeliveryStatus.FAILED)
