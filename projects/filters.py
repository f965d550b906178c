"""The filters of the project list ("Projekte"): status and theme."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.listing import FilterForm, term_filter
from core.models import Theme

from .choices import Status

# German words in the address, as visitors share it; mapped to the stored values.
STATUS_PARAMS = {
    "in-planung": Status.PLANNED,
    "laufend": Status.RUNNING,
    "abgeschlossen": Status.COMPLETED,
}


class ProjectFilterForm(FilterForm):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle")), *((param, status.label) for param, status in STATUS_PARAMS.items())],
        error_messages={"invalid_choice": _("Diesen Status gibt es nicht. Es werden alle Projekte gezeigt.")},
    )
    thema = term_filter(
        Theme,
        _("Themenfeld"),
        _("Alle Themenfelder"),
        _("Dieses Themenfeld gibt es hier nicht. Es werden alle Themenfelder gezeigt."),
    )

    def __init__(self, data, projects, **kwargs):
        """`projects` are all projects of the list; only themes they have are offered."""
        super().__init__(data, **kwargs)
        self.fields["thema"].queryset = self.terms_of(projects, "themes", Theme)

    def apply(self, projects, values):
        if values.get("status"):
            projects = projects.filter(status=STATUS_PARAMS[values["status"]])
        if values.get("thema"):
            projects = projects.filter(themes=values["thema"])
        return projects
