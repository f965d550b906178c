# Backend and purge ACL for docker-compose, included by default.vcl.
#
# Varnish resolves these names once, when it loads the VCL: "web" must then resolve to
# exactly one address, and both containers must be running, or the VCL does not load
# (and Varnish does not start) rather than run with a backend or purger missing.
# Recreating web or worker may give them new addresses, so restart varnish after
# them (`docker compose restart varnish`) or reload the VCL (`varnishreload`).

backend default {
    .host = "web";
    .port = "8000";
    .connect_timeout = 5s;
    .first_byte_timeout = 60s;
}

# Who may PURGE and BAN: the processes that run the CMS's purge tasks, the worker in
# production and web when tasks run in the request (TASKS_BACKEND=immediate; then the
# scheduler publishes and purges by itself too and would need adding). Visitors'
# requests come from elsewhere and get a 405.
acl purgers {
    "web";
    "worker";
}
