"""/healthz: whether this web process can serve, for load balancers and container checks.

Each dependency is checked for real and reported with its time:
- database: a round trip; without it nothing works, so a failure is a 503 and the load
  balancer takes the process out of rotation.
- storage: the media storage answers (S3: the bucket is reachable with the configured
  credentials; local files: the folder is writable). Pages still render without it (they
  leave out images whose renditions cannot be made), only uploads fail: "degraded", 200.
  Every web process shares the storage, so a 503 would take all of them out at once.
- cache: a write and a read; the site stays correct without it, only slower: "degraded".

It is answered by `HealthCheckMiddleware`, ahead of the middleware that checks the Host
header: load balancers and Varnish's health probes ask a container by its address
(`http://172.31.240.5:8000/healthz`), which ALLOWED_HOSTS rightly refuses for everything else.

The address is public, so the answer holds statuses and timings only: an exception's
text may name the database host, the S3 endpoint or the bucket. Why a check failed goes
to the log, with the traceback.
"""

import logging
import os
import time
import uuid

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

PROBE_NAME = "healthz-probe"

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _storage():
    # S3 storage has a "location" too (a key prefix, usually empty): ask by type.
    if isinstance(default_storage, FileSystemStorage):
        location = default_storage.location
        if not (os.path.isdir(location) and os.access(location, os.W_OK)):
            raise OSError(f"media folder {location} is missing or not writable")
        return
    # Remote storage: asking for an object proves the endpoint, bucket and credentials.
    default_storage.exists(PROBE_NAME)


def _cache():
    key, value = f"healthz:{uuid.uuid4().hex}", "ok"
    cache.set(key, value, 10)
    if cache.get(key) != value:
        raise ConnectionError("the cache did not return what was just written")
    cache.delete(key)


# Each check by name, with whether the process needs what it checks to serve at all.
CHECKS = {"database": (_database, True), "storage": (_storage, False), "cache": (_cache, False)}


def _run(name, check, essential) -> dict:
    started = time.perf_counter()
    try:
        check()
    except Exception as error:  # any failure is the answer here, not a crash
        ok = False
        logger.log(
            logging.ERROR if essential else logging.WARNING,
            "Health check %s failed: %s: %s",
            name,
            type(error).__name__,
            error,
            exc_info=error,
        )
    else:
        ok = True
    return {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1)}


@never_cache
@require_GET
def healthz(request):
    results = {name: _run(name, check, essential) for name, (check, essential) in CHECKS.items()}
    essential_down = any(not results[name]["ok"] for name, (_, essential) in CHECKS.items() if essential)
    if essential_down:
        status, code = "error", 503
    elif all(result["ok"] for result in results.values()):
        status, code = "ok", 200
    else:
        status, code = "degraded", 200
    return JsonResponse({"status": status, "checks": results}, status=code)


class HealthCheckMiddleware:
    """Serves /healthz before anything reads the Host header (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return healthz(request)
        return self.get_response(request)
