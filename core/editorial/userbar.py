"""The accessibility rules of the editor's "Checks" panel.

Wagtail runs its content checks (word count, reading time, readability and axe-core's
accessibility rules) inside the page preview, through the user bar that
core/templates/base.html renders for signed-in editors. Its rules already cover heading
order, empty link texts and alt texts that look like file names; the team also wants
images that have no alt text at all reported.
"""

from wagtail.admin.userbar import ContentCheckerItem


class EditorialChecks(ContentCheckerItem):
    axe_run_only = [*ContentCheckerItem.axe_run_only, "image-alt"]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": "Bild ohne Alternativtext",
            "help_text": (
                "Alternativtext in der Medienbibliothek ergänzen oder das Bild als „Rein dekorativ“ markieren"
            ),
        },
    }


def use_editorial_checks(request, items, page) -> None:
    """For the construct_wagtail_userbar hook: the team's rules in place of Wagtail's."""
    items[:] = [
        EditorialChecks(in_editor=item.in_editor) if isinstance(item, ContentCheckerItem) else item
        for item in items
    ]
