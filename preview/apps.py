from django.apps import AppConfig


class PreviewConfig(AppConfig):
    name = "preview"
    verbose_name = "App-Vorschau"

    def ready(self):
        from . import checks  # noqa: F401  (registers the settings checks)
