from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "delivery"
    verbose_name = "Auslieferung"

    def ready(self):
        from . import signals

        signals.connect()
