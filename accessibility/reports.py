"""What happens to a barrier report besides being stored: the e-mail to the team, and the cap
on reports per client address, which keeps a flood from one machine out of the inbox."""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.utils import timezone

from core.clients import client_address

logger = logging.getLogger(__name__)

REPORTS_PER_HOUR = 5
_WINDOW_SECONDS = 60 * 60


def _throttle_key(request) -> str:
    # Hashed: the cache holds no visitor's address in the clear.
    digest = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    return f"accessibility:barrier-reports:{digest}"


def limit_reached(request) -> bool:
    """Whether this client has sent REPORTS_PER_HOUR reports within the last hour."""
    return (cache.get(_throttle_key(request)) or 0) >= REPORTS_PER_HOUR


def count_report(request) -> None:
    key = _throttle_key(request)
    # add() starts the window only for the first report; incr() keeps its expiry.
    cache.add(key, 0, _WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, _WINDOW_SECONDS)


def send_report_email(report, page_address: str) -> None:
    """Mail the report to BARRIER_REPORT_EMAIL (nobody when it is empty). A mail server that
    fails loses no report: it is stored already and listed in the admin."""
    recipients = settings.BARRIER_REPORT_EMAIL
    if not recipients:
        return
    created = timezone.localtime(report.created_at)
    body = "\n".join(
        [
            "Über das Formular „Barriere melden“ ist eine Meldung eingegangen.",
            "",
            f"Seite: {page_address}",
            f"Eingegangen am: {created:%d.%m.%Y um %H:%M} Uhr",
            f"E-Mail für Rückfragen: {report.email or '(keine angegeben)'}",
            "",
            "Beschreibung:",
            report.description,
            "",
            "Alle Meldungen stehen im Admin unter „Barrieremeldungen“.",
        ]
    )
    message = EmailMessage(
        subject=f"Barrieremeldung: {report.page_url}",
        body=body,
        to=recipients,
        reply_to=[report.email] if report.email else None,
    )
    try:
        message.send()
    except OSError:
        logger.exception("The barrier report %s could not be mailed", report.pk)
