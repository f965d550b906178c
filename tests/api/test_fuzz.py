"""The short version of `make fuzz`: schemathesis sends a few dozen generated requests per
operation of the OpenAPI document, valid and invalid, to gunicorn with production settings
on PostgreSQL with the demo content (fuzz/run.py), and no check may fail: no server error,
no answer the document does not describe, no valid request refused and no invalid one
accepted."""

import subprocess
import sys

import pytest

from api.openapi import build_openapi
from fuzz.run import BASE_DIR, drop_database
from tests.deploy.processes import database_url

pytestmark = pytest.mark.django_db

CASES_PER_OPERATION = 30
# Repeatable in the suite; `make fuzz` draws a new seed each run.
SEED = 20261204


@pytest.fixture
def fuzz_database_url():
    """A database of its own beside the test database, which the run creates and fills."""
    url = database_url() + "_fuzz"
    yield url
    drop_database(url)


def test_generated_requests_get_the_answers_the_document_promises(fuzz_database_url):
    completed = subprocess.run(
        [
            sys.executable,
            *("-m", "fuzz.run"),
            "--database-url",
            fuzz_database_url,
            "--max-examples",
            str(CASES_PER_OPERATION),
            "--seed",
            str(SEED),
        ],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert completed.returncode == 0, completed.stdout[-20000:] + completed.stderr[-5000:]
    operations = sum(len(methods) for methods in build_openapi()["paths"].values())
    assert f"Tested: {operations}\n" in completed.stdout
