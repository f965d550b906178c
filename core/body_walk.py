"""What a block value holds: its nested blocks, its rich text, and what that rich text points to.

Shared by the API's body (core.api_blocks) and the website's (core.rich_text), which both load
everything a body points to before rendering it. Free of models, so the blocks can import it.
"""

from collections import defaultdict
from collections.abc import Iterable

from wagtail import blocks
from wagtail.rich_text.rewriters import EmbedRewriter, LinkRewriter

__all__ = ["entity_ids", "rich_text_sources", "walk_blocks"]

# Only used to find entity tags in rich text, never to rewrite it.
_LINK_TAGS = LinkRewriter()
_EMBED_TAGS = EmbedRewriter()


def walk_blocks(block, value):
    """Every (block, value) pair inside a block value, depth first."""
    if value is None:
        return
    yield block, value
    if isinstance(block, blocks.BaseStreamBlock):
        for child in value:
            yield from walk_blocks(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from walk_blocks(block.child_block, item)
    elif isinstance(block, blocks.BaseStructBlock):
        for name, child_block in block.child_blocks.items():
            yield from walk_blocks(child_block, value.get(name))


def rich_text_sources(block, value) -> list[str]:
    """The stored HTML of every rich text inside a block value (typically a whole body)."""
    return [
        child_value.source
        for child_block, child_value in walk_blocks(block, value)
        if isinstance(child_block, blocks.RichTextBlock)
    ]


def entity_ids(sources: Iterable[str]) -> dict[str, set[str]]:
    """The ids in the entity tags of rich text sources, by link or embed type."""
    ids = defaultdict(set)
    for source in sources:
        for finder in (_LINK_TAGS, _EMBED_TAGS):
            for kind, matches in finder.extract_tags(source).items():
                ids[kind].update(match.attrs.get("id", "") for match in matches)
    return ids
