from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "Smart City CMS"

    def ready(self):
        from . import content_version, date_input, editorial, frontend_cache

        date_input.use_german_date_fields()
        content_version.connect_signals()
        frontend_cache.connect_signals()
        post_migrate.connect(editorial.after_migrate, dispatch_uid="cms_editorial_groups")
