"""The address of the client a request comes from, as far as it can be trusted.

Behind Varnish (and the host's TLS proxy in front of it) every request arrives from a proxy,
and the visitor's address is in X-Forwarded-For, which each proxy appends to. Anyone can
send that header, though, so it is read only when the connection comes from a proxy named in
TRUSTED_PROXIES, and then from the right: the first address that is not a trusted proxy is
the last one a trusted proxy saw, whatever the client wrote to the left of it.

Sign-in throttling (cms.signin) and the barrier report form (accessibility) count per client
address, so it lives here, below both.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.TRUSTED_PROXIES)


def client_address(request: HttpRequest) -> str:
    connection = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted_proxy(connection):
        return connection
    forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed(forwarded):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            # Written by the client, not by a proxy: the last proxy's view is all there is.
            break
        if not _is_trusted_proxy(hop):
            return hop
        connection = hop
    return connection
