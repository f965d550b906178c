"""The filters of the news list ("Aktuelles"): category and year."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.listing import FilterForm, category_filter
from core.models import Category


class ArticleFilterForm(FilterForm):
    kategorie = category_filter()
    jahr = forms.ChoiceField(
        label=_("Jahr"),
        required=False,
        error_messages={
            "invalid_choice": _("Dieses Jahr steht nicht zur Auswahl. Es werden alle Jahre gezeigt.")
        },
    )

    def __init__(self, data, articles, **kwargs):
        """`articles` are all articles of the list; only categories and years they have are offered."""
        super().__init__(data, **kwargs)
        self.fields["kategorie"].queryset = self.terms_of(articles, "category", Category)
        years = self.derived(
            "years", lambda: [day.year for day in articles.dates("date", "year", order="DESC")]
        )
        self.fields["jahr"].choices = [("", _("Alle Jahre")), *((str(year), str(year)) for year in years)]

    def apply(self, articles, values):
        if values.get("kategorie"):
            articles = articles.filter(category=values["kategorie"])
        if values.get("jahr"):
            articles = articles.filter(date__year=int(values["jahr"]))
        return articles
