"""The admin form for endpoints: events and page types as checkboxes rather than raw JSON."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Event, WebhookEndpoint, page_type_choices


class WebhookEndpointForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label="Ereignisse",
        choices=Event.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Bitte mindestens ein Ereignis wählen."},
        help_text="Bei welchen Änderungen an Seiten und Hinweisen der Empfänger benachrichtigt wird.",
    )
    page_types = forms.MultipleChoiceField(
        label="Seitentypen",
        choices=page_type_choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=(
            "Nur Änderungen an Seiten dieser Typen melden. Keine Auswahl: alle Seitentypen. "
            "Hinweise werden unabhängig davon gemeldet."
        ),
    )

    class Meta:
        model = WebhookEndpoint
        fields = ["name", "url", "secret", "active", "events", "page_types"]
