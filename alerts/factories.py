"""Test and demo data for alerts (factory_boy, as the page apps' factories)."""

import factory
from django.utils import timezone

from .models import Alert, InfoScreen, Severity


class AlertFactory(factory.django.DjangoModelFactory):
    """A published alert for the whole site, unless told otherwise."""

    title = factory.Sequence(lambda n: f"Hinweis {n}")
    text = "Die Veranstaltung fällt heute wegen Sturmwarnung aus."
    severity = Severity.WARNING
    live = True
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Alert
        skip_postgeneration_save = True

    @factory.post_generation
    def published(alert, create, extracted, **kwargs):
        # A live alert has a live revision, as one published in the admin does; the
        # banner's "Ausblenden" remembers the revision.
        if create and alert.live and alert.live_revision_id is None:
            revision = alert.save_revision()
            revision.publish()
            alert.refresh_from_db()


class InfoScreenFactory(factory.django.DjangoModelFactory):
    """A landscape screen with alerts, news and events."""

    name = factory.Sequence(lambda n: f"Bildschirm {n}")
    slug = factory.Sequence(lambda n: f"bildschirm-{n}")

    class Meta:
        model = InfoScreen
