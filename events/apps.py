from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Veranstaltungen"

    def ready(self):
        from core import directory

        from .directory import VenueViewSet

        directory.register(VenueViewSet)
