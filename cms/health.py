"""/healthz: whether this web process can serve, for load balancers and container checks.

Each dependency is checked for real and reported with its time:
- database: a round trip; without it nothing works, so a failure is a 503.
- storage: the media storage answers (S3: the bucket is reachable with the configured
  credentials; local files: the folder is writable); without it uploads fail: 503.
- cache: a write and a read; the site stays correct without it, only slower, so a
  failure is reported as "degraded" with a 200.
"""

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


CHECKS = {"database": (_database, True), "storage": (_storage, True), "cache": (_cache, False)}


def _run(check) -> dict:
    started = time.perf_counter()
    try:
        check()
    except Exception as error:  # any failure is the answer here, not a crash
        result = {"ok": False, "error": f"{type(error).__name__}: {error}"}
    else:
        result = {"ok": True}
    result["ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


@never_cache
@require_GET
def healthz(request):
    results = {name: _run(check) for name, (check, _) in CHECKS.items()}
    essential_down = any(not results[name]["ok"] for name, (_, essential) in CHECKS.items() if essential)
    if essential_down:
        status, code = "error", 503
    elif all(result["ok"] for result in results.values()):
        status, code = "ok", 200
    else:
        status, code = "degraded", 200
    return JsonResponse({"status": status, "checks": results}, status=code)
