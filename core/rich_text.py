"""Rich text as visitors read it: links to pages they cannot open are text, not links.

Wagtail writes every internal link out with the target's address, drafts included, so a
link to an embargoed press release would give its slug away in public HTML. This handler
replaces Wagtail's own for the "page" link type (registered in core.wagtail_hooks) and
links only pages an anonymous visitor may see (core.visibility); any other target keeps
its text in an `<a>` without `href`, as Wagtail renders a link to a deleted page.
"""

from django.utils.html import format_html
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .visibility import visible_pages


class VisiblePageLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        pages = visible_pages(Page.objects.filter(id__in=[pk for pk in ids if pk.isdigit()]))
        pages_by_id = {str(page.pk): page for page in pages.defer_streamfields().specific()}
        return [pages_by_id.get(pk) for pk in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            format_html('<a href="{}">', page.localized.url) if page else "<a>"
            for page in cls.get_many(attrs_list)
        ]
