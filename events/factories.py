import datetime

import factory
import wagtail_factories
from django.utils import timezone

from .models import EventDate, EventIndexPage, EventPage, Venue

# Times are entered in the site's zone (TIME_ZONE).
BERLIN = timezone.get_default_timezone()


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Ort {n}")
    street = "Hauptstraße 1"
    postal_code = "42103"
    city = "Wuppertal"


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Veranstaltungen"
    slug = "veranstaltungen"


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = datetime.datetime(2022, 3, 7, 17, 0, tzinfo=BERLIN)
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    teaser = "Kurzer Anreißer für Listen und Apps."


class EventDateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventDate

    event = factory.SubFactory(EventPageFactory)
    start = datetime.datetime(2022, 3, 14, 17, 0, tzinfo=BERLIN)
    end = factory.LazyAttribute(lambda date: date.start + datetime.timedelta(hours=2))
