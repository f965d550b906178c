"""Filtering and paging for the section lists ("Aktuelles", "Veranstaltungen", "Projekte")
and the search results.

Everything comes from GET parameters that visitors can edit, bookmark and share, so no
value may fail the page: a bad filter is dropped (the form says so next to its field), a
page number that is no number gives the first page, and only a page beyond the last one
is a 404, as the address really names nothing.

A section may hold a hundred thousand pages. Its lists sort and slice narrow rows (the ids,
in the order of an index that matches the list's), then load the full rows of the page's
ids only, without their StreamField columns. Counts and the choices the filters offer are
computed once per content change (core.content_cache); so are anchors that let a deep page
start near its first row instead of sorting and skipping every row before it.
"""

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import Count
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .content_cache import ContentCache
from .models import Category

PAGE_PARAM = "seite"
# Anchors of a list sorted by a stored column are at least this many rows apart: a page
# reads at most this many rows (plus those sharing the anchor's key) before its own.
ANCHOR_SPACING = 500


def term_filter(model, label, empty_label, invalid_message):
    """An optional choice of a category or theme, addressed by its slug in the URL. The form
    sets the queryset to the terms its list actually uses."""
    return forms.ModelChoiceField(
        label=label,
        queryset=model.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=empty_label,
        error_messages={"invalid_choice": invalid_message},
    )


def category_filter():
    return term_filter(
        Category,
        gettext_lazy("Kategorie"),
        gettext_lazy("Alle Kategorien"),
        gettext_lazy("Diese Kategorie gibt es hier nicht. Es werden alle Kategorien gezeigt."),
    )


class FilterForm(forms.Form):
    """A GET form that narrows a list. Subclasses declare optional fields named after their
    URL parameters and implement `apply()`."""

    def __init__(self, data, *args, remember: ContentCache | None = None, **kwargs):
        """`remember` keeps what the form derives from the list (the years and categories it
        offers) until the content changes; without it, those are computed each time."""
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, *args, **kwargs)
        self.remember = remember

    def derived(self, name: str, compute: Callable):
        return self.remember.get(name, compute) if self.remember else compute()

    def terms_of(self, pages, field: str, model):
        """The `model` rows the list's pages name in `field`: the categories or themes a filter
        offers, only those that have pages."""
        ids = self.derived(field, lambda: list(pages.order_by().values_list(field, flat=True).distinct()))
        return model.objects.filter(pk__in=[pk for pk in ids if pk])

    def filter(self, queryset):
        """The queryset narrowed by every filter that holds a valid value."""
        self.is_valid()
        return self.apply(queryset, self.cleaned_data)

    def apply(self, queryset, values):
        raise NotImplementedError

    def active_params(self) -> dict[str, str]:
        """The valid, non-empty filters as URL parameters: what page links must keep.

        Invalid values are left out so that a typo is not carried from page to page.
        """
        self.is_valid()
        return {
            name: self.data[name]
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name) not in (None, "")
        }

    def active_labels(self) -> list[str]:
        """The active filters in words, for the page title and the summary above the list."""
        labels = []
        for name, value in self.active_params().items():
            field = self.fields[name]
            if isinstance(field, forms.ModelChoiceField):
                labels.append(str(self.cleaned_data[name]))
            else:
                labels.append(str(dict(field.choices).get(value, value)))
        return labels


def page_number(request) -> int:
    """The requested page; anything that is not a whole number from 1 up means the first page."""
    try:
        number = int(request.GET.get(PAGE_PARAM, "1"))
    except ValueError:
        return 1
    return max(number, 1)


def paginate(request, paginator: Paginator) -> Page:
    number = page_number(request)
    if number > paginator.num_pages:
        raise Http404(_("Diese Seite der Liste gibt es nicht."))
    return paginator.page(number)


@dataclass(frozen=True)
class KeyAnchors:
    """Where a list sorted by a stored column first (a date) reaches some of that column's
    values: enough to count the list and to start any page of it near its first row.

    `anchors` are (value, position of the first row with that value), in list order and at
    least ANCHOR_SPACING rows apart. A page at `offset` filters the list to the rows from the
    anchor before it on (`date <= value` for a list newest first), which the index on that
    column reads in order, and skips the few rows between the anchor and the offset: the
    same rows as the plain offset, as long as the anchors belong to the same content.
    """

    field: str
    descending: bool
    anchors: tuple
    total: int

    @classmethod
    def of(cls, pages) -> "KeyAnchors":
        term = pages.query.order_by[0]
        field = term.lstrip("-")
        rows = pages.order_by().values_list(field).annotate(rows=Count("pk")).order_by(term)
        anchors, position, last = [], 0, None
        for value, count in rows:
            if last is None or position - last >= ANCHOR_SPACING:
                anchors.append((value, position))
                last = position
            position += count
        return cls(field, term.startswith("-"), tuple(anchors), position)

    def seek(self, pages, offset: int):
        """The list from the anchor before `offset` on, and how many rows to skip there."""
        if not self.anchors:
            return pages, offset
        index = bisect.bisect_right([start for _value, start in self.anchors], offset) - 1
        value, start = self.anchors[index]
        lookup = "lte" if self.descending else "gte"
        return pages.filter(**{f"{self.field}__{lookup}": value}), offset - start


