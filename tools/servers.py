"""What the benchmark (bench/run.py) and the fuzz run (fuzz/run.py) share: a throwaway
PostgreSQL database, free ports, and the app under gunicorn with production settings,
started in a session of its own and stopped with everything it forked.

Run those scripts as modules from the project's folder (`python -m bench.run`), so that
this package is importable; `make bench` and `make fuzz` do.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import dj_database_url
import psycopg2
from psycopg2 import sql

BASE_DIR = Path(__file__).resolve().parent.parent


class ServerError(Exception):
    """A step failed in a way the person running the script must see; the message says which."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


# Databases


def recreate_database(url: str, marker: str) -> None:
    """Drops and creates the database of `url`, whose name must contain `marker` ("bench",
    "fuzz"): a name without it is more likely a typo than a database to lose."""
    _on_server(url, marker, "DROP DATABASE IF EXISTS {} WITH (FORCE)", "CREATE DATABASE {}")


def drop_database(url: str, marker: str) -> None:
    _on_server(url, marker, "DROP DATABASE IF EXISTS {} WITH (FORCE)")


def _on_server(url: str, marker: str, *statements: str) -> None:
    """Runs statements about the database of `url` on its server's `postgres` database."""
    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise ServerError(f"This needs PostgreSQL, not {config['ENGINE']}.")
    name = config["NAME"]
    if marker not in name:
        raise ServerError(f"Refusing to drop the database {name!r}: its name must contain {marker!r}.")
    connection = psycopg2.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
    )
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(sql.SQL(statement).format(sql.Identifier(name)))
    finally:
        connection.close()


# Processes


def start(args: list[str], log_path: Path, env: dict[str, str]) -> subprocess.Popen:
    """Starts a server in a session of its own, so that stopping it reaches the workers it
    forks, and a Ctrl-C in the terminal reaches only the script, which then stops it."""
    with log_path.open("wb") as log:
        return subprocess.Popen(
            args, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=BASE_DIR, start_new_session=True
        )


def stop(process: subprocess.Popen, timeout: float = 15) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def fetch(url: str, timeout: float = 30) -> bytes:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        raise ServerError(f"{url} answered {error.code}: {error.read()[:500]!r}") from None


def wait_until_serving(url: str, process: subprocess.Popen, log_path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise ServerError(f"{process.args[0]} stopped at start-up. Its log ends:\n{tail(log_path)}")
        try:
            fetch(url)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if time.monotonic() > deadline:
                raise ServerError(f"Nothing answered at {url} within {timeout:.0f} s.") from None
            time.sleep(0.2)


def start_gunicorn(env: dict[str, str], port: int, workers: int, log_path: Path, ready_path: str):
    """The app with `workers` sync workers on 127.0.0.1:`port`, once `ready_path` answers."""
    args = [
        sys.executable,
        *("-m", "gunicorn", "cms.wsgi:application"),
        *("--workers", str(workers), "--worker-class", "sync"),
        *("--bind", f"127.0.0.1:{port}"),
        # Several runs on one machine would share the default control socket in ~/.gunicorn.
        "--no-control-socket",
        *("--graceful-timeout", "5"),
    ]
    process = start(args, log_path, env)
    try:
        wait_until_serving(f"http://127.0.0.1:{port}{ready_path}", process, log_path)
    except ServerError:
        stop(process)
        raise
    return process
