"""What stored content may carry into the website's HTML and the API's answers: links only
to web, e-mail and phone addresses, and rich text and video players only in the markup the
editor's features make. No `javascript:`, `vbscript:` or `data:` address and no event
handler attribute gets through, whatever was stored, through a crafted admin form or a
direct model save.

The bottom layer (beside `shapes`), so the media library's licence links are checked by
the same rule as everything above it.
"""

from .html import clean_player, clean_rich_text
from .urls import SAFE_URL_SCHEMES, WEB_ADDRESS_MESSAGE, SafeURLField, safe_url

__all__ = [
    "SAFE_URL_SCHEMES",
    "WEB_ADDRESS_MESSAGE",
    "SafeURLField",
    "clean_player",
    "clean_rich_text",
    "safe_url",
]
