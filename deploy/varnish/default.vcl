vcl 4.1;

# Varnish in front of the CMS.
#
# It keeps what anonymous visitors and apps read (pages, feeds, the API) and never what
# an editor sees: the admin, previews and every request of a signed-in user go straight
# to the app. Freshness comes from purging, not from short lifetimes: every answer names
# what it shows in its xkey header (page, image, document and directory entry ids, the
# lists it belongs to; cachetags/__init__.py), and when something changes the CMS sends
# one PURGE naming its tags (delivery/frontend_cache.py, run by the task worker). The
# xkey vmod (varnish-modules: in the official image since 7.x, Debian's varnish-modules
# package elsewhere) finds the objects by those tags; everything else stays cached.
#
# backend.vcl, found through varnishd's vcl_path (next to this file in the container),
# chooses the backends (in docker-compose: every replica of the web service, with health
# probes) and defines the ACL "purgers", the addresses allowed to PURGE. The tests
# load this file unchanged with a backend.vcl of their own.

import std;
import xkey;

include "backend.vcl";

sub vcl_recv {
    if (req.method == "PURGE") {
        call invalidate;
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/admin(/|$)" || req.url ~ "^/api/v2/preview/") {
        return (pass);
    }
    # A session (Django's "sessionid") means a signed-in editor, or a visitor who has
    # entered a page password: their pages differ from everyone else's.
    if (req.http.Authorization || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Nothing the site shows to anonymous visitors depends on a cookie (csrftoken only
    # matters to POSTs, which pass above), so other cookies (analytics and the like)
    # must not stop caching.
    unset req.http.Cookie;
    # Every answer says "Vary: Accept-Language"; the site speaks one language, so keep
    # just the first preferred language and browsers' many variants share one object.
    if (req.http.Accept-Language) {
        set req.http.Accept-Language = std.tolower(
            regsub(req.http.Accept-Language, "^\s*([A-Za-z]+).*$", "\1"));
    }
    # Varnish's built-in vcl_recv follows: it lowercases the host and looks up the cache.
}

# A PURGE with an xkey-purge header removes every object tagged with one of its tags
# (separated by spaces), whatever its host and address: a hard purge, so the next request
# fetches the new answer instead of getting the old one in grace.
#
# A PURGE without it (Wagtail's own purges of a page's address) bans every cached query
# variant of one path ("/aktuelles/" also takes "/aktuelles/?seite=2"). It compares hosts
# without their port, and paths without a trailing slash, so the CMS's addresses (its
# site's hostname, a redirect's path) meet the ones visitors used. The bans only test
# obj.* headers, so the ban lurker can clear them in the background.
sub invalidate {
    if (client.ip !~ purgers) {
        return (synth(405, "Method Not Allowed"));
    }
    if (req.http.xkey-purge) {
        return (synth(200, "Purged " + xkey.purge(req.http.xkey-purge)));
    }
    # Unquoted: in VCL the quotes would become part of the value. Neither a host nor a
    # request path can contain a space.
    set req.http.x-ban = "obj.http.x-host == " + std.tolower(regsub(req.http.host, ":[0-9]+$", ""))
        + " && obj.http.x-path == " + regsub(regsub(req.url, "\?.*$", ""), "(.)/$", "\1");
    if (std.ban(req.http.x-ban)) {
        return (synth(200, "Banned"));
    }
    return (synth(400, std.ban_error()));
}

sub vcl_hash {
    # Behind a TLS proxy, an https request must never get the redirect to https that
    # the app gives the same address over plain http.
    hash_data(req.http.X-Forwarded-Proto);
    # The built-in vcl_hash adds the URL and the host.
}

sub vcl_backend_response {
    # What a PURGE by address compares: set on every object, removed again in vcl_deliver.
    # The xkey vmod reads the app's xkey header itself.
    set beresp.http.x-host = std.tolower(regsub(bereq.http.host, ":[0-9]+$", ""));
    set beresp.http.x-path = regsub(regsub(bereq.url, "\?.*$", ""), "(.)/$", "\1");

    # The app's Cache-Control decides whether an answer may be kept: private, no-store,
    # no-cache or max-age=0 answers and answers that set a cookie are never stored
    # (Varnish's built-in vcl_backend_response, which runs after this one, marks them
    # hit-for-miss). How long is decided
    # here, unless the app names a lifetime for shared caches (s-maxage): since every
    # change is purged, a page or API answer stays 5 minutes, which only bounds how late
    # time-driven content shows (an event that has just ended still listed as upcoming).
    # Clients still get the app's own Cache-Control (the API's max-age), and Varnish's
    # Age header counts down their copy. Errors and redirects stay at most 10 seconds:
    # an address that was a 404 may become a page or a redirect without a purge.
    if (beresp.ttl > 0s && beresp.http.Cache-Control !~ "s-maxage") {
        if (beresp.status == 200) {
            set beresp.ttl = 5m;
        } elsif (beresp.ttl > 10s) {
            set beresp.ttl = 10s;
        }
    }
}

sub vcl_backend_error {
    # A backend that closed or refused the connection (a web replica stopping, before its
    # probe marks it sick): a GET or HEAD is tried again on the next backend, up to twice.
    # Other methods are not repeated; they may have reached the app.
    if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < 2) {
        return (retry);
    }
}

sub vcl_deliver {
    # For debugging: HIT or MISS for objects from or into the cache, PASS for answers
    # that are never stored; Age says how long the object has been in the cache.
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.x-host;
    unset resp.http.x-path;
    # The tags are for purging here, not for clients.
    unset resp.http.xkey;
}
