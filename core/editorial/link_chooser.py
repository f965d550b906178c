"""The rich text editor's links: the link dialog in German and with "In neuem Tab öffnen"
for external links, and the editor feature that keeps that choice.

Wagtail's link forms leave their "link text" field unlabelled, so Django names it after
the field, in English; and the external link form has no way to ask for a new tab. The
views below replace Wagtail's under the same addresses (cms.urls routes them ahead of the
admin), so the dialog's own links and form actions lead here. What the external link
form returns reaches the editor's link entity through `core/static/js/new-tab-links.js`
and is stored as `target="_blank"` (core.rich_text).
"""

from django import forms
from draftjs_exporter.dom import DOM
from wagtail.admin.forms.choosers import (
    AnchorLinkChooserForm,
    EmailLinkChooserForm,
    ExternalLinkChooserForm,
    PhoneLinkChooserForm,
)
from wagtail.admin.rich_text.converters.contentstate import link_entity as wagtail_link_entity
from wagtail.admin.rich_text.converters.html_to_contentstate import (
    ExternalLinkElementHandler,
    PageLinkElementHandler,
)
from wagtail.admin.rich_text.editors.draftail import features as draftail_features
from wagtail.admin.views import chooser
from wagtail.whitelist import check_url

from ..external_links import ExternalLinkHandler

LINK_TEXT = forms.CharField(
    label="Linktext",
    required=False,
    help_text="Leer lassen, um den markierten Text zu verlinken.",
)


class GermanExternalLinkForm(ExternalLinkChooserForm):
    link_text = LINK_TEXT
    new_tab = forms.BooleanField(
        label="In neuem Tab öffnen",
        required=False,
        help_text="Nur wenn nötig, etwa für ein Formular, das neben dem Text offen bleiben soll. "
        "Screenreader erfahren es automatisch.",
    )


class GermanAnchorLinkForm(AnchorLinkChooserForm):
    link_text = LINK_TEXT


class GermanEmailLinkForm(EmailLinkChooserForm):
    link_text = LINK_TEXT


class GermanPhoneLinkForm(PhoneLinkChooserForm):
    link_text = LINK_TEXT


class ExternalLinkView(chooser.ExternalLinkView):
    form_class = GermanExternalLinkForm

    def get_initial_data(self):
        # The editor passes `link_new_tab` when an existing link is opened again.
        return {**super().get_initial_data(), "new_tab": self.request.GET.get("link_new_tab") == "1"}

    def get_result_data(self):
        return {**super().get_result_data(), "new_tab": self.form.cleaned_data["new_tab"]}


class AnchorLinkView(chooser.AnchorLinkView):
    form_class = GermanAnchorLinkForm


class EmailLinkView(chooser.EmailLinkView):
    form_class = GermanEmailLinkForm


class PhoneLinkView(chooser.PhoneLinkView):
    form_class = GermanPhoneLinkForm


class NewTabExternalLinkElementHandler(ExternalLinkElementHandler):
    """Reads a stored external link into the editor, with its new-tab choice."""

    def get_attribute_data(self, attrs):
        data = super().get_attribute_data(attrs)
        if attrs.get("target") == "_blank":
            data["newTab"] = True
        return data


def link_entity(props):
    """Writes the editor's link into the stored HTML; only external links open a new tab."""
    if props.get("id") is None and props.get("newTab"):
        return DOM.create_element(
            "a", {"href": check_url(props.get("url")), "target": "_blank"}, props["children"]
        )
    return wagtail_link_entity(props)


def register_new_tab_links(features) -> None:
    """Replaces Wagtail's "link" feature of the editor with one that keeps the new-tab choice."""
    features.register_link_type(ExternalLinkHandler)
    # Read from the registry itself: get_editor_plugin() would scan the hooks again, from
    # inside this one.
    plugin = features.plugins_by_editor["draftail"]["link"]
    features.register_editor_plugin(
        "draftail",
        "link",
        draftail_features.EntityFeature(
            {**plugin.data, "attributes": [*plugin.data["attributes"], "newTab"]},
            js=[*plugin.js, "js/new-tab-links.js"],
            css=plugin.css,
        ),
    )
    features.register_converter_rule(
        "contentstate",
        "link",
        {
            "from_database_format": {
                "a[href]": NewTabExternalLinkElementHandler("LINK"),
                'a[linktype="page"]': PageLinkElementHandler("LINK"),
            },
            "to_database_format": {"entity_decorators": {"LINK": link_entity}},
        },
    )
