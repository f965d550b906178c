"""Addresses of the demo site the browser tests visit."""

HOME = "/"
ARTICLES = "/aktuelles/"
SEED_ARTICLE = "/aktuelles/live-auftakt-von-smart-wuppertal/"
EVENTS = "/veranstaltungen/"
KICKOFF_EVENT = "/veranstaltungen/auftakt-smart-city-wuppertal/"
PROJECTS = "/projekte/"
MODEL_PROJECT = "/projekte/modellprojekt-smart-city-wuppertal/"
ACCESSIBILITY_STATEMENT = "/barrierefreiheit/"
MISSING = "/diese-seite-gibt-es-nicht/"
SEARCH = "/suche/?q=Veranstaltung"

# One page of each page type, with the test id each is shown under.
PAGE_TYPES = {
    "home": HOME,
    "article-index": ARTICLES,
    "article": SEED_ARTICLE,
    "event-index": EVENTS,
    "event": KICKOFF_EVENT,
    "project-index": PROJECTS,
    "project": MODEL_PROJECT,
    "content-page": ACCESSIBILITY_STATEMENT,
}

NOTES_HEADING = "Erläuterungen und Hinweise"
