"""The project's corrections to Wagtail's German stay in force and in step with Wagtail.

The catalogue locale/de/LC_MESSAGES/django.po holds only those corrections: the website's
msgids are German already (the English catalog's checks are in test_catalogs.py). `make
catalogs` compiles both to the .mo files Django reads. Wagtail templates with English written
into them are copied to core/templates/ with only those words changed.
"""

from pathlib import Path

import polib
import pytest
import wagtail
from django.conf import settings
from django.template.loader import get_template
from django.utils import translation

import core

CATALOGUE = settings.BASE_DIR / "locale" / "de" / "LC_MESSAGES" / "django"
WAGTAIL_TEMPLATES = Path(wagtail.__file__).parent / "admin" / "templates"
CORE_TEMPLATES = Path(core.__file__).parent / "templates"

# Each overridden Wagtail template with what the project changes in it: Wagtail's text, ours.
TEMPLATE_FIXES = {
    "wagtailadmin/shared/headers/_actions.html": [
        ("{# Actions divider #}", "{% load i18n %}\n{# Actions divider #}"),
        ('aria-label="Actions"', "aria-label=\"{% trans 'Actions' %}\""),
    ],
    "wagtailadmin/shared/header.html": [('value="Search"', "value=\"{% trans 'Search' %}\"")],
    "wagtailadmin/home.html": [('value="Search"', "value=\"{% trans 'Search' %}\"")],
    # "Seite auswählen" without the subtitle "Seite" when any page may be chosen.
    "wagtailadmin/chooser/browse.html": [
        (
            '    {% trans "Choose" as choose_str %}\n{% else %}',
            '    {% trans "Choose" as choose_str %}\n'
            '    {% firstof page_type_names|join:", " as subtitle %}\n'
            "{% else %}",
        ),
        ('subtitle=page_type_names|join:", "', "subtitle=subtitle"),
    ],
    # No "None" for a page published by the scheduler, which has no user.
    "wagtailadmin/shared/user_avatar.html": [("{{ user }}", '{{ user|default_if_none:"" }}')],
    # No "None" in the side panel buttons' counters before their scripts fill them in.
    "wagtailadmin/shared/side_panel_toggle.html": [
        ("{{ count|intcomma }}", "{% if count %}{{ count|intcomma }}{% endif %}")
    ],
}


def entries(catalogue) -> dict:
    return {(entry.msgctxt, entry.msgid): (entry.msgstr, entry.msgstr_plural) for entry in catalogue}


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_compiled_catalogue_says_what_the_po_says(language):
    catalogue = settings.BASE_DIR / "locale" / language / "LC_MESSAGES" / "django"
    po = polib.pofile(f"{catalogue}.po")
    mo = polib.mofile(f"{catalogue}.mo")

    assert entries(mo) == entries(po.translated_entries()), "run `make catalogs`"


def test_every_correction_is_translated_and_none_is_fuzzy():
    po = polib.pofile(f"{CATALOGUE}.po")

    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []


def test_every_correction_names_a_string_wagtail_still_uses():
    used = set()
    for path in Path(wagtail.__file__).parent.glob("**/locale/en/LC_MESSAGES/django.po"):
        used |= {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path))}

    stale = [
        msgid for context, msgid in entries(polib.pofile(f"{CATALOGUE}.po")) if (context, msgid) not in used
    ]

    assert stale == []


def test_the_corrections_are_in_force():
    with translation.override("de"):
        assert translation.gettext("Submit for moderation") == "Zur Freigabe einreichen"


@pytest.mark.parametrize("name", TEMPLATE_FIXES)
def test_an_overridden_wagtail_template_differs_from_wagtails_only_by_the_fixes(name):
    expected = (WAGTAIL_TEMPLATES / name).read_text()
    for wagtails, ours in TEMPLATE_FIXES[name]:
        assert expected.count(wagtails) == 1, f"Wagtail changed {name}: copy it again and reapply the fix"
        expected = expected.replace(wagtails, ours)

    template = get_template(name)

    assert template.origin.name == str(CORE_TEMPLATES / name)
    assert Path(template.origin.name).read_text() == expected
