"""What the media library accepts, judged by a file's content rather than its name.

Every way an editor adds or replaces a file (the single and the multiple upload, the
upload in the choosers, the edit form) goes through the file fields of `media.forms`,
which call `check_image` or `check_document` before anything is stored. Each refusal is
a ValidationError with a German message that names the reason.

Images must be one of the raster formats browsers show (JPEG, PNG, GIF, WebP, AVIF),
recognised by their first bytes, and the extension must say the same. Their pixel count
is read from the header before a single pixel is decoded: a PNG of a few hundred
kilobytes can hold 14,000 × 14,000 pixels, which take 600 MB and many seconds to decode.
Documents come from a short list of kinds, each recognised by its content (a PDF header,
the parts of an Office or OpenDocument file, text without binary data or markup), each
with its own size limit.
"""

import posixpath
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image, UnidentifiedImageError

# How much of a file the checks look at to recognise its kind.
HEAD_BYTES = 1024


def file_size_text(size: int) -> str:
    """A size in the German form editors read: "3,5 MB", "820 KB"."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",").replace(",0 MB", " MB")
    return f"{max(1, round(size / 1024))} KB"


def number_text(number: int) -> str:
    """A whole number with German thousands separators: 196.000.000."""
    return f"{number:,}".replace(",", ".")


def clean_file_name(name: str) -> str:
    """The last part of an uploaded file's name, without control and format characters
    (line breaks, NUL, the right-to-left override that shows "gpj.exe" as "exe.jpg"),
    without leading dots or blanks. A name with nothing left becomes "datei"."""
    name = posixpath.basename(name.replace("\\", "/"))
    name = "".join(char for char in name if unicodedata.category(char)[0] != "C")
    name = name.strip().lstrip(".").strip()
    return name or "datei"


def extension_of(name: str) -> str:
    return posixpath.splitext(name)[1].lower().lstrip(".")


def _head(file, size: int = HEAD_BYTES) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _looks_like_markup(head: bytes) -> bool:
    """SVG, HTML, XML or a script wrapped in a tag: text that starts with "<"."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n\f").startswith(b"<")


# Images -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImageFormat:
    name: str  # as editors know it, and Pillow's name
    extensions: tuple[str, ...]

    def matches(self, head: bytes) -> bool:
        return _IMAGE_SIGNATURES[self.name](head)


_IMAGE_SIGNATURES = {
    "JPEG": lambda head: head.startswith(b"\xff\xd8\xff"),
    "PNG": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    "GIF": lambda head: head[:6] in (b"GIF87a", b"GIF89a"),
    "WEBP": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
    "AVIF": lambda head: _is_avif(head),
}


def _is_avif(head: bytes) -> bool:
    """An ISO media file (HEIF) whose "ftyp" box names AVIF, a still image or a sequence, as
    its major brand or, as some encoders write it, among its compatible brands."""
    if head[4:8] != b"ftyp":
        return False
    box = head[8 : int.from_bytes(head[:4], "big")]
    brands = [box[:4]] + [box[offset : offset + 4] for offset in range(8, len(box) - 3, 4)]
    return b"avif" in brands or b"avis" in brands


IMAGE_FORMATS = (
    ImageFormat("JPEG", ("jpg", "jpeg")),
    ImageFormat("PNG", ("png",)),
    ImageFormat("GIF", ("gif",)),
    ImageFormat("WEBP", ("webp",)),
    ImageFormat("AVIF", ("avif",)),
)
IMAGE_FORMAT_NAMES = "JPEG, PNG, GIF, WebP oder AVIF"


def image_help_text() -> str:
    return (
        f"Erlaubt sind Bilder im Format {IMAGE_FORMAT_NAMES} bis "
        f"{file_size_text(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)} und "
        f"{number_text(settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS)} Pixel (Breite × Höhe)."
    )


def image_format_of(head: bytes) -> ImageFormat | None:
    return next((image_format for image_format in IMAGE_FORMATS if image_format.matches(head)), None)


def _check_size(file, max_size: int, kind_plural: str) -> None:
    """Refuses a file larger than `max_size`, naming both sizes ("Bilder dürfen höchstens ...")."""
    if file.size > max_size:
        raise ValidationError(
            f"Die Datei ist zu groß ({file_size_text(file.size)}). {kind_plural} dürfen höchstens "
            f"{file_size_text(max_size)} groß sein.",
            code="file_too_large",
        )


