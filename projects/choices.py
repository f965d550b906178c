"""The choices of a project's fields, importable without the models (filters)."""

from django.db import models


class Status(models.TextChoices):
    PLANNED = "planned", "In Planung"
    RUNNING = "running", "Läuft"
    COMPLETED = "completed", "Abgeschlossen"
