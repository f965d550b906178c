"""External links in rich text, as the website and the API write them out.

External links the editor marked "In neuem Tab öffnen" (core.editorial.link_chooser) are stored as
`<a href="..." target="_blank">`. On the website they also get `rel="noopener"` and are
described to screen readers by a hint every page carries (base.html), so a visitor is told
before a new tab opens. Kept apart from core.rich_text, which loads page models, because
the API's block code imports it while models are still loading.
"""

from django.utils.html import format_html
from wagtail.rich_text import LinkHandler

NEW_TAB_HINT_ID = "hinweis-neuer-tab"


def external_link_tag(attrs: dict, described_by: str | None = NEW_TAB_HINT_ID) -> str:
    """The opening tag of an external link as stored in rich text."""
    href = attrs.get("href", "")
    if attrs.get("target") != "_blank":
        return format_html('<a href="{}">', href)
    if described_by:
        return format_html(
            '<a href="{}" target="_blank" rel="noopener" aria-describedby="{}">', href, described_by
        )
    return format_html('<a href="{}" target="_blank" rel="noopener">', href)


class ExternalLinkHandler(LinkHandler):
    identifier = "external"

    @classmethod
    def expand_db_attributes(cls, attrs: dict) -> str:
        return external_link_tag(attrs)
