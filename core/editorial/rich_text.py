"""The rich text editor's form widget (WAGTAILADMIN_RICH_TEXT_EDITORS): Wagtail's Draftail,
except that a value the editor never sends (not its JSON, e.g. raw HTML in a crafted POST)
is a bad request (400), where Wagtail's widget fails with a server error."""

from django.core.exceptions import SuspiciousOperation
from wagtail.admin.rich_text import DraftailRichTextArea


class CheckedDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            # json.JSONDecodeError is a ValueError; the others come from JSON of the wrong shape.
            raise SuspiciousOperation(f"The rich text field {name!r} is not the editor's JSON.") from error
