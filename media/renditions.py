"""The renditions visitors and apps see, made by the worker once an image is uploaded,
replaced or edited, so no visitor's request decodes an original.

Decoding an original takes time and memory in proportion to its pixels: a 40-megapixel
photo needs some 160 MB and seconds of a web process, which, once grown, keeps the memory
until gunicorn recycles it. The site and the API show only the sizes below; with them
made beforehand, a visitor's request finds every rendition it needs in the database.

The sizes are those of the site's templates (`core/templates`: cards, hero images, image
blocks, with Wagtail's `{% picture %}` brace expansion), the link preview (the core's
`SHARE_IMAGE_SPEC`), the API (`media.api.RENDITIONS`) and the image formats of rich text.
`tests/media/test_renditions.py` renders every page type and the API after an upload and
fails when a visitor's request still makes a rendition, so a new size cannot be forgotten
here.
"""

import logging

from django.db import transaction
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.images.formats import get_image_formats
from wagtail.images.models import Filter, SourceImageIOError

from .api import RENDITION_SPECS

logger = logging.getLogger(__name__)

SITE_RENDITION_SPECS = [
    *Filter.expand_spec(["format-{webp,jpeg}", "fill-{480x270,960x540}"]),  # cards
    *Filter.expand_spec(["format-{webp,jpeg}", "fill-{800x400,1200x600,1600x800}"]),  # hero images
    *Filter.expand_spec(["format-{webp,jpeg}", "width-{480,800,1200}"]),  # image blocks
    "fill-1200x630",  # link previews (Open Graph, JSON-LD)
]


def visitor_rendition_specs() -> list[str]:
    rich_text_specs = [image_format.filter_spec for image_format in get_image_formats()]
    return list(dict.fromkeys([*SITE_RENDITION_SPECS, *RENDITION_SPECS, *rich_text_specs]))


def build_renditions(image) -> bool:
    """Makes the image's missing renditions of the visitors' sizes; False when its file
    cannot be read (gone, or the storage is down), in which case pages leave it out."""
    try:
        # One at a time: Wagtail makes several renditions in three threads at once, each
        # with the original decoded, which for 40 million pixels doubled the peak memory.
        for spec in visitor_rendition_specs():
            image.get_rendition(Filter(spec=spec))
    except SourceImageIOError:
        logger.warning("No renditions made for image %s.", image.pk, exc_info=True)
        return False
    return True


@task()
def build_renditions_task(image_id: int) -> None:
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is not None:  # not deleted since
        build_renditions(image)


def build_renditions_after_commit(image) -> None:
    """Queues the renditions of an image that is being saved; an instance that is never
    saved (a form saved with commit=False and then dropped) queues nothing."""

    def enqueue():
        if image.pk is not None:
            build_renditions_task.enqueue(image.pk)

    transaction.on_commit(enqueue)
