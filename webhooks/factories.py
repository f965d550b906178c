import factory

from .models import Event, WebhookEndpoint


class WebhookEndpointFactory(factory.django.DjangoModelFactory):
    """An active endpoint for every event and page type."""

    class Meta:
        model = WebhookEndpoint

    name = factory.Sequence(lambda n: f"Empfänger {n}")
    url = "https://app.example.org/hooks/cms"
    secret = factory.Sequence(lambda n: f"geheimer-schluessel-{n:04d}")
    events = factory.LazyFunction(lambda: list(Event.values))
    page_types = factory.LazyFunction(list)
