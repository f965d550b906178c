"""Form data for the admin's page editors, as a browser would post it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def article_form_data(**overrides) -> dict:
    """An article edit or create form: a heading and a paragraph, no related pages."""
    data = {
        "title": "07.03.: Live-Auftakt von smart.wuppertal",
        "slug": "live-auftakt",
        "date": "2022-02-11",
        "teaser": "Save the Date: digitale Auftaktveranstaltung am 7. März.",
        "tags": "Auftakt, Livestream",
        "body": streamfield(
            [
                ("heading", {"text": "Link zum Stream", "level": "h2"}),
                ("paragraph", rich_text("<p>Eine Anmeldung ist nicht nötig.</p>")),
            ]
        ),
        "related_events": inline_formset([]),
        "related_projects": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)
