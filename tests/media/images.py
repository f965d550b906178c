import io
import struct
import zlib

from PIL import Image


def png_bytes(width=64, height=48, colour="#1f6f8b") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def one_colour_png(width: int, height: int, rgb=b"\x1f\x6f\x8b") -> bytes:
    """A valid PNG of one colour, written chunk by chunk: the same row compressed again
    and again, so a 14,000 × 14,000 picture (196 million pixels, 588 MB when decoded)
    takes 600 KB and a second or two, without the pixels ever being in memory here."""
    row = b"\x00" + rgb * width  # filter type "none", then the pixels
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", data)
        + _png_chunk(b"IEND", b"")
    )


def jpeg_bytes(width=64, height=48) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "#1f6f8b").save(buffer, format="JPEG")
    return buffer.getvalue()
