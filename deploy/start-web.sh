#!/bin/sh
# The web process of the production stack (docker-compose.yml, the Dockerfile's CMD):
# bring the database schema up to date, then serve the site with gunicorn.
#
#   PORT             port to listen on (default 8000; Varnish's backend expects 8000)
#   WEB_CONCURRENCY  gunicorn worker processes (default 3)
set -eu
cd "$(dirname "$0")/.."

# Several web containers may start at once: deploy/migrate.py lets one migrate while
# the others wait, then finds nothing left to do.
python deploy/migrate.py

# --worker-tmp-dir: the workers' heartbeat files belong in memory, not on the
# container's overlay file system, where a slow write makes gunicorn kill a worker.
exec gunicorn cms.wsgi:application \
    --bind "0.0.0.0:${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-3}" \
    --timeout 60 \
    --graceful-timeout 30 \
    --access-logfile - \
    --worker-tmp-dir /dev/shm
