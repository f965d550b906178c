"""The site as a WSGI application inside a test, for clients that speak WSGI rather than
Django's test client (schemathesis, httpx.WSGITransport)."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections


@contextmanager
def site_in_test_transaction() -> Iterator[WSGIHandler]:
    """The site seeing the test's data. Django's test client keeps the test's transaction
    open across requests, and so must this: a plain WSGI handler would close the database
    connection after each request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield WSGIHandler()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
