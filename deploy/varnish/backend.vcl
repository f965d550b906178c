# Backends and purge ACL for docker-compose, included by default.vcl.
#
# "web" is every replica of the web service (`docker compose up --scale web=3`): Docker's
# DNS answers the name with one address per running container. vmod_dynamic (part of the
# official Varnish image) looks the name up again every 5 seconds, keeps a backend per
# address and picks them in turn; a replica that fails its health probe gets no requests
# until it answers again, and a request a replica dropped is retried on another
# (vcl_backend_error in default.vcl). So replicas may be added, removed and replaced while
# Varnish runs.

import dynamic;

# /healthz answers without a host name (cms.health.HealthCheckMiddleware): 200 while the
# replica can serve, 503 without its database. Sick after 2 of the last 3 probes fail,
# healthy again after 2 pass; a new replica starts healthy, so it serves at once.
probe web_health {
    .url = "/healthz";
    .interval = 2s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}

sub vcl_init {
    new web = dynamic.director(
        port = "8000",
        probe = web_health,
        ttl = 5s,
        connect_timeout = 5s,
        first_byte_timeout = 60s);
}

# The backends come from the director; VCL still wants a default, which serves nothing.
backend default none;

sub vcl_recv {
    set req.backend_hint = web.backend("web");
}

# Who may PURGE: the worker, which runs the CMS's purge tasks (TASKS_BACKEND
# "database", the production default; the scheduler's publishing is purged by the worker
# too). Varnish resolves the name when it loads the VCL, so the worker must be running
# (`depends_on`); recreating it may give it a new address: restart varnish after it
# (`docker compose restart varnish`). Visitors' requests come from elsewhere and get a 405.
acl purgers {
    "worker";
}
