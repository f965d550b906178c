"""Container health checks of the production stack (docker-compose.yml).

    python deploy/healthcheck.py web        GET /healthz of this container's gunicorn
    python deploy/healthcheck.py worker     no background task waits longer than it should
    python deploy/healthcheck.py scheduler  no go-live or expiry date is overdue

Exit status 0 means healthy. The image has no curl, hence Python.

The web check asks the app itself, which checks its database, cache and storage: it is
healthy while /healthz answers 200, "ok" or "degraded" (cache or storage down, pages still
served), and not with a 503 (database down).
The worker and the scheduler have no port to ask; their checks look at the work they
exist to do instead: a task queue that nobody empties, or a page whose publishing date
passed minutes ago, means the service is stuck or gone, whatever its process says.
"""

import datetime
import os
import sys
import urllib.request
from pathlib import Path

# Longer than a worker takes to pick up a task (it polls every second) and than the
# scheduler's one-minute cycle, with room for a slow pass.
OVERDUE_AFTER = datetime.timedelta(minutes=5)


def web() -> bool:
    """Asks /healthz with a host name the site accepts (Django refuses other hosts)."""
    allowed = [host.strip() for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",")]
    host = next((host for host in allowed if host and not host.startswith((".", "*"))), "localhost")
    request = urllib.request.Request(
        f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz", headers={"Host": host}
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status == 200
    except OSError:  # refused, timed out, or an error status such as 503
        return False


def _setup_django() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")
    import django

    django.setup()


def worker() -> bool:
    _setup_django()
    from django.db.models import Q
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    overdue = timezone.now() - OVERDUE_AFTER
    # A task without a start time carries the largest date; it is due since it was queued.
    waiting_since = Q(run_after=get_date_max(), enqueued_at__lt=overdue) | Q(run_after__lt=overdue)
    return not DBTaskResult.objects.ready().filter(waiting_since).exists()


def scheduler() -> bool:
    _setup_django()
    from django.utils import timezone
    from wagtail.models import Page, Revision

    overdue = timezone.now() - OVERDUE_AFTER
    return not (
        Revision.objects.filter(approved_go_live_at__lt=overdue).exists()
        or Page.objects.live().filter(expire_at__lt=overdue).exists()
    )


CHECKS = {"web": web, "worker": worker, "scheduler": scheduler}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in CHECKS:
        sys.exit(f"usage: {sys.argv[0]} {'|'.join(CHECKS)}")
    sys.exit(0 if CHECKS[sys.argv[1]]() else 1)
