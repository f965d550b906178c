"""The layers of the code (README, "What is inside") hold: import-linter's contracts in
pyproject.toml pass on the project, and name the offending import when one breaks them."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = [
    "cms", "demo", "webhooks", "preview", "api", "delivery",
    "home", "alerts", "accessibility", "articles", "events", "projects", "core", "media", "shapes",
    "content_safety", "cachetags",
]  # fmt: skip


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )


@pytest.fixture
def copy_of_the_project(tmp_path) -> Path:
    """The packages and the contracts, to break in a copy rather than in the working tree."""
    for package in PACKAGES:
        shutil.copytree(
            PROJECT_DIR / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(PROJECT_DIR / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_project_keeps_its_contracts():
    result = lint_imports(PROJECT_DIR)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_the_core_importing_the_api_is_named(copy_of_the_project):
    (copy_of_the_project / "core" / "shortcut.py").write_text("from api.router import api_router\n")

    result = lint_imports(copy_of_the_project)

    assert result.returncode == 1
    assert "core is not allowed to import api" in result.stdout
    assert "core.shortcut -> api.router (l.1)" in result.stdout


def test_the_core_importing_the_accessibility_app_is_named(copy_of_the_project):
    """The header and footer find its pages by their addresses, never through its models."""
    (copy_of_the_project / "core" / "report_link.py").write_text("from accessibility import models\n")

    result = lint_imports(copy_of_the_project)

    assert result.returncode == 1
    assert "core is not allowed to import accessibility" in result.stdout


def test_a_page_app_importing_delivery_is_named(copy_of_the_project):
    (copy_of_the_project / "events" / "purge.py").write_text("from delivery import frontend_cache\n")

    result = lint_imports(copy_of_the_project)

    assert result.returncode == 1
    assert "events is not allowed to import delivery" in result.stdout


def test_a_circle_inside_a_package_is_named(copy_of_the_project):
    (copy_of_the_project / "events" / "ical.py").write_text(
        (PROJECT_DIR / "events" / "ical.py").read_text() + "\nfrom .models import EventPage  # noqa\n"
    )

    result = lint_imports(copy_of_the_project)

    assert result.returncode == 1
    assert "No cycles are allowed in events" in result.stdout
