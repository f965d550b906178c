"""Test settings: the suite runs on PostgreSQL, the production engine.

``make test`` provides DATABASE_URL (the one it is given, or a throwaway server it
starts); running pytest against SQLite by accident is refused here rather than
passing silently on the wrong engine.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, VAR_DIR

SECRET_KEY = "test-only-insecure-key"
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]
DEBUG = False
ALLOWED_HOSTS = ["localhost", "testserver", "127.0.0.1"]
# The webhook tests' receiver listens on this machine (webhooks.addresses).
WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]

if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured(
        "The tests run on PostgreSQL. Use `make test`, which starts a throwaway "
        "server, or set DATABASE_URL to a PostgreSQL database."
    )

MEDIA_ROOT = VAR_DIR / "test-media"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The admin tests sign in superusers without a second factor; the two-factor tests switch the
# requirement on, and the tests of gunicorn with production settings get it as production does.
TWO_FACTOR_REQUIRED = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
# Query-count and contract tests measure the real work of each request; the tests of
# the response cache itself switch it on.
API_RESPONSE_CACHE = False
# The same for the parts of pages kept per content change (core.fragments): off, so that tests
# may create live pages with factories, which publish nothing and so move no content version;
# tests/cms/test_fragments.py and the query budgets switch it on.
FRAGMENT_CACHE = False
# Tasks run inside the request, so each test sees their effect at once; the tests of
# the worker and of webhooks switch to the database backend themselves.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
