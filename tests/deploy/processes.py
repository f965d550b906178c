"""Starting the stack's processes on this machine, pointed at the test database."""

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.db import connection

from tests.deploy.compose import PROJECT_DIR, service_command
from tests.s3 import free_port

STARTUP_TIMEOUT = 60

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


@dataclass(frozen=True)
class WebProcess:
    url: str
    pid: int  # gunicorn's master (deploy/start-web.sh execs it)
    process: subprocess.Popen


@contextmanager
def web_process(environment: dict[str, str], log_path: Path):
    """One web container's process, started as docker-compose.yml starts it
    (deploy/start-web.sh: migrate, then gunicorn) on a free port, once it answers
    /healthz; always stopped."""
    port = free_port()
    with log_path.open("w") as log:
        process = subprocess.Popen(
            service_command("web"),
            cwd=PROJECT_DIR,
            env={**environment, "PORT": str(port)},
            stdout=log,
            stderr=subprocess.STDOUT,
            # Its own process group: stopping it stops gunicorn's workers too.
            start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_serving(process, url, log_path)
        yield WebProcess(url, process.pid, process)
    finally:
        stop(process)


def wait_until_serving(process: subprocess.Popen, url: str, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the web process ended with {process.returncode}:\n{log_path.read_text()}")
        try:
            # The first request also loads the application into gunicorn's worker.
            requests.get(f"{url}/healthz", timeout=10)
            return
        except requests.ConnectionError:
            time.sleep(0.1)
    pytest.fail(f"the web process did not answer within {STARTUP_TIMEOUT} s:\n{log_path.read_text()}")
