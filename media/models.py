from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image, SourceImageIOError

from cachetags import RecordedWhenLoaded, image_tag
from content_safety import SafeURLField

from .storage import STORAGE_ERRORS


@dataclass(frozen=True)
class Credit:
    """One entry of a page's "Bildnachweise": who made the image, where it is from, and its
    licence."""

    attribution: str  # "Gerd Altmann auf Pixabay"
    author: str = ""
    source: str = ""
    licence: str = ""
    licence_url: str = ""

    @property
    def line(self) -> str:
        """The credit as the website prints it, licence included (CC BY asks for it):
        "Gerd Altmann auf Pixabay, CC BY 4.0"."""
        return f"{self.attribution}, {self.licence}" if self.licence else self.attribution


class CustomImage(RecordedWhenLoaded, AbstractImage):
    """An image with the alt text and credit a public website must carry."""

    # Wagtail's own `description` field is used as the alt text, so rich text
    # insertion and the image chooser pick it up without extra wiring.
    description = models.CharField(
        "Alternativtext",
        max_length=255,
        blank=True,
        default="",
        help_text=(
            "Beschreibt, was auf dem Bild zu sehen ist, für Menschen, die es nicht "
            "sehen können. Pflicht, außer das Bild ist rein dekorativ."
        ),
    )
    is_decorative = models.BooleanField(
        "Rein dekorativ",
        default=False,
        help_text="Das Bild trägt keine Information; Screenreader überspringen es.",
    )
    credit_author = models.CharField(
        "Urheber*in",
        max_length=255,
        blank=True,
        help_text="Person oder Stelle, die das Bild geschaffen hat, z. B. „Gerd Altmann“.",
    )
    credit_source = models.CharField(
        "Quelle",
        max_length=255,
        blank=True,
        help_text="Plattform oder Rechteinhaber, z. B. „Pixabay“ oder „Stadt Wuppertal“.",
    )
    licence = models.CharField(
        "Lizenz",
        max_length=255,
        blank=True,
        help_text="Name der Lizenz, z. B. „CC BY 4.0“. Leer lassen bei eigenen Bildern.",
    )
    licence_url = SafeURLField("Link zur Lizenz", blank=True)

    admin_form_fields = (
        *Image.admin_form_fields,
        "is_decorative",
        "credit_author",
        "credit_source",
        "licence",
        "licence_url",
    )

    class Meta:
        verbose_name = "Bild"
        verbose_name_plural = "Bilder"

    def clean(self):
        super().clean()
        if not self.is_decorative and not self.description.strip():
            raise ValidationError(
                {
                    "description": (
                        "Bitte einen Alternativtext angeben oder das Bild als rein dekorativ kennzeichnen."
                    )
                }
            )
        if self.licence_url and not self.licence:
            raise ValidationError({"licence": "Bitte den Namen der verlinkten Lizenz angeben."})

    def cache_tag(self) -> str:
        return image_tag(self.pk)

    # Wagtail's image tags, its admin listings and our API show a page without an image
    # whose renditions raise SourceImageIOError. Wagtail raises it only for a missing
    # file; a media storage that is down or refuses the rendition's write must not take
    # the page down either.
    def get_rendition(self, filter):
        with self._storage_failure_as_source_error():
            return super().get_rendition(filter)

    def get_renditions(self, *filters):
        with self._storage_failure_as_source_error():
            return super().get_renditions(*filters)

    @contextmanager
    def _storage_failure_as_source_error(self):
        try:
            yield
        except SourceImageIOError:
            raise  # an OSError too, and already what callers expect
        except STORAGE_ERRORS as error:
            raise SourceImageIOError(
                f"No renditions of image {self.pk}: {type(error).__name__}: {error}"
            ) from error

    @property
    def alt_text(self) -> str:
        """The text for the alt attribute: empty for decorative images."""
        return "" if self.is_decorative else self.description

    @property
    def default_alt_text(self):
        return self.alt_text

    @property
    def credit_line(self) -> str:
        """Who made the image and where it is from, as German sites print it: "Gerd Altmann
        auf Pixabay", "Stadt Wuppertal" (without the licence: see `credit`)."""
        author = self.credit_author.strip()
        source = self.credit_source.strip()
        if author and source:
            return f"{author} auf {source}"
        return author or source

    @property
    def credit(self) -> Credit | None:
        attribution = self.credit_line
        if not attribution:
            return None
        return Credit(
            attribution=attribution,
            author=self.credit_author.strip(),
            source=self.credit_source.strip(),
            licence=self.licence.strip(),
            licence_url=self.licence_url,
        )


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
