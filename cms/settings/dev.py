"""Development settings: the embedded default behind ``make run``."""

from .base import *  # noqa: F403
from .base import VAR_DIR
from .env import env_bool, env_str

DEBUG = env_bool("DJANGO_DEBUG", default=True)
# A fixed key is acceptable only here: these settings never serve real users.
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The SQLite file and uploads live in var/, which git ignores.
VAR_DIR.mkdir(parents=True, exist_ok=True)
