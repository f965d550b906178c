"""What docker-compose.yml runs, for tests that start the same processes on this machine.

Tests of the web, worker and scheduler processes take their command from here, so a
change to the compose file is a change to what the tests run.
"""

import shlex
from functools import cache
from pathlib import Path

import yaml

PROJECT_DIR = Path(__file__).resolve().parents[2]
COMPOSE_FILE = PROJECT_DIR / "docker-compose.yml"


@cache
def compose_file() -> dict:
    """docker-compose.yml as YAML reads it (anchors and merge keys resolved)."""
    return yaml.safe_load(COMPOSE_FILE.read_text())


def service(name: str) -> dict:
    return compose_file()["services"][name]


def service_command(name: str) -> list[str]:
    """The command a service runs, as an argument list; run it with PROJECT_DIR as the
    working directory (the image's WORKDIR holds the same files)."""
    command = service(name)["command"]
    return shlex.split(command) if isinstance(command, str) else list(command)
