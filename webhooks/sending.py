"""One HTTP attempt: the signed POST, and what came of it in words an editor can act on."""

import hashlib
import hmac
from dataclasses import dataclass

import requests
from django.conf import settings

from .addresses import NotPublic, check_public

USER_AGENT = "SmartCityCMS-Webhooks/1.0"
# How much of an error response the log keeps: enough to see what the receiver complained about.
ERROR_EXCERPT_BYTES = 300


@dataclass(frozen=True)
class Outcome:
    status_code: int | None  # None when no answer came
    error: str  # empty when delivered

    @property
    def delivered(self) -> bool:
        return not self.error


def signature(secret: str, body: bytes) -> str:
    """`sha256=` and the hex HMAC-SHA256 of the exact body bytes, keyed with the endpoint's secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post(delivery) -> Outcome:
    """Send the delivery's stored body once; every failure comes back as an Outcome, never raised."""
    body = delivery.body.encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Webhook-Event": delivery.event,
        "X-Webhook-Delivery": str(delivery.pk),
        "X-Webhook-Signature": signature(delivery.endpoint.secret, body),
    }
    timeout = settings.WEBHOOK_TIMEOUT
    try:
        # Again at each delivery: the name may lead elsewhere now than when it was saved.
        check_public(delivery.endpoint.url)
    except NotPublic as refusal:
        return Outcome(None, f"Nicht gesendet: {refusal.message}")
    try:
        # No redirects: a redirected POST may go on as a GET, or to an address nobody
        # registered. A moved receiver is an error to see in the log and fix in the endpoint.
        with requests.post(
            delivery.endpoint.url,
            data=body,
            headers=headers,
            timeout=timeout,
            allow_redirects=False,
            stream=True,
        ) as response:
            if 200 <= response.status_code < 300:
                return Outcome(response.status_code, "")
            return Outcome(response.status_code, _http_error(response))
    except requests.Timeout:
        return Outcome(None, f"Zeitüberschreitung: keine Antwort innerhalb von {timeout} s")
    except requests.ConnectionError as error:
        return Outcome(None, f"Verbindung fehlgeschlagen: {error}")
    except requests.RequestException as error:
        return Outcome(None, f"Anfrage fehlgeschlagen: {error}")


def _http_error(response) -> str:
    message = f"HTTP {response.status_code} {response.reason or ''}".strip()
    # Read only the start: the answer of a misconfigured receiver can be a whole HTML page.
    excerpt = next(response.iter_content(ERROR_EXCERPT_BYTES), b"").decode(errors="replace").strip()
    return f"{message}: {excerpt}" if excerpt else message
