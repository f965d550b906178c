"""The choices of an event's fields, importable without the models (filters, structured data)."""

from django.db import models
from django.db.models import Q


class AttendanceMode(models.TextChoices):
    ON_SITE = "on_site", "Vor Ort"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "Vor Ort und online"


class Registration(models.TextChoices):
    NOT_NEEDED = "not_needed", "Keine Anmeldung nötig"
    REQUIRED = "required", "Anmeldung erforderlich"


class Status(models.TextChoices):
    SCHEDULED = "scheduled", "Findet statt"
    CANCELLED = "cancelled", "Abgesagt"
    POSTPONED = "postponed", "Verschoben, neuer Termin folgt"
    RESCHEDULED = "rescheduled", "Auf neuen Termin verlegt"
    MOVED_ONLINE = "moved_online", "Findet online statt"


def attendable(mode: str) -> Q:
    """Events someone can attend this way: one who wants to take part on site, or online, can
    do so at a hybrid event too. The website's "Teilnahme" filter and the API's
    `attendance_mode` both mean this."""
    if mode in (AttendanceMode.ON_SITE, AttendanceMode.ONLINE):
        return Q(attendance_mode__in=[mode, AttendanceMode.HYBRID])
    return Q(attendance_mode=mode)
