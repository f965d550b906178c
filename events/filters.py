"""The filters of the events list ("Veranstaltungen"): period, category and attendance mode."""

from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from core.listing import FilterForm, category_filter
from core.models import Category

from .choices import AttendanceMode, attendable

UPCOMING = "kommend"
PAST = "vergangen"

# German words in the address, mapped to the events they find (events.choices.attendable:
# hybrid events count as on site and as online).
ATTENDANCE_PARAMS = {
    "vor-ort": (_("Vor Ort"), attendable(AttendanceMode.ON_SITE)),
    "online": (_("Online"), attendable(AttendanceMode.ONLINE)),
    "hybrid": (_("Vor Ort und online"), attendable(AttendanceMode.HYBRID)),
}


class EventFilterForm(FilterForm):
    zeitraum = forms.ChoiceField(
        label=_("Zeitraum"),
        required=False,
        choices=[(UPCOMING, _("Kommende")), (PAST, _("Vergangene"))],
        error_messages={
            "invalid_choice": _("Unbekannter Zeitraum. Es werden die kommenden Veranstaltungen gezeigt.")
        },
    )
    kategorie = category_filter()
    teilnahme = forms.ChoiceField(
        label=_("Teilnahme"),
        required=False,
        choices=[("", _("Alle")), *((param, label) for param, (label, _query) in ATTENDANCE_PARAMS.items())],
        help_text=_("Hybride Veranstaltungen erscheinen bei „Vor Ort“ und bei „Online“."),
        error_messages={"invalid_choice": _("Unbekannte Teilnahmeform. Es werden alle gezeigt.")},
    )

    def __init__(self, data, events, **kwargs):
        """`events` are all events of the list; only categories they have are offered."""
        super().__init__(data, **kwargs)
        self.fields["kategorie"].queryset = self.terms_of(events, "category", Category)

    @property
    def shows_past(self) -> bool:
        self.is_valid()
        return self.cleaned_data.get("zeitraum") == PAST

    def other_period_query(self) -> str:
        """The current filters with the other period, for the "past / upcoming events" switch."""
        params = {name: value for name, value in self.active_params().items() if name != "zeitraum"}
        if not self.shows_past:
            params["zeitraum"] = PAST
        return urlencode(params)

    def apply(self, events, values):
        # Running events stay "upcoming" until their end; see EventQuerySet.upcoming().
        events = events.past() if values.get("zeitraum") == PAST else events.upcoming()
        if values.get("kategorie"):
            events = events.filter(category=values["kategorie"])
        if values.get("teilnahme"):
            events = events.filter(ATTENDANCE_PARAMS[values["teilnahme"]][1])
        return events
