"""A real S3 endpoint for the media tests (tests/s3.py): one moto server for the whole run,
and a fresh media bucket for each test that asks for `bucket`, deleted afterwards."""

import pytest

from tests.s3 import delete_bucket, moto_server, use_bucket


@pytest.fixture(scope="session")
def s3_endpoint():
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """The media storage pointed at a new bucket (the settings a deployment sets); a client."""
    client = use_bucket(settings, monkeypatch, s3_endpoint)
    yield client
    delete_bucket(client)
