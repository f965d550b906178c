"""What an event's free-text cost says: „kostenfrei“, „5 €, ermäßigt 3 €“ or nothing.

One reading for the website's structured data (events.structured_data) and the API's
`is_free` (events.models)."""

import re
from decimal import Decimal

FREE = re.compile(r"\b(?:kostenfrei|kostenlos|gratis|frei)\b", re.IGNORECASE)
PRICE = re.compile(r"(\d+(?:[.,]\d{1,2})?)\s*(?:€|eur)", re.IGNORECASE)


def price(cost: str) -> str | None:
    """The first amount in euros, e.g. "5" of „5 €, ermäßigt 3 €“, with a decimal point."""
    found = PRICE.search(cost)
    return found.group(1).replace(",", ".") if found else None


def is_free(cost: str) -> bool | None:
    """True when the cost says admission is free (or costs 0 €), False when it names a
    price, None when it says neither or is empty."""
    amount = price(cost)
    if amount is not None:
        return Decimal(amount) == 0
    return True if FREE.search(cost) else None
