"""Addresses of the demo site the browser tests visit."""

HOME = "/"
ARTICLES = "/aktuelles/"
SEED_ARTICLE = "/aktuelles/live-auftakt-von-smart-wuppertal/"
EVENTS = "/veranstaltungen/"
KICKOFF_EVENT = "/veranstaltungen/auftakt-smart-city-wuppertal/"
PROJECTS = "/projekte/"
MODEL_PROJECT = "/projekte/modellprojekt-smart-city-wuppertal/"
IMPRINT = "/impressum/"
ACCESSIBILITY_STATEMENT = "/barrierefreiheit/"
BARRIER_REPORT = "/barriere-melden/"
BARRIER_REPORT_CONFIRMATION = "/barriere-melden/danke/"
EASY_LANGUAGE = "/leichte-sprache/"
EASY_LANGUAGE_NAVIGATION = "/leichte-sprache/so-benutzen-sie-die-website/"
SIGN_LANGUAGE = "/gebaerdensprache/"
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
    "content-page": IMPRINT,
    "accessibility-statement": ACCESSIBILITY_STATEMENT,
    "barrier-report-form": BARRIER_REPORT,
    "easy-language": EASY_LANGUAGE,
    "sign-language": SIGN_LANGUAGE,
}

# The English versions of the demo (demo/english.py): one page of each type that has one.
ENGLISH_PAGE_TYPES = {
    "home-en": "/en/",
    "article-index-en": "/en/news/",
    "article-en": "/en/news/live-kickoff-of-smart-wuppertal/",
    "event-index-en": "/en/events/",
    "event-en": "/en/events/kickoff-smart-city-wuppertal/",
    "project-index-en": "/en/projects/",
    "project-en": "/en/projects/smart-city-wuppertal-model-project/",
    "content-page-en": "/en/about-the-project/",
    "accessibility-statement-en": "/en/accessibility/",
    "barrier-report-form-en": "/en/report-a-barrier/",
}

NOTES_HEADING = "Erläuterungen und Hinweise"
