from django.apps import AppConfig


class MediaConfig(AppConfig):
    name = "media"
    verbose_name = "Medien"

    def ready(self):
        from . import document_files, document_tags

        document_files.connect_signals()
        document_tags.connect_signals()
