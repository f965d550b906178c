"""The form "Barriere melden" and its spam defence, which needs no third party: a honeypot
field that people leave empty (it is hidden from them) and a minimum fill time, measured from
a signed timestamp the form carries, since a bot posts the form right after reading it."""

import time
from urllib.parse import urlsplit

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy

# Fewer seconds than a person needs to read the form and type a sentence.
MIN_FILL_SECONDS = 3
# A form left open longer than this is sent again with a fresh timestamp.
MAX_FORM_AGE_SECONDS = 24 * 60 * 60
_SALT = "accessibility.barrier-report.started"

# Visitors read these in the page's language (German msgids, locale/en for English).
TOO_FAST = gettext_lazy(
    "Das Formular wurde sehr schnell abgeschickt. Bitte prüfen Sie Ihre Angaben und senden Sie "
    "es noch einmal."
)
EXPIRED = gettext_lazy("Das Formular war zu lange geöffnet. Bitte senden Sie es noch einmal.")
HONEYPOT_FILLED = gettext_lazy(
    "Ihre Meldung konnte nicht angenommen werden. Bitte lassen Sie das Feld „Website“ leer."
)
INVALID_EMAIL = gettext_lazy("Bitte geben Sie eine gültige E-Mail-Adresse an, z. B. name@example.org.")
FOREIGN_ADDRESS = gettext_lazy(
    "Bitte geben Sie die Adresse einer Seite dieser Website an, z. B. /aktuelles/."
)


def started_token(at: float | None = None) -> str:
    """The signed time the form was handed out."""
    return signing.dumps(at if at is not None else time.time(), salt=_SALT)


def site_path(address: str, hosts: set[str]) -> str | None:
    """The path (with query) of an address on one of `hosts`, or None for anything else:
    another site, another scheme, or something that is no address."""
    address = (address or "").strip()
    if not address or any(char.isspace() or ord(char) < 32 for char in address):
        return None
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    if parts.scheme or parts.netloc:
        if parts.scheme not in ("http", "https") or (parts.hostname or "") not in hosts:
            return None
    elif not address.startswith("/") or address.startswith("//"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


class BarrierReportForm(forms.Form):
    page_url = forms.CharField(
        label=gettext_lazy("Adresse der Seite"),
        max_length=500,
        help_text=gettext_lazy("Auf welcher Seite ist die Barriere? Zum Beispiel /aktuelles/."),
        error_messages={"required": gettext_lazy("Bitte geben Sie die Adresse der Seite an.")},
    )
    description = forms.CharField(
        label=gettext_lazy("Beschreibung der Barriere"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Was funktioniert nicht? Womit sind Sie unterwegs, z. B. mit Screenreader, Tastatur oder "
            "Vergrößerung?"
        ),
        error_messages={"required": gettext_lazy("Bitte beschreiben Sie die Barriere.")},
    )
    email = forms.EmailField(
        label=gettext_lazy("E-Mail-Adresse (freiwillig)"),
        required=False,
        help_text=gettext_lazy("Nur wenn Sie eine Antwort möchten. Wir verwenden sie nur dafür."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": INVALID_EMAIL},
    )
    # The honeypot: hidden from people and assistive technology (site.css, aria-hidden), left
    # out of the tab order, and named like a field bots love to fill.
    website = forms.CharField(
        label=gettext_lazy("Website (bitte leer lassen)"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # Checked in clean(), with a message a person can act on.
    started = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, hosts: set[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.hosts = hosts
        # A fresh timestamp on every form handed out, including one shown again with errors
        # (whose own may have run out): the template writes this one, not the one sent.
        self.fresh_started = started_token()

    def clean_page_url(self):
        path = site_path(self.cleaned_data["page_url"], self.hosts)
        if path is None:
            raise forms.ValidationError(FOREIGN_ADDRESS)
        return path

    def clean(self):
        cleaned = super().clean()
        if self.data.get("website"):
            raise forms.ValidationError(HONEYPOT_FILLED, code="honeypot")
        try:
            started = float(
                signing.loads(self.data.get("started", ""), salt=_SALT, max_age=MAX_FORM_AGE_SECONDS)
            )
        except (signing.BadSignature, TypeError, ValueError):
            # Expired, or not made by this site: either way, a fresh form is all it takes.
            raise forms.ValidationError(EXPIRED, code="expired") from None
        # A person correcting a field needs no word about speed; the form they get back
        # carries a fresh timestamp anyway.
        if time.time() - started < MIN_FILL_SECONDS and not self.errors:
            raise forms.ValidationError(TOO_FAST, code="too_fast")
        return cleaned
