"""The page body as HTML, with what its rich text points to loaded once for all blocks."""

from django import template
from django.utils.html import format_html_join

from ..rich_text import preloaded_targets, rich_text_sources

register = template.Library()


@register.simple_tag(takes_context=True)
def body_blocks(context, body):
    """Each block of `body` in its own template (no wrapper divs), like `include_block` in a
    loop, but the pages, documents and images linked from all of its rich text are looked up
    in one query per kind rather than once per paragraph (core.rich_text)."""
    block_context = context.flatten()
    with preloaded_targets(rich_text_sources(body.stream_block, body)):
        return format_html_join("", "{}", ((child.render_as_block(block_context),) for child in body))
