"""Debian's varnishd with the repository's VCL, for the tests of the front-end cache.

It loads deploy/varnish/default.vcl unchanged; the backend.vcl that file includes is the
test's own (its backends and the addresses allowed to purge). default.vcl imports the xkey
vmod, from Debian's varnish-modules.
"""

import shutil
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.deploy.compose import PROJECT_DIR
from tests.s3 import free_port

VCL = PROJECT_DIR / "deploy" / "varnish" / "default.vcl"
VARNISHD = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")
# Where Debian's varnish-modules (and a build from source) put the xkey vmod.
XKEY_VMODS = [
    *Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so"),
    *Path("/usr/lib/varnish/vmods").glob("libvmod_xkey.so"),
    *Path("/usr/local/lib/varnish/vmods").glob("libvmod_xkey.so"),
]
STARTUP_TIMEOUT = 20

needs_varnish = pytest.mark.skipif(
    VARNISHD is None or not XKEY_VMODS,
    reason="varnishd or its xkey vmod not found: install Debian's varnish and varnish-modules "
    "packages (apt-get install varnish varnish-modules) to run the front-end cache tests",
)


@contextmanager
def running_varnish(config: Path, backend_vcl: str, ready):
    """Starts varnishd on a free port with `backend_vcl` as backend.vcl in the folder
    `config`, waits until `ready(port)` stops raising OSError, yields the port, and stops it."""
    (config / "backend.vcl").write_text(backend_vcl)
    port = free_port()
    # -j none: no separate users for the child process, so it runs as root too and can
    # read the temporary folder; -F keeps it in the foreground, where terminate() ends it.
    process = subprocess.Popen(
        [
            VARNISHD,
            *("-F", "-j", "none", "-n", str(config / "work")),
            *("-f", str(VCL), "-p", f"vcl_path={config}"),
            *("-a", f"127.0.0.1:{port}", "-s", "malloc,32m"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"varnishd exited: {process.stdout.read().decode()}")
            try:
                ready(port)
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"varnishd did not answer within {STARTUP_TIMEOUT} seconds")
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=10)
