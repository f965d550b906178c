from django.apps import AppConfig


class ProjectConfig(AppConfig):
    """The Django project: settings, URLs, health checks and the commands that wire the apps
    together. Its label is "project", as the core's models hold the label "cms"."""

    name = "cms"
    label = "project"
    verbose_name = "Projekt"
