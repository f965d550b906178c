from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from media.renditions import build_renditions


class Command(BaseCommand):
    help = (
        "Make the renditions the site and the API show for every image that lacks one, as the "
        "worker does after each upload, so no visitor's request decodes an original. Safe to "
        "run again: it makes only what is missing."
    )

    def handle(self, *args, **options):
        images = get_image_model().objects.order_by("pk")
        failed = [image.pk for image in images.iterator() if not build_renditions(image)]
        self.stdout.write(f"Images with every rendition: {images.count() - len(failed)}.")
        if failed:
            self.stdout.write(f"Images whose file could not be read: {', '.join(map(str, failed))}.")
