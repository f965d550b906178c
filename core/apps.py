from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """The shared core every page app builds on. Its models keep the app label "cms" they were
    created under, so their tables and migration history stay as they are."""

    name = "core"
    label = "cms"
    verbose_name = "Smart City CMS"

    def ready(self):
        from . import directory
        from .editorial import date_input, setup

        directory.register(
            directory.CategoryViewSet,
            directory.ThemeViewSet,
            directory.OrganisationViewSet,
            directory.PersonViewSet,
        )
        date_input.use_german_date_fields()
        post_migrate.connect(setup.after_migrate, dispatch_uid="cms_editorial_groups")
