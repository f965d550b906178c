"""The add and edit views of every page type, registered for `BasePage` (page apps that swap
in their own views build on these, see core.editorial.sections).

Autosave posts the form in the background and, when the form does not validate, pauses with
Wagtail's "There are validation errors, click save to highlight them" in the indicator's
tooltip. Here the tooltip says which field holds the error and what it is, e.g.
"Nicht gespeichert. „Titel“: Dieses Feld muss ausgefüllt werden.", so an editor knows
where to look before pressing "Speichern", also when the field sits on another tab.
"""

from django.utils.html import strip_tags
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet

from ..models import BasePage

# How many fields the message names before it counts the rest.
NAMED_FIELDS = 2


def first_message(error) -> str:
    """The first message of a validation error, looking into a StreamField's blocks, whose own
    message is only "Validation error in StreamBlock"."""
    nested = [*getattr(error, "non_block_errors", ())]
    block_errors = getattr(error, "block_errors", None) or {}
    nested += block_errors.values() if isinstance(block_errors, dict) else block_errors
    for inner in nested:
        if inner:
            return first_message(inner)
    return strip_tags(" ".join(error.messages)) if hasattr(error, "messages") else strip_tags(str(error))


def form_errors(form) -> list[tuple[str | None, str]]:
    """(label, first message) for each field with an error, in the form's order; the label is
    None for an error of the whole form. Inline panels count as one field each."""
    errors = []
    for name, field_errors in form.errors.as_data().items():
        field = form.fields.get(name)
        errors.append((field.label if field else None, first_message(field_errors[0])))
    for formset in getattr(form, "formsets", {}).values():
        messages = [first_message(error) for error in formset.non_form_errors().as_data()]
        for child_form in formset.forms:
            messages += [message for _label, message in form_errors(child_form)]
        if messages:
            errors.append((str(formset.model._meta.verbose_name_plural), messages[0]))
    return errors


def autosave_pause_reason(form) -> str:
    errors = form_errors(form)
    if not errors:
        return "Nicht gespeichert: Das Formular enthält Fehler. Bitte auf „Speichern“ klicken."
    named = [f"„{label}“: {message}" if label else message for label, message in errors[:NAMED_FIELDS]]
    more = len(errors) - NAMED_FIELDS
    if more == 1:
        named.append("Dazu ein weiteres Feld.")
    elif more > 1:
        named.append(f"Dazu {more} weitere Felder.")
    return " ".join(["Nicht gespeichert.", *named])


class NamedErrorsMixin:
    def json_error_response(self, error_code, error_message):
        if error_code == "validation_error":
            error_message = autosave_pause_reason(self.form)
        return super().json_error_response(error_code, error_message)


class PageCreateView(NamedErrorsMixin, CreateView):
    pass


class PageEditView(NamedErrorsMixin, EditView):
    pass


class BasePageViewSet(PageViewSet):
    """Every page type's admin views; Wagtail finds a page type's view set along its classes."""

    model = BasePage
    add_view_class = PageCreateView
    edit_view_class = PageEditView
