from django.apps import AppConfig


class PreviewConfig(AppConfig):
    name = "preview"
    verbose_name = "App-Vorschau"

    def ready(self):
        from core import preview_modes

        from . import checks  # noqa: F401  (registers the settings checks)
        from .views import APP_PREVIEW_MODE, serve_app_preview

        # Every page's preview offers the draft in the city app's front end.
        preview_modes.register(APP_PREVIEW_MODE, "App-Vorschau", serve_app_preview)
