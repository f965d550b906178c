"""Fuzzing of the headless API against its own OpenAPI document: schemathesis sends generated
requests (valid ones, and in negative mode ones the document forbids) to every operation of
/api/v2/openapi.json, served by gunicorn with production settings on PostgreSQL with the demo
content, and runs all its checks on the answers.

    .venv/bin/python -m fuzz.run                      # `make fuzz`: 1,000 cases per operation
    .venv/bin/python -m fuzz.run --max-examples 30    # the short run tests/api/test_fuzz.py makes

It creates the database it is given (the name must contain "fuzz", as it is dropped first),
migrates it, loads the demo content, serves it and exits with schemathesis' status: 0 when no
check failed. The findings are printed by schemathesis, with a curl line for each.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from tools import servers
from tools.servers import BASE_DIR, ServerError, free_port, stop, tail

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/cms_fuzz"
CONFIG_FILE = Path(__file__).resolve().with_name("schemathesis.toml")
SCHEMA_PATH = "/api/v2/openapi.json"
# Where fuzz/hooks.py writes the reports it drops, one JSON line each.
DROPPED_REPORTS = "FUZZ_DROPPED_REPORTS"


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def drop_database(url: str) -> None:
    servers.drop_database(url, marker="fuzz")


def production_environment(database_url: str, var_dir: Path, port: int) -> dict[str, str]:
    """Production settings as a deployment sets them, on plain http on the loopback; the
    developer's own DJANGO_* and the like must not leak in."""
    own_prefixes = ("DJANGO_", "AWS_", "API_", "DATABASE_", "REDIS_", "CMS_", "TASKS_", "SCHEMATHESIS_")
    inherited = {key: value for key, value in os.environ.items() if not key.startswith(own_prefixes)}
    return {
        **inherited,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": "fuzz-run-" + "k" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        # TLS ends in a proxy in front of gunicorn in production; schemathesis speaks plain http.
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "CMS_VAR_DIR": str(var_dir),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
    }


def prepare(environment: dict[str, str], port: int) -> None:
    """Collect the static files, migrate, load the demo content and point the site at the
    server, with the production settings plus the demo app (fuzz.settings), which production
    does not install; tasks (search indexing) run at once, as no worker runs."""
    loading = {**environment, "DJANGO_SETTINGS_MODULE": "fuzz.settings", "TASKS_BACKEND": "immediate"}
    for command in (
        # The static files with hashed names, as the image holds them (Dockerfile): without
        # them, any HTML page production serves fails.
        ["collectstatic", "--no-input", "--verbosity", "0"],
        ["migrate", "--no-input", "--verbosity", "0"],
        ["load_demo_content"],
        ["site_address", f"http://127.0.0.1:{port}"],
    ):
        completed = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=BASE_DIR,
            env=loading,
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            raise ServerError(f"manage.py {command[0]} failed:\n{completed.stdout}{completed.stderr}")


def schemathesis_command(port: int, max_examples: int, seed: int | None, report_dir: Path) -> list[str]:
    executable = shutil.which("schemathesis", path=str(Path(sys.executable).parent)) or "schemathesis"
    command = [
        executable,
        "--config-file",
        str(CONFIG_FILE),
        "run",
        f"http://127.0.0.1:{port}{SCHEMA_PATH}",
        "--checks",
        "all",
        # Valid requests, which must be answered, and invalid ones, which must be refused.
        "--mode",
        "all",
        "--max-examples",
        str(max_examples),
        "--workers",
        "2",
        # Every failure of every operation is reported, not only the first.
        "--continue-on-failure",
        "--generation-database",
        "none",
        "--no-color",
        "--report",
        "junit",
        "--report-dir",
        str(report_dir),
    ]
    if seed is not None:
        command += ["--seed", str(seed)]
    return command


def schemathesis_environment(dropped: Path) -> dict[str, str]:
    inherited = {key: value for key, value in os.environ.items() if not key.startswith("SCHEMATHESIS_")}
    # The document's rules in words (fuzz/hooks.py), imported from BASE_DIR.
    return {**inherited, "SCHEMATHESIS_HOOKS": "fuzz.hooks", DROPPED_REPORTS: str(dropped)}


def dropped_summary(dropped: Path) -> str:
    """How many reports fuzz/hooks.py dropped, by rule."""
    if not dropped.exists():
        return "fuzz/hooks.py dropped no report."
    rules = Counter(json.loads(line)["rule"] for line in dropped.read_text().splitlines())
    lines = [f"fuzz/hooks.py dropped {rules.total()} reports (each in {dropped}):"]
    lines += [f"  {count:5d}  {rule}" for rule, count in rules.most_common()]
    return "\n".join(lines)


def fuzz(
    database_url: str,
    max_examples: int,
    seed: int | None = None,
    workers: int = 2,
    report_dir: Path | None = None,
) -> int:
    """The whole run; schemathesis' exit status."""
    servers.recreate_database(database_url, marker="fuzz")
    with tempfile.TemporaryDirectory(prefix="cms-fuzz-") as var_dir:
        port = free_port()
        environment = production_environment(database_url, Path(var_dir), port)
        started = time.monotonic()
        prepare(environment, port)
        say(f"Database migrated and demo content loaded in {time.monotonic() - started:.0f} s.")
        log_path = Path(var_dir) / "gunicorn.log"
        server = servers.start_gunicorn(environment, port, workers, log_path, SCHEMA_PATH)
        report_dir = report_dir or Path(var_dir) / "report"
        report_dir.mkdir(parents=True, exist_ok=True)
        dropped = report_dir / "dropped.ndjson"
        dropped.unlink(missing_ok=True)
        try:
            started = time.monotonic()
            completed = subprocess.run(
                schemathesis_command(port, max_examples, seed, report_dir),
                cwd=BASE_DIR,
                env=schemathesis_environment(dropped),
                check=False,
            )
            say(f"Fuzzing took {time.monotonic() - started:.0f} s ({max_examples} cases per operation).")
            say(dropped_summary(dropped))
        finally:
            stop(server)
        if completed.returncode != 0:
            say(f"The server's log ends:\n{tail(log_path)}")
        return completed.returncode


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Fuzz the API against its OpenAPI document (fuzz/run.py).")
    parser.add_argument(
        "--database-url",
        default=DEFAULT_DATABASE_URL,
        help=f"PostgreSQL database to create and fill, dropped first (default {DEFAULT_DATABASE_URL})",
    )
    parser.add_argument(
        "--max-examples", type=int, default=1000, help="generated cases per operation (default 1000)"
    )
    parser.add_argument("--seed", type=int, help="schemathesis' seed, to repeat a run")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--report-dir", type=Path, help="where to keep the JUnit report (default: dropped)")
    args = parser.parse_args(argv)
    try:
        return fuzz(args.database_url, args.max_examples, args.seed, args.workers, args.report_dir)
    except ServerError as error:
        sys.stderr.write(f"{error}\n")
        return 2


if __name__ == "__main__":
    sys.exit(main())
