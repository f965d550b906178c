"""`{% picture_or_nothing %}`: Wagtail's `{% picture %}` for pages visitors read.

When an image's renditions cannot be made (its original is lost, or the media storage is
down and they were never made before), Wagtail's tag renders a placeholder: an image of
0×0 pixels whose address leads nowhere, which shows nothing and costs a failing request.
This tag renders nothing instead, so the page reads as if the image were not there, and
`{% ... as picture %}{% if picture %}` lets a template leave out what belongs to it.

Specs are quoted strings with Wagtail's brace expansion; keyword arguments become
attributes of the <img>:
    {% picture_or_nothing image "format-{webp,jpeg}" "width-{480,800}" alt=image.alt_text %}
"""

import logging

from django import template
from wagtail.images.models import Filter, Picture, SourceImageIOError

logger = logging.getLogger(__name__)
register = template.Library()


@register.simple_tag
def picture_or_nothing(image, *specs, **attrs):
    if not image:
        return ""
    filters = [Filter(spec=spec) for spec in Filter.expand_spec(specs)]
    try:
        renditions = image.get_renditions(*filters)
    except SourceImageIOError:
        logger.warning("Image %s left out: its renditions cannot be made.", image.pk, exc_info=True)
        return ""
    return Picture(renditions, attrs)