def check_image(file) -> None:
    """Refuses what is not an allowed raster image, is too large in bytes, or has more
    pixels than WAGTAILIMAGES_MAX_IMAGE_PIXELS (all frames of an animation together)."""
    _check_size(file, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE, "Bilder")
    head = _head(file)
    image_format = image_format_of(head)
    if image_format is None:
        if _looks_like_markup(head):
            raise ValidationError(
                "Die Datei enthält SVG, HTML oder anderen Text mit Auszeichnungen, kein Bild. "
                f"Erlaubt sind Bilder im Format {IMAGE_FORMAT_NAMES}.",
                code="invalid_image_content",
            )
        raise ValidationError(
            f"Die Datei ist kein Bild im Format {IMAGE_FORMAT_NAMES}.", code="invalid_image_content"
        )
    extension = extension_of(file.name)
    if extension not in image_format.extensions:
        raise ValidationError(
            f"Die Dateiendung „.{extension}“ passt nicht zum Inhalt der Datei, einem "
            f"{image_format.name}-Bild. Bitte die Datei als „.{image_format.extensions[0]}“ speichern.",
            code="invalid_image_known_format",
        )
    width, height, frames = _image_dimensions(file, image_format)
    pixels = width * height * frames
    max_pixels = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    if pixels > max_pixels:
        size = f"{number_text(width)} × {number_text(height)} Pixel"
        if frames > 1:
            size += f" in {number_text(frames)} Einzelbildern"
        raise ValidationError(
            f"Das Bild ist zu groß: {size}, zusammen {number_text(pixels)} Pixel. Erlaubt sind "
            f"höchstens {number_text(max_pixels)} Pixel; bitte das Bild vor dem Hochladen verkleinern.",
            code="file_too_many_pixels",
        )


def _image_dimensions(file, image_format: ImageFormat) -> tuple[int, int, int]:
    """Width, height and frame count, from the header only. Pillow's format readers
    parse the header when constructed and decode nothing until asked to; they are called
    directly, since Image.open() refuses an oversized image (Pillow's own decompression
    bomb guard, at twice Image.MAX_IMAGE_PIXELS) without saying how large it is."""
    Image.init()
    factory, _ = Image.OPEN[image_format.name]
    file.seek(0)
    try:
        image = factory(file, file.name)
        width, height = image.size
        frames = getattr(image, "n_frames", 1)
    except (OSError, SyntaxError, ValueError, EOFError, UnidentifiedImageError):
        raise ValidationError(
            f"Die Datei ist kein lesbares {image_format.name}-Bild; sie ist vermutlich beschädigt.",
            code="invalid_image",
        ) from None
    finally:
        file.seek(0)
    return width, height, frames


# Documents ----------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentKind:
    """A kind of document editors may upload: its file name extensions, how its content is
    recognised, and the setting with its largest size. The content types documents are
    served with are WAGTAILDOCS_CONTENT_TYPES, one per extension."""

    label: str  # in the words of the error messages
    plural: str
    extensions: tuple[str, ...]
    size_setting: str
    # For Office files: the content type each extension's main part must have.
    main_types: dict[str, str] | None = None

    @property
    def max_size(self) -> int:
        return getattr(settings, self.size_setting)


PDF = DocumentKind("PDF-Dokument", "PDF-Dokumente", ("pdf",), "DOCUMENTS_MAX_SIZE")
OFFICE = DocumentKind(
    "Word-, Excel- oder PowerPoint-Dokument",
    "Word-, Excel- und PowerPoint-Dokumente",
    ("docx", "xlsx", "pptx"),
    "DOCUMENTS_MAX_SIZE",
    main_types={
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    },
)
OPEN_DOCUMENT = DocumentKind("OpenDocument", "OpenDocuments", ("odt", "ods", "odp"), "DOCUMENTS_MAX_SIZE")
TEXT = DocumentKind("Textdatei", "CSV- und Textdateien", ("csv", "txt"), "DOCUMENTS_MAX_TEXT_SIZE")
DOCUMENT_KINDS = (PDF, OFFICE, OPEN_DOCUMENT, TEXT)
DOCUMENT_KIND_NAMES = (
    "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument (.odt, .ods, .odp), "
    "CSV und Text (.txt)"
)

# The C0 control characters that have no place in a text file (tab, line feed, form feed
# and carriage return do).
_BINARY_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})
_TEXT_CHUNK = 64 * 1024
# "[Content_Types].xml" of a real Office file takes a few kilobytes.
_CONTENT_TYPES_MAX_SIZE = 1024 * 1024


