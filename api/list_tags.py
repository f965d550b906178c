"""The API's lists name what they list (cachetags), so that a new, changed or removed item
purges them: a list of one type carries that type's tag, a list of several page types the
`pages` tag. A detail names only its own item (recorded when the item is loaded)."""

from wagtail.models import Page

from cachetags import PAGES, record, type_tag_of


class ListTagsMixin:
    def listing_view(self, request):
        record(self.list_tag())
        return super().listing_view(request)

    def list_tag(self) -> str:
        return type_tag_of(self.model)


class PageListTagsMixin(ListTagsMixin):
    def list_tag(self) -> str:
        # `type=` narrows the list to one page type; without it, or with several, it is Page.
        model = self.get_queryset().model
        return PAGES if model is Page else type_tag_of(model)
