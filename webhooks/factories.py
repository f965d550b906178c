import factory

from .models import DeliveryStatus, Event, WebhookDelivery, WebhookEndpoint


class WebhookEndpointFactory(factory.django.DjangoModelFactory):
    """An active endpoint for every event and page type."""

    class Meta:
        model = WebhookEndpoint

    name = factory.Sequence(lambda n: f"Empfänger {n}")
    url = "https://app.example.org/hooks/cms"
    secret = factory.Sequence(lambda n: f"geheimer-schluessel-{n:04d}")
    events = factory.LazyFunction(lambda: list(Event.values))
    page_types = factory.LazyFunction(list)


class WebhookDeliveryFactory(factory.django.DjangoModelFactory):
    """A delivered "published" message about an article, as the delivery log shows it."""

    class Meta:
        model = WebhookDelivery

    endpoint = factory.SubFactory(WebhookEndpointFactory)
    event = Event.PUBLISHED
    page_id = factory.Sequence(lambda n: 100 + n)
    page_title = factory.Sequence(lambda n: f"Nachricht {n}")
    page_type = "articles.ArticlePage"
    body = "{}"
    status = DeliveryStatus.DELIVERED
    attempts = 1
    last_status_code = 200