def document_help_text() -> str:
    return (
        f"Erlaubt sind {DOCUMENT_KIND_NAMES}: PDF-, Office- und OpenDocument-Dateien bis "
        f"{file_size_text(settings.DOCUMENTS_MAX_SIZE)}, CSV- und Textdateien bis "
        f"{file_size_text(settings.DOCUMENTS_MAX_TEXT_SIZE)}."
    )


def document_kind_of(extension: str) -> DocumentKind | None:
    return next((kind for kind in DOCUMENT_KINDS if extension in kind.extensions), None)


def check_document(file) -> None:
    """Refuses a document whose extension is not on the list, that is larger than its
    kind allows, or whose content is not what its extension says."""
    extension = extension_of(file.name)
    kind = document_kind_of(extension)
    if kind is None:
        named = f"mit der Endung „.{extension}“" if extension else "ohne Dateiendung"
        raise ValidationError(
            f"Dateien {named} sind nicht erlaubt. Erlaubt sind {DOCUMENT_KIND_NAMES}.",
            code="invalid_extension",
        )
    _check_size(file, kind.max_size, kind.plural)
    problem = _content_problem(file, kind, extension)
    if problem:
        raise ValidationError(
            f"Der Inhalt der Datei passt nicht zur Endung „.{extension}“ ({kind.label}). {problem}",
            code="invalid_document_content",
        )


def _content_problem(file, kind: DocumentKind, extension: str) -> str:
    """Why the content is not of the kind, or "" when it is."""
    head = _head(file)
    if kind is PDF:
        # Readers accept up to 1,024 bytes before the header; so does this check.
        return "" if b"%PDF-" in head else "Es fehlt die Kennung „%PDF“ am Anfang."
    if kind is TEXT:
        return _text_problem(file)
    if not head.startswith(b"PK\x03\x04"):
        return "Die Datei ist kein ZIP-Container, wie es Office-Dateien sind."
    file.seek(0)
    try:
        # Reads the archive's directory, and unpacks only the entry that names the kind
        # (OpenDocument's "mimetype", Office's "[Content_Types].xml") once its size is checked.
        with zipfile.ZipFile(file) as archive:
            return (
                _office_problem(archive, kind.main_types[extension])
                if kind is OFFICE
                else _open_document_problem(archive, settings.WAGTAILDOCS_CONTENT_TYPES[extension])
            )
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        return "Die Datei ist beschädigt."
    finally:
        file.seek(0)


def _office_problem(archive: zipfile.ZipFile, main_type: str) -> str:
    # Every Office file lists the content types of its parts in "[Content_Types].xml"; the
    # main part's type tells a document from a workbook, a presentation, a template or a
    # file with macros (whose main part has another type).
    try:
        listing = archive.getinfo("[Content_Types].xml")
    except KeyError:
        return "Es fehlt das Verzeichnis der Bestandteile („[Content_Types].xml“)."
    if listing.file_size > _CONTENT_TYPES_MAX_SIZE:
        return "Das Verzeichnis der Bestandteile ist unplausibel groß."
    if main_type not in archive.read(listing).decode("utf-8", errors="replace"):
        return "Ihr Hauptteil ist von einer anderen Art, oder sie enthält Makros."
    if any(name.lower().endswith("vbaproject.bin") for name in archive.namelist()):
        return "Die Datei enthält Makros; bitte ohne Makros speichern."
    return ""


def _open_document_problem(archive: zipfile.ZipFile, content_type: str) -> str:
    # The specification puts an uncompressed "mimetype" entry first, naming the kind.
    entries = archive.infolist()
    if not entries or entries[0].filename != "mimetype" or entries[0].file_size > 100:
        return "Es fehlt die Angabe der Dokumentart („mimetype“)."
    declared = archive.read(entries[0]).decode("ascii", errors="replace").strip()
    if declared != content_type:
        return f"Die Datei gibt sich als „{declared}“ aus."
    return ""


def _text_problem(file) -> str:
    if _looks_like_markup(_head(file)):
        return "Sie beginnt mit HTML, SVG oder anderen Auszeichnungen."
    file.seek(0)
    try:
        while chunk := file.read(_TEXT_CHUNK):
            # Text in UTF-8 or in a single-byte encoding (Latin-1, Windows-1252), which
            # every byte sequence decodes as: only control characters give binary data away.
            if len(chunk.translate(None, _BINARY_BYTES)) != len(chunk):
                return "Sie enthält Binärdaten."
    finally:
        file.seek(0)
    return ""
