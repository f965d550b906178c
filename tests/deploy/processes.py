"""Starting the stack's processes on this machine, pointed at the test database."""

import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

from django.db import connection

# Variables the stack's .env sets; the developer's own values must not leak in.
STACK_PREFIXES = ("DJANGO_", "AWS_", "API_", "DATABASE_", "REDIS_", "CMS_", "TASKS_")


def database_url() -> str:
    """The test database, as a DATABASE_URL the processes read."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    # A socket directory as host is percent-encoded, as dj-database-url expects.
    host = quote(db["HOST"] or "", safe="")
    port = f":{db['PORT']}" if db["PORT"] else ""
    return f"postgres://{credentials}@{host}{port}/{db['NAME']}"


def production_environment(**variables: str) -> dict[str, str]:
    """The environment of a container of the stack: production settings on the test
    database, plus the given variables."""
    inherited = {key: value for key, value in os.environ.items() if not key.startswith(STACK_PREFIXES)}
    return {
        **inherited,
        # python and gunicorn from this virtualenv, as they are on the image's PATH.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": "stack-processes-test-" + "k" * 40,
        "DATABASE_URL": database_url(),
        **variables,
    }


def stop(process: subprocess.Popen) -> None:
    """Stops a process started with start_new_session=True, and everything it started."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
