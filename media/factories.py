import factory
import wagtail_factories
from wagtail.models import Collection

from .models import CustomImage


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage

    # wagtail_factories would create a new root collection for every image.
    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Bild {n}")
    description = factory.LazyAttribute(lambda image: f"Beschreibung von {image.title}")
    file = factory.django.ImageField(width=1200, height=800, color="#1f6f8b")
    credit_author = "Gerd Altmann"
    credit_source = "Pixabay"
