"""The choices of a project's fields, importable without the models (filters).

The labels visitors read are translated; their msgids are the German the admin shows."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PLANNED = "planned", _("In Planung")
    RUNNING = "running", _("Läuft")
    COMPLETED = "completed", _("Abgeschlossen")
