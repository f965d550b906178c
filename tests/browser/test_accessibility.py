"""axe-core finds no WCAG 2.x A/AA violations on any page type of the demo site.

Each checked page is also saved as a full-page screenshot in var/screenshots/ (with its
accordions open), for reviewing the look without starting the server.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from . import pages

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
PAGES = [
    pytest.param(pages.HOME, 200, id="home"),
    pytest.param(pages.ARTICLES, 200, id="article-index"),
    pytest.param(pages.SEED_ARTICLE, 200, id="article"),
    pytest.param(pages.EVENTS, 200, id="event-index"),
    pytest.param(pages.KICKOFF_EVENT, 200, id="event"),
    pytest.param(pages.PROJECTS, 200, id="project-index"),
    pytest.param(pages.MODEL_PROJECT, 200, id="project"),
    pytest.param(pages.IMPRINT, 200, id="content-page"),
    pytest.param(pages.ACCESSIBILITY_STATEMENT, 200, id="accessibility-statement"),
    pytest.param(pages.BARRIER_REPORT, 200, id="barrier-report-form"),
    pytest.param(pages.BARRIER_REPORT_CONFIRMATION, 200, id="barrier-report-confirmation"),
    pytest.param(pages.EASY_LANGUAGE, 200, id="easy-language"),
    pytest.param(pages.EASY_LANGUAGE_NAVIGATION, 200, id="easy-language-page"),
    pytest.param(pages.SIGN_LANGUAGE, 200, id="sign-language"),
    pytest.param(pages.MISSING, 404, id="not-found"),
    pytest.param(pages.SEARCH, 200, id="search"),
    pytest.param("/en/suche/?q=event", 200, id="search-en"),
    *(pytest.param(path, 200, id=name) for name, path in pages.ENGLISH_PAGE_TYPES.items()),
]


@pytest.fixture(scope="session")
def axe() -> Axe:
    return Axe()


def describe(violations: list[dict]) -> str:
    """One block per violation with the selectors of the offending nodes, ready to fix."""
    lines = []
    for violation in violations:
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


def save_screenshot(page: Page, directory, name: str) -> None:
    # Lazy images below the fold would stay blank in a full-page capture.
    page.evaluate(
        """() => Promise.all([...document.images].map(img => {
            img.loading = "eager";
            return img.complete ? null : new Promise(done => { img.onload = img.onerror = done; });
        }))"""
    )
    page.screenshot(path=directory / f"{name}.png", full_page=True)


@pytest.mark.parametrize(("path", "status"), PAGES)
def test_axe_finds_no_wcag_violations(page: Page, axe, screenshot_dir, request, path, status):
    response = page.goto(path)
    assert response.status == status

    # axe skips what a closed accordion hides, so the notes are checked opened.
    page.evaluate("document.querySelectorAll('details').forEach(details => { details.open = true; })")
    results = axe.run(page, options=AXE_OPTIONS)

    save_screenshot(page, screenshot_dir, request.node.callspec.id)
    assert results.violations_count == 0, describe(results.response["violations"])
