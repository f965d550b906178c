"""Which addresses webhooks may be sent to: public ones only.

An admin types the receiver's address, and the worker POSTs to it from inside the city's
network, so an address of the machine itself, of the private network, of the cloud's
metadata service (169.254.169.254) and the like would let anyone with admin rights probe or
call internal services. The host name is resolved and every address it gives must be a
public one; the check runs when the endpoint is saved and again before each delivery, since
a name may resolve differently later. Hosts listed in WEBHOOK_ALLOWED_HOSTS (an internal
receiver on purpose, the tests' local receiver) are trusted as they are.
"""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError


class NotPublic(ValidationError):
    """The address leads somewhere webhooks may not go; the message says why, in German."""


def check_public(url: str) -> None:
    """Raise NotPublic unless every address the URL's host resolves to is public."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    if not host:
        raise NotPublic("Die Adresse enthält keinen Host-Namen.", code="no_host")
    if host in {allowed.lower() for allowed in settings.WEBHOOK_ALLOWED_HOSTS}:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        found = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as error:
        raise NotPublic(
            f"Der Host „{host}“ lässt sich nicht auflösen; bitte die Adresse prüfen.", code="unresolvable"
        ) from error
    for *_, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise NotPublic(
                f"„{host}“ führt zu {address}, einer Adresse im internen Netz oder des Servers selbst. "
                "Webhooks gehen nur an öffentliche Adressen.",
                code="not_public",
            )
