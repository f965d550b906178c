"""Varnish in front of several web replicas: one of them stops in the middle of a stream of
requests, and no request fails.

docker-compose.yml's Varnish finds every replica of `web` through vmod_dynamic, which
Debian does not ship; here the backend list is written out instead (two gunicorn servers
started as the web service starts one, in a round-robin director), with the health probe
of deploy/varnish/backend.vcl and default.vcl unchanged, whose vcl_backend_error retries a
request a stopping backend refused.
"""

import http.client
import re
import threading
import time

import pytest

from tests.deploy.processes import production_environment, stop, web_process
from tests.varnish import VCL, needs_varnish, running_varnish

COMPOSE_BACKEND_VCL = (VCL.parent / "backend.vcl").read_text()
PROBE = re.search(r"^probe web_health \{.*?^\}", COMPOSE_BACKEND_VCL, re.MULTILINE | re.DOTALL)[0]
BACKEND_VCL = """
import directors;

{probe}

backend web_a {{ .host = "127.0.0.1"; .port = "{a}"; .probe = web_health; }}
backend web_b {{ .host = "127.0.0.1"; .port = "{b}"; .probe = web_health; }}

sub vcl_init {{
    new web = directors.round_robin();
    web.add_backend(web_a);
    web.add_backend(web_b);
}}

sub vcl_recv {{
    set req.backend_hint = web.backend();
}}

acl purgers {{ "127.0.0.1"; }}
"""
REQUESTS = 240

pytestmark = [needs_varnish, pytest.mark.django_db]


def get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Host": f"localhost:{port}"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def served(log_path) -> int:
    """How many of the stream's requests a web process answered (gunicorn's access log)."""
    return log_path.read_text().count("GET /robots.txt?durchlauf=")


def test_no_request_fails_while_one_of_two_web_processes_stops(tmp_path_factory):
    logs = tmp_path_factory.mktemp("web-logs")
    environment = production_environment(
        DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        CMS_VAR_DIR=str(tmp_path_factory.mktemp("cms-var")),
        WEB_CONCURRENCY="1",
    )
    with (
        web_process(environment, logs / "a.log") as a,
        web_process(environment, logs / "b.log") as b,
    ):
        backend = BACKEND_VCL.format(probe=PROBE, a=a.url.rsplit(":", 1)[1], b=b.url.rsplit(":", 1)[1])
        with running_varnish(
            tmp_path_factory.mktemp("varnish"), backend, ready=lambda port: get(port, "/healthz")
        ) as port:
            statuses = []

            def stream():
                # Each address once, so that every request reaches a backend.
                for number in range(REQUESTS):
                    statuses.append(get(port, f"/robots.txt?durchlauf={number}"))
                    time.sleep(0.01)

            client = threading.Thread(target=stream)
            client.start()
            while len(statuses) < REQUESTS // 3:
                time.sleep(0.01)
            served_by_b_before = served(logs / "b.log")
            stop(b.process)
            stopped_at = len(statuses)
            client.join(timeout=120)

    assert len(statuses) == REQUESTS
    assert [status for status in statuses if status != 200] == []
    # Both took turns before the stop; afterwards only a answered.
    assert served_by_b_before > 0
    assert served(logs / "b.log") <= stopped_at
    assert served(logs / "a.log") + served(logs / "b.log") == REQUESTS
