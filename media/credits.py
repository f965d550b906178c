"""Which images a page shows, and the credits ("Bildnachweise") it must print for them.

The list is computed from the page's content, never typed by editors: image fields
(the hero image first, as it is shown first), then every StreamField and rich text
field in the order the model declares them. Inside StreamFields and rich text the
references come from Wagtail's own reference extraction, so images nested in any
block, and images embedded in rich text, are found without knowing the block types.
"""

from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model

from .models import Credit


def _image_ids_in(instance: models.Model):
    image_model = get_image_model()
    for field in instance._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and issubclass(field.related_model, image_model):
            image_id = getattr(instance, field.attname)
            if image_id:
                yield image_id
        elif isinstance(field, (StreamField, RichTextField)):
            references = field.extract_references(getattr(instance, field.attname) or "")
            for model, object_id, _path, _content_path in references:
                if issubclass(model, image_model):
                    yield int(object_id)


def images_shown_on(instance: models.Model) -> list:
    """The distinct images the instance shows, in order of appearance (one query)."""
    ordered_ids = list(dict.fromkeys(_image_ids_in(instance)))
    if not ordered_ids:
        return []
    images = get_image_model().objects.in_bulk(ordered_ids)
    # An id can point at an image deleted since the content was saved: skip it.
    return [images[image_id] for image_id in ordered_ids if image_id in images]


def credits_for(instance: models.Model) -> list[Credit]:
    """The distinct credits of the images the instance shows, in order of appearance."""
    credits = (image.credit for image in images_shown_on(instance))
    return list(dict.fromkeys(credit for credit in credits if credit))
