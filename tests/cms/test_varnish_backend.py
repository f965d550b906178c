"""The purge backend gives up on a Varnish that does not answer, instead of holding up
the worker's other tasks."""

import logging
import socket
import time

import pytest

from delivery.frontend_cache import VarnishBackend


@pytest.fixture
def silent_varnish():
    """A port that accepts connections and never answers."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


@pytest.mark.parametrize(
    ("send", "logged"),
    [
        (lambda backend: backend.purge("https://smartcity.example/aktuelles/"), "smartcity.example/"),
        (lambda backend: backend.purge_tags(["p1", "c2"]), "the tags p1 c2"),
    ],
    ids=["purge", "purge by tags"],
)
def test_a_hung_varnish_costs_the_timeout_and_a_log_line(silent_varnish, caplog, send, logged):
    backend = VarnishBackend({"LOCATION": silent_varnish})
    backend.timeout = 0.5

    started = time.monotonic()
    with caplog.at_level(logging.ERROR, logger="delivery.frontend_cache"):
        send(backend)

    assert time.monotonic() - started < 2
    assert "in the front-end cache failed" in caplog.text
    assert logged in caplog.text


def test_an_unreachable_varnish_is_logged_not_raised(caplog):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    backend = VarnishBackend({"LOCATION": f"http://127.0.0.1:{closed_port}"})

    with caplog.at_level(logging.ERROR, logger="delivery.frontend_cache"):
        backend.purge("https://smartcity.example/api/v2/pages/?type=articles.ArticlePage")

    assert "PURGE of smartcity.example/api/v2/pages/?type=articles.ArticlePage" in caplog.text
