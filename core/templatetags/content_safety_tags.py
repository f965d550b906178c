"""Stored content made safe where the website prints it (content_safety): addresses that
could run script give an empty string, rich text keeps only what the editor's features make."""

from django import template
from django.utils.safestring import mark_safe

from content_safety import clean_rich_text, safe_url

register = template.Library()


@register.filter(name="safe_url")
def safe_url_filter(url) -> str:
    """`{% with href=obj.url|safe_url %}{% if href %}<a href="{{ href }}">...`: an address
    with another scheme than http, https, mailto or tel is left out."""
    return safe_url(url)


@register.filter(name="clean_rich_text")
def clean_rich_text_filter(html) -> str:
    # Safe: the allow-list left nothing that runs.
    return mark_safe(clean_rich_text(str(html)))
