"""Rich text made safe where the website prints it (content_safety): it keeps only what the
editor's features make. URL fields need no filter: their models never hold a script address
(content_safety.SafeURLField)."""

from django import template
from django.utils.safestring import mark_safe

from content_safety import clean_rich_text

register = template.Library()


@register.filter(name="clean_rich_text")
def clean_rich_text_filter(html) -> str:
    # Safe: the allow-list left nothing that runs.
    return mark_safe(clean_rich_text(str(html)))
