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

NOTES_HEADING = "Erläuterungen und Hinweise"
