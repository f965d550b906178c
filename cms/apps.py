from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Smart City CMS"

    def ready(self):
        from . import content_version

        content_version.connect_signals()
