"""Production settings: refuse to start without the secrets a real site needs."""

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES, TASK_BACKENDS
from .env import env_bool, env_choice, env_int, env_required

SECRET_KEY = env_required("DJANGO_SECRET_KEY")
DEBUG = env_bool("DJANGO_DEBUG", default=False)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Container and load balancer health checks talk plain HTTP to the process itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Each gunicorn worker keeps its database connection for a minute of requests instead
# of opening one per request; Django checks it before reuse (CONN_HEALTH_CHECKS).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)

# Tasks go to the worker: a request never waits for indexing, webhooks or purges.
TASKS = {"default": {"BACKEND": env_choice("TASKS_BACKEND", TASK_BACKENDS, default="database")}}

# Static files: collectstatic (run when the image is built) writes names with a content
# hash and compressed copies, so whitenoise can let browsers keep them for a year.
# Only here: development and the tests never run collectstatic.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}
