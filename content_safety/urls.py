"""Addresses content may link to: web (http, https), e-mail (mailto), phone (tel) and
addresses relative to the site."""

import re

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django.db.models.query_utils import DeferredAttribute

SAFE_URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# A browser ignores tabs and line breaks anywhere in an address and control characters and
# spaces around it, so "java\tscript:" is still a javascript: address (WHATWG URL standard).
_IGNORED_INSIDE = re.compile(r"[\t\n\r]")
_IGNORED_AROUND = "".join(map(chr, range(0x21)))
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def safe_url(url) -> str:
    """`url` when a browser would open it as a web, e-mail or phone address or as an
    address on this site; otherwise (`javascript:`, `data:`, ...) an empty string."""
    if not url:
        return ""
    scheme = _SCHEME.match(_IGNORED_INSIDE.sub("", str(url).strip(_IGNORED_AROUND)))
    if scheme and scheme.group(1).lower() not in SAFE_URL_SCHEMES:
        return ""
    return url


WEB_ADDRESS_MESSAGE = "Bitte eine vollständige Webadresse angeben, die mit „https://“ oder „http://“ beginnt."
# Django's own URL check also takes ftp addresses, which pages would then leave out.
WEB_ADDRESS = URLValidator(schemes=["http", "https"], message=WEB_ADDRESS_MESSAGE)


class WebAddressFormField(forms.URLField):
    default_validators = [WEB_ADDRESS]
    # A form field's own message for a code replaces its validators'.
    default_error_messages = {"invalid": WEB_ADDRESS_MESSAGE}


class SafeURLAttribute(DeferredAttribute):
    """Keeps a model's URL field safe on every way in: assignment, a form, a direct save,
    loading from the database or from a revision. An unsafe address becomes ""."""

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = safe_url(value) if isinstance(value, str) else value


class SafeURLField(models.URLField):
    """A URL field whose value never holds a script address. The admin refuses one with a
    German message; a value that got into the database some other way reads as empty."""

    descriptor_class = SafeURLAttribute
    default_validators = [WEB_ADDRESS]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})

    def deconstruct(self):
        # The column is an ordinary URL field's: migrations need not know the difference.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.URLField", args, kwargs
