from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    label = "headless_api"
    verbose_name = "API"
