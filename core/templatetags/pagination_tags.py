"""Page links for paginated lists, keeping the active filters on every link."""

from django import template

from ..listing import PAGE_PARAM

register = template.Library()


def _page_url(path: str, filter_query: str, number: int) -> str:
    # The first page has no page parameter, so it shares its address with the unpaged list.
    params = [part for part in (filter_query, f"{PAGE_PARAM}={number}" if number > 1 else "") if part]
    return f"{path}?{'&'.join(params)}" if params else path


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj, filter_query=""):
    """Previous/next links and page numbers for `page_obj`; `filter_query` is the urlencoded
    set of active filters."""
    paginator = page_obj.paginator
    path = context["request"].path
    pages = [
        {
            "number": number,
            "url": _page_url(path, filter_query, number),
            "is_current": number == page_obj.number,
        }
        if number != paginator.ELLIPSIS
        else {"ellipsis": number}
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
    return {
        "show": paginator.num_pages > 1,
        "pages": pages,
        "previous_url": (
            _page_url(path, filter_query, page_obj.previous_page_number()) if page_obj.has_previous() else ""
        ),
        "next_url": _page_url(path, filter_query, page_obj.next_page_number()) if page_obj.has_next() else "",
    }
