"""German dates in the admin: what an editor types is saved, or an error on the field says why not.

WAGTAIL_DATE_FORMAT and WAGTAIL_DATETIME_FORMAT (settings) make the date fields and their
calendars show and write "11.02.2022" and "07.03.2022 17:00". Two things settings cannot do:

- Wagtail's calendar (jQuery datetimepicker) reads one format only, and when a field loses
  focus it replaces whatever it cannot read with the current date and time, without a word:
  an ISO date or a typo became "today". `date_picker_script` turns that off in every admin
  view, so what the editor typed reaches the server.
- The server reads German and ISO dates (Django's "de" input formats). For anything else,
  Django's message does not say what it expects; `use_german_date_fields` names the format.
"""

from django.db import models
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput

INVALID_DATE = "Bitte ein Datum im Format TT.MM.JJJJ eingeben, z. B. 11.02.2022."
INVALID_DATETIME = "Bitte Datum und Uhrzeit im Format TT.MM.JJJJ HH:MM eingeben, z. B. 07.03.2022 17:00."


def use_german_date_fields() -> None:
    """Gives every date and date-time field of the admin's forms the message above. These
    replace Wagtail's own overrides for the two field types, so they name its widgets again."""
    register_form_field_override(
        models.DateField,
        override={"widget": AdminDateInput, "error_messages": {"invalid": INVALID_DATE}},
    )
    register_form_field_override(
        models.DateTimeField,
        override={"widget": AdminDateTimeInput, "error_messages": {"invalid": INVALID_DATETIME}},
    )


def date_picker_script() -> str:
    """For the insert_global_admin_js hook: admin pages load it after the calendar's own
    script and before any date field is set up."""
    return format_html('<script src="{}"></script>', static("js/admin-date-picker.js"))
