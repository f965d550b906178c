"""The English catalog covers every string of the website, and the catalogs compile the way
`make run` and `make test` compile them: with GNU gettext where it is installed, with polib
where it is not. The German catalog's own checks are in test_translations.py."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from cms.formats.de import formats as german
from cms.formats.en import formats as english

ENGLISH = settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")
# What a copy of the project for `make` and `makemessages` leaves out: local state and tools.
NOT_COPIED = shutil.ignore_patterns(".git", ".venv", "var", "node_modules", "__pycache__", "*.mo", ".*_cache")

needs_gettext = pytest.mark.skipif(
    shutil.which("xgettext") is None or shutil.which("msgfmt") is None,
    reason="GNU gettext is not installed (Debian package gettext; .ci/run installs it)",
)


def keys(catalog) -> set:
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in catalog}


def translations(catalog) -> dict:
    return {(entry.msgctxt, entry.msgid): (entry.msgstr, entry.msgstr_plural) for entry in catalog}


@pytest.fixture
def project_copy(tmp_path) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(settings.BASE_DIR, copy, ignore=NOT_COPIED)
    return copy


def run_make(directory: Path, *, path: str) -> subprocess.CompletedProcess:
    # `-o` keeps make from installing the virtual environment: this interpreter is the one.
    return subprocess.run(
        [shutil.which("make"), "-o", ".venv/.installed", "catalogs", f"PY={sys.executable}"],
        cwd=directory,
        # As on a newcomer's machine: manage.py's development settings, SQLite.
        env={"PATH": path, "DATABASE_URL": "sqlite:///:memory:"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def assert_compiled(directory: Path):
    for language in ("de", "en"):
        po = directory / "locale" / language / "LC_MESSAGES" / "django.po"
        mo = po.with_suffix(".mo")
        assert translations(polib.mofile(str(mo))) == translations(polib.pofile(str(po)).translated_entries())


def test_every_string_has_an_english_translation_and_none_is_fuzzy():
    catalog = polib.pofile(str(ENGLISH))

    assert [entry.msgid for entry in catalog.untranslated_entries()] == []
    assert [entry.msgid for entry in catalog.fuzzy_entries()] == []
    assert len(catalog) > 150


def test_every_translation_keeps_the_placeholders_of_its_german():
    for entry in polib.pofile(str(ENGLISH)):
        if entry.msgid_plural:
            pairs = [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for german_text, english_text in pairs:
            assert sorted(PLACEHOLDER.findall(german_text)) == sorted(PLACEHOLDER.findall(english_text)), (
                german_text
            )


@needs_gettext
def test_the_english_catalog_holds_every_string_of_the_code_and_no_other(project_copy):
    """`make messages` on a copy of the project finds exactly the strings the catalog has: a new
    or changed string in a template or in Python fails here until it is translated."""
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "--locale=en", "--no-obsolete", "--ignore=tests"],
        cwd=project_copy,
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite:///:memory:"},
        capture_output=True,
        check=True,
        timeout=120,
    )
    extracted = polib.pofile(str(project_copy / "locale" / "en" / "LC_MESSAGES" / "django.po"))

    catalog = polib.pofile(str(ENGLISH))
    assert sorted(keys(extracted) - keys(catalog), key=str) == [], (
        "new strings: run `make messages`, translate"
    )
    assert sorted(keys(catalog) - keys(extracted), key=str) == [], (
        "strings no longer used: run `make messages`"
    )


@needs_gettext
def test_make_compiles_the_catalogs_with_gnu_gettext(project_copy):
    result = run_make(project_copy, path="/usr/bin:/bin")

    assert "polib" not in result.stdout
    assert_compiled(project_copy)


def test_make_compiles_the_catalogs_with_polib_where_gnu_gettext_is_missing(project_copy, tmp_path):
    without_gettext = tmp_path / "bin"
    without_gettext.mkdir()

    result = run_make(project_copy, path=str(without_gettext))

    assert "msgfmt (GNU gettext) not found: compiling the catalogs with polib instead" in result.stdout
    assert_compiled(project_copy)


def test_the_mo_files_are_built_not_committed():
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", "locale/en/LC_MESSAGES/django.mo"], cwd=settings.BASE_DIR, check=False
    )

    assert ignored.returncode == 0


@pytest.mark.parametrize("name", [name for name in vars(german) if name.endswith("_FORMAT")])
def test_every_named_format_of_german_exists_in_english(name):
    """A format name a language lacks would be printed as it is ("DATE_WITH_WEEKDAY_FORMAT")."""
    assert isinstance(getattr(english, name, None), str)
