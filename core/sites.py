"""The Wagtail site a request belongs to, for code outside templates (feeds, structured data)."""

from django.conf import settings
from wagtail.models import Page, Site

from .site_structure import site_for_request


def site_for(request) -> Site | None:
    """The request's site; kept on the request, and remembered for anonymous reads until
    content changes (core.site_structure), so repeated calls are free."""
    return site_for_request(request) if request else None


def site_name_for(request) -> str:
    site = site_for(request)
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


def localized_root(site: Site) -> Page:
    """The site's start page in the active language: the English home (a translation of the
    German one) under /en/; the German home where no live translation exists."""
    return site.root_page.localized
