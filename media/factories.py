import factory
import wagtail_factories

from .models import CustomImage


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage

    title = factory.Sequence(lambda n: f"Bild {n}")
    description = factory.LazyAttribute(lambda image: f"Beschreibung von {image.title}")
    file = factory.django.ImageField(width=1200, height=800, color="#1f6f8b")
    credit_author = "Gerd Altmann"
    credit_source = "Pixabay"
