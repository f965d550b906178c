"""Wagtail's users app, with the project's group views (core.editorial.groups). Wagtail takes other
group views from the app's configuration, so INSTALLED_APPS names this one in place of
"wagtail.users"; the app stays Wagtail's, with its label, models and templates."""

from wagtail.users.apps import WagtailUsersAppConfig


class WagtailUsersConfig(WagtailUsersAppConfig):
    group_viewset = "core.editorial.groups.GroupViewSet"
