#!/bin/sh
# The web process of the production stack (docker-compose.yml, the Dockerfile's CMD):
# bring the database schema up to date, then serve the site with gunicorn.
#
#   PORT             port to listen on (default 8000; Varnish's backend expects 8000)
#   WEB_CONCURRENCY  gunicorn worker processes (default 3)
#   WEB_MAX_REQUESTS         requests after which a worker process is replaced (default 1000)
#   WEB_MAX_REQUESTS_JITTER  up to this many more, so the workers are not replaced at once (default 100)
set -eu
cd "$(dirname "$0")/.."

# Several web containers may start at once: deploy/migrate.py lets one migrate while
# the others wait, then finds nothing left to do.
python deploy/migrate.py

# --max-requests: a worker that once needed much memory (a large page, an image) keeps it,
# since Python seldom returns memory to the system; a fresh process starts small again.
# --worker-tmp-dir: the workers' heartbeat files belong in memory, not on the
# container's overlay file system, where a slow write makes gunicorn kill a worker.
exec gunicorn cms.wsgi:application \
    --bind "0.0.0.0:${PORT:-8000}" \
    --workers "${WEB_CONCURRENCY:-3}" \
    --timeout 60 \
    --graceful-timeout 30 \
    --max-requests "${WEB_MAX_REQUESTS:-1000}" \
    --max-requests-jitter "${WEB_MAX_REQUESTS_JITTER:-100}" \
    --access-logfile - \
    --worker-tmp-dir /dev/shm
