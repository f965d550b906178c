"""The one JSON shape of an image that every API response uses.

Apps should never need a second request to show an image: the shape carries the alt
text, the credit and ready-made renditions, the same in page fields and at /api/v2/images/.
"""

import logging

from django.db.models import Prefetch
from rest_framework.fields import ReadOnlyField
from wagtail.api.utils import get_base_url
from wagtail.images import get_image_model
from wagtail.images.models import Filter, SourceImageIOError

from shapes import URL_OR_EMPTY, boolean, integer, nullable, object_schema, ref, string

logger = logging.getLogger(__name__)

# Fixed, named sizes so app developers can rely on them; the WebP variant is a separate
# rendition because browsers and apps choose the format themselves.
RENDITIONS = {
    "thumbnail": "fill-320x180",
    "card": "fill-800x450",
    "hero": "fill-1920x960",
}
WEBP = "|format-webp"
RENDITION_SPECS = [spec for base in RENDITIONS.values() for spec in (base, base + WEBP)]
# Parsed once per process: Wagtail parses a spec string again on every call.
RENDITION_FILTERS = [Filter(spec=spec) for spec in RENDITION_SPECS]


def renditions_prefetch(lookup: str, extra_specs=()) -> Prefetch:
    """The renditions of the API's fixed sizes (and any extra specs) for every image at
    `lookup`, loaded in one query for a whole list instead of one per image."""
    specs = {*RENDITION_SPECS, *extra_specs}
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=specs)
    return Prefetch(lookup, queryset=renditions, to_attr="prefetched_renditions")


def absolute_url(request, url: str) -> str:
    """`url` made absolute by the one rule for every address the site gives out: the root URL
    of the Wagtail site that serves the request (Einstellungen → Websites), as Wagtail does
    for page addresses (`get_full_url`) and API links (`detail_url`). URLs that carry a host
    already (media on S3) stay as they are; without a request or a site, the request's own
    host stands in, and without either the path stays relative."""
    if not url or url.startswith(("http://", "https://")):
        return url
    base_url = get_base_url(request)
    if base_url:
        return base_url + url
    return request.build_absolute_uri(url) if request is not None else url


def focal_point_representation(image) -> dict | None:
    if not image.has_focal_point():
        return None
    return {
        "x": image.focal_point_x,
        "y": image.focal_point_y,
        "width": image.focal_point_width,
        "height": image.focal_point_height,
    }


def _credit_dict(credit) -> dict:
    return {
        "author": credit.author,
        "source": credit.source,
        "licence": credit.licence,
        "licence_url": credit.licence_url,
        "line": credit.line,
    }


def credit_representation(image) -> dict | None:
    credit = image.credit
    return None if credit is None else _credit_dict(credit)


def renditions_representation(image, request=None) -> dict | None:
    # One call for all sizes: with prefetched renditions this costs no query at all,
    # otherwise one lookup for the whole set instead of one per size.
    try:
        renditions = image.get_renditions(*RENDITION_FILTERS)
    except SourceImageIOError:
        # A lost or unreadable original, or a media storage that is down (CustomImage turns
        # that into the same error), must not take the page's answer down with it.
        logger.warning(
            "Original of image %s cannot be read; no renditions in the API.", image.pk, exc_info=True
        )
        return None
    representation = {}
    for name, spec in RENDITIONS.items():
        rendition = renditions[spec]
        representation[name] = {
            "url": absolute_url(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "webp_url": absolute_url(request, renditions[spec + WEBP].url),
        }
    return representation


# Every key of the shape after id and title, each computed on its own so the images
# endpoint can offer them as separately selectable fields.
IMAGE_PARTS = {
    "alt": lambda image, request: image.alt_text,
    "decorative": lambda image, request: image.is_decorative,
    "width": lambda image, request: image.width,
    "height": lambda image, request: image.height,
    "focal_point": lambda image, request: focal_point_representation(image),
    "credit": lambda image, request: credit_representation(image),
    "renditions": renditions_representation,
}


def image_representation(image, request=None) -> dict:
    """The image as API clients read it; URLs are absolute when a request is given."""
    return {
        "id": image.pk,
        "title": image.title,
        **{name: part(image, request) for name, part in IMAGE_PARTS.items()},
    }


class ImageField(ReadOnlyField):
    """An image foreign key in page `api_fields`, serialised in the shared image shape
    instead of Wagtail's default bare id and detail URL."""

    def to_representation(self, image):
        return image_representation(image, self.context.get("request"))


class ImageCreditsField(ReadOnlyField):
    """A page's "Bildnachweise" (its `image_credits()`), each credit in the same shape as
    an image's `credit`, so apps can print the list without fetching the images."""

    def to_representation(self, credits):
        return [_credit_dict(credit) for credit in credits]


class ImagePartField(ReadOnlyField):
    """One key of the image shape as a field of the images endpoint, so that `fields=`
    selection keeps working there."""

    def __init__(self, part, **kwargs):
        self.part = IMAGE_PARTS[part]
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return self.part(image, self.context.get("request"))


# --- JSON shapes (api.openapi) ------------------------------------------------------


def _renditions_schema() -> dict:
    sizes = {
        name: ref("Rendition") | {"description": f"Made with Wagtail's filter `{spec}`."}
        for name, spec in RENDITIONS.items()
    }
    return object_schema(
        sizes,
        "Ready-made sizes of the image; `fill-W×H` crops to that size around the focal point. "
        "Wagtail never upscales: a smaller original gives a smaller rendition of the same "
        "aspect ratio, so use the given width and height.",
    )


def image_properties() -> dict:
    return {
        "id": integer(),
        "title": string("The title in the media library (not meant for display)."),
        "alt": string("Alternative text for `<img alt>`; empty when the image is decorative."),
        "decorative": boolean('True when the image carries no information; use `alt=""`.'),
        "width": integer("Width of the original in pixels."),
        "height": integer("Height of the original in pixels."),
        "focal_point": nullable(ref("FocalPoint")),
        "credit": nullable(ref("ImageCredit")),
        "renditions": nullable(
            ref("Renditions")
            | {"description": "Null when the original file cannot be read; show the page without the image."}
        ),
    }


def api_schemas() -> dict:
    """The image shapes, the same in page fields, body blocks and at /api/v2/images/."""
    return {
        "Image": object_schema(
            image_properties(),
            "The one shape of an image, the same in page fields, body blocks and at /api/v2/images/.",
        ),
        "FocalPoint": object_schema(
            {
                "x": integer("Centre, in pixels of the original."),
                "y": integer("Centre, in pixels of the original."),
                "width": integer(),
                "height": integer(),
            },
            "The part of the image that must stay visible when you crop it yourself.",
        ),
        "ImageCredit": object_schema(
            {
                "author": string(),
                "source": string(),
                "licence": string("e.g. `CC BY 4.0`; may be empty."),
                "licence_url": string(URL_OR_EMPTY),
                "line": string(
                    "The credit as the website prints it, licence included, e.g. „Gerd Altmann auf "
                    "Pixabay, CC BY 4.0“; link the licence to `licence_url` where there is one."
                ),
            },
            "Who made the image and under which licence (“Bildnachweis”).",
        ),
        "Rendition": object_schema(
            {
                "url": string("Absolute URL of the JPEG/PNG rendition.", format="uri"),
                "width": integer(),
                "height": integer(),
                "webp_url": string("Absolute URL of the same rendition as WebP.", format="uri"),
            }
        ),
        "Renditions": _renditions_schema(),
    }
