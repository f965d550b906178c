"""Filtering and paging for the section lists ("Aktuelles", "Veranstaltungen", "Projekte")
and the search results.

Everything comes from GET parameters that visitors can edit, bookmark and share, so no
value may fail the page: a bad filter is dropped (the form says so next to its field), a
page number that is no number gives the first page, and only a page beyond the last one
is a 404, as the address really names nothing.
"""

from django import forms
from django.core.paginator import Page, Paginator
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Category

PAGE_PARAM = "seite"


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

    def __init__(self, data, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(data, *args, **kwargs)

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


def paginate(request, items, per_page: int) -> Page:
    paginator = Paginator(items, per_page)
    number = page_number(request)
    if number > paginator.num_pages:
        raise Http404(_("Diese Seite der Liste gibt es nicht."))
    return paginator.page(number)


def listing_context(request, form: FilterForm, items, per_page: int) -> dict:
    """What an index template needs: the form, one page of items, the active filters as a
    query string for the page links, and a title suffix naming filters and page."""
    page_obj = paginate(request, form.filter(items), per_page)
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

    def listed_pages(self):
        """Every page the section lists, before filters."""
        raise NotImplementedError

    def with_card_data(self, pages):
        return pages.for_cards()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = self.listed_pages()
        form = self.filter_form_class(request.GET, pages)
        context.update(listing_context(request, form, self.with_card_data(pages), self.cards_per_page))
        context[self.cards_context_name] = context["page_obj"]
        return context
