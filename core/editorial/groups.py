"""Groups in the admin ("Einstellungen → Gruppen") with what their members may do: the list
shows each group's description beside its name, and the group form edits it (GroupDescription,
core.editorial.setup writes the editorial groups' own). core.editorial.users puts these in place of
Wagtail's group views."""

from django import forms
from wagtail.admin.ui.tables import Column
from wagtail.users.forms import GroupForm
from wagtail.users.views import groups

from ..models import GroupDescription


class DescribedGroupForm(GroupForm):
    description = forms.CharField(
        label="Beschreibung",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Was Mitglieder dieser Gruppe tun dürfen, in ein, zwei Sätzen.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = GroupDescription.objects.filter(group=self.instance.pk).first()
        if description is not None:
            self.initial["description"] = description.text

    def save(self, commit=True):
        group = super().save(commit=commit)
        GroupDescription.objects.update_or_create(
            group=group, defaults={"text": self.cleaned_data["description"]}
        )
        return group


def description_text(group) -> str:
    return group.description.text if hasattr(group, "description") else ""


class IndexView(groups.IndexView):
    columns = [
        *groups.IndexView.columns,
        Column("description", label="Beschreibung", accessor=description_text),
    ]

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("description")


class GroupViewSet(groups.GroupViewSet):
    index_view_class = IndexView
    create_template_name = edit_template_name = "cms/admin/group_form.html"

    def get_form_class(self, for_update=False):
        return DescribedGroupForm
