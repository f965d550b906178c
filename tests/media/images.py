import io

from PIL import Image


def png_bytes(width=64, height=48, colour="#1f6f8b") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()
