"""Set the address of the default Wagtail site: the one rule every absolute address the CMS
gives out follows (page links, API links, images and files, feeds, iCal, sitemap, JSON-LD,
webhooks; media.api.absolute_url). `make run` points it at the address it serves on;
production sets it to the public address once, e.g.

    python manage.py site_address https://smartcity.wuppertal.de
"""

from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def parse_address(address: str) -> tuple[str, int]:
    """(hostname, port) of an address such as `http://127.0.0.1:8000` or `https://example.org`."""
    parts = urlsplit(address)
    try:
        port = parts.port
    except ValueError as error:
        raise CommandError(f"{address!r}: the port is not a number between 0 and 65535.") from error
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path.strip("/"):
        raise CommandError(f"{address!r}: give the scheme and host only, e.g. https://smartcity.example.org")
    port = port or DEFAULT_PORTS[parts.scheme]
    # Wagtail tells the scheme from the port: https on 443 and http on any other.
    if (parts.scheme == "https") != (port == 443):
        raise CommandError(f"{address!r}: Wagtail serves https on port 443 only, and http on any other port.")
    return parts.hostname, port


class Command(BaseCommand):
    help = "Set the default site's address (scheme, host and port), which every absolute link is built from."

    def add_arguments(self, parser):
        parser.add_argument("address", help="e.g. https://smartcity.example.org or http://127.0.0.1:8000")

    def handle(self, *args, address, **options):
        hostname, port = parse_address(address)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default site yet; create one in Einstellungen → Websites first.")
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()
        self.stdout.write(f"The site's address is {site.root_url}.")
