"""Development settings: the embedded default behind ``make run``."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, VAR_DIR
from .env import env_bool, env_list, env_str

DEBUG = env_bool("DJANGO_DEBUG", default=True)
# A fixed key is acceptable only here: these settings never serve real users.
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Barrier reports show up in the console of `make run`.
BARRIER_REPORT_EMAIL = env_list("BARRIER_REPORT_EMAIL", default=["barrierefreiheit@localhost"])
# The development admin of `make run` signs in with its password alone (production requires a
# second factor for superusers; see base.py).
TWO_FACTOR_REQUIRED = False
# Parts of pages are worked out afresh on every request here (core.fragments): a template being
# edited shows its change on the next reload, which runserver does not restart for.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", default=False)
# `load_demo_content`; the demo and the factories it uses are not part of production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]

# The SQLite file and uploads live in var/, which git ignores.
VAR_DIR.mkdir(parents=True, exist_ok=True)

# The example app (examples/app/, served with `make example-app` on port 8001) may read
# the API from the browser and shows the admin's "App-Vorschau".
EXAMPLE_APP_ORIGIN = "http://localhost:8001"
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS", [EXAMPLE_APP_ORIGIN])
HEADLESS_PREVIEW_URL = env_str("HEADLESS_PREVIEW_URL", EXAMPLE_APP_ORIGIN + "/?preview={token}")
