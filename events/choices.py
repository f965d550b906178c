"""The choices of an event's fields, importable without the models (filters, structured data).

The labels visitors read are translated; their msgids are the German the admin shows."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AttendanceMode(models.TextChoices):
    ON_SITE = "on_site", _("Vor Ort")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Vor Ort und online")


class Registration(models.TextChoices):
    NOT_NEEDED = "not_needed", _("Keine Anmeldung nötig")
    REQUIRED = "required", _("Anmeldung erforderlich")


class Status(models.TextChoices):
    SCHEDULED = "scheduled", _("Findet statt")
    CANCELLED = "cancelled", _("Abgesagt")
    POSTPONED = "postponed", _("Verschoben, neuer Termin folgt")
    RESCHEDULED = "rescheduled", _("Auf neuen Termin verlegt")
    MOVED_ONLINE = "moved_online", _("Findet online statt")


def attendable(mode: str) -> Q:
    """Events someone can attend this way: one who wants to take part on site, or online, can
    do so at a hybrid event too. The website's "Teilnahme" filter and the API's
    `attendance_mode` both mean this."""
    if mode in (AttendanceMode.ON_SITE, AttendanceMode.ONLINE):
        return Q(attendance_mode__in=[mode, AttendanceMode.HYBRID])
    return Q(attendance_mode=mode)
