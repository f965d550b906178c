"""The Wagtail site a request belongs to, for code outside templates (feeds, structured data)."""

from urllib.parse import urljoin

from django.conf import settings
from wagtail.models import Site


def site_for(request) -> Site | None:
    """The request's site; Wagtail caches it on the request, so repeated calls are free."""
    return Site.find_for_request(request) if request else None


def site_name_for(request) -> str:
    site = site_for(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def absolute_url(request, url: str) -> str:
    """`url` with the scheme and host of the request's site, as Wagtail builds full page URLs;
    URLs that already carry a host (media on S3) are returned unchanged."""
    site = site_for(request)
    if site:
        return urljoin(site.root_url + "/", url)
    return request.build_absolute_uri(url) if request else url