class NarrowPaginator(Paginator):
    """Pages of a list cut on narrow rows: the ids of one page, in the list's order, then
    the cards of those ids (`load_cards`), without their StreamField columns.

    A page's cards are read when the template first asks for them: a list whose rendered
    cards are kept (core.fragments) reads none. `total` is the list's count when it is known
    already (kept per content change)."""

    def __init__(
        self,
        pages,
        per_page: int,
        load_cards: Callable,
        anchors: KeyAnchors | None = None,
        total: int | None = None,
    ):
        super().__init__(pages, per_page)
        self.load_cards = load_cards
        self.anchors = anchors
        self.total = anchors.total if anchors else total

    @cached_property
    def count(self):
        return self.total if self.total is not None else self.object_list.count()

    def page(self, number):
        number = self.validate_number(number)
        return self._get_page(_CardsOfPage(self, number), number, self)

    def cards(self, number) -> list:
        offset = (number - 1) * self.per_page
        pages = self.object_list
        if self.anchors:
            pages, offset = self.anchors.seek(pages, offset)
        ids = list(pages.values_list("pk", flat=True)[offset : offset + self.per_page])
        cards = self.load_cards(pages.model.objects.filter(pk__in=ids).defer_streamfields()).in_bulk()
        return [cards[pk] for pk in ids if pk in cards]


class _CardsOfPage(Sequence):
    """The cards of one page of a NarrowPaginator, read on first use."""

    def __init__(self, paginator: NarrowPaginator, number: int):
        self.paginator = paginator
        self.number = number

    @cached_property
    def cards(self) -> list:
        return self.paginator.cards(self.number)

    def __getitem__(self, index):
        return self.cards[index]

    def __len__(self):
        return len(self.cards)


def listing_context(request, form: FilterForm, paginator: Paginator) -> dict:
    """What an index template needs: the form, one page of items, the active filters as a
    query string for the page links, and a title suffix naming filters and page."""
    page_obj = paginate(request, paginator)
    labels = form.active_labels()
    title_suffix = f": {', '.join(labels)}" if labels else ""
    if page_obj.number > 1:
        title_suffix += " – " + _("Seite %(number)d") % {"number": page_obj.number}
    return {
        "filter_form": form,
        "page_obj": page_obj,
        "filter_query": urlencode(form.active_params()),
        "filter_labels": labels,
        "title_suffix": title_suffix,
    }


class FilteredIndexMixin:
    """A section page that lists its pages as cards, narrowed by a filter form and paged:
    "Aktuelles", "Veranstaltungen", "Projekte". The page type names the form (which takes the
    request's GET data and every listed page), the page size and the context name of the page
    of cards, and says which pages it lists and what their cards load with them."""

    filter_form_class: type[FilterForm]
    cards_per_page = 10
    cards_context_name: str
    # Whether the list's first sort key is a stored column whose order does not change with
    # the time of day (a date, not "the next date from now"): then its count and anchors
    # are kept until the content changes (KeyAnchors).
    anchored = False

    def listed_pages(self):
        """Every page the section lists, before filters."""
        raise NotImplementedError

    def with_card_data(self, pages):
        return pages.for_cards()

    def listing_holds_until(self):
        """The next moment at which the list changes with time alone (an event's date ends
        and it moves to the past ones); None when only content changes it."""
        return None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = self.listed_pages()
        # The list's count, anchors and filter choices are kept until the content changes,
        # or until the list changes with time.
        until = self.listing_holds_until()
        remember = ContentCache(f"list:{self.pk}:{until.timestamp() if until else ''}")
        form = self.filter_form_class(request.GET, pages, remember=remember)
        filtered = form.filter(pages)
        filters = urlencode(sorted(form.active_params().items()))
        anchors = total = None
        if self.anchored:
            anchors = remember.get(f"anchors:{filters}", lambda: KeyAnchors.of(filtered))
        else:
            total = remember.get(f"count:{filters}", filtered.count)
        paginator = NarrowPaginator(filtered, self.cards_per_page, self.with_card_data, anchors, total)
        context.update(listing_context(request, form, paginator))
        context[self.cards_context_name] = context["page_obj"]
        # What shows the list is kept until then (core.templatetags.fragment_tags).
        context["listing_until"] = until
        return context
