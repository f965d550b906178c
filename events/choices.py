"""The choices of an event's fields, importable without the models (filters, structured data)."""

from django.db import models


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
