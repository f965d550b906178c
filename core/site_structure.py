"""The site's structure as nearly every anonymous request asks for it: the site a host names,
where an address leads, the view restrictions above a page, a site's home pages in its
languages.

Wagtail reads each of these from the database on every request: the site, then the page
tree level by level along the address (two queries per level: the child by its slug, then
its specific row), then the page's ancestors and their view restrictions before it serves
it; the API reads the site, every view restriction and the home page's translations to
scope its lists. On an article page that was nine of its ten queries. All of it changes only
with content, so an anonymous read remembers it for the generation (core.fragments,
`remembered`): a later request finds the page at an address with one query for the page
itself. Signed-in editors, previews and the admin read the database as Wagtail does.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.models import Page, Site

from core import fragments

__all__ = ["page_model", "route_for_request", "site_for_request", "site_roots", "view_restrictions"]


def site_for_request(request):
    """Wagtail's Site.find_for_request, remembered per host and port. Sets what Wagtail
    reads back, so every later look-up in the request takes it from there."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = fragments.remembered(
            "site", (request.get_port(),), lambda: Site.find_for_request(request)
        )
    return request._wagtail_site


def route_for_request(request, path: str):
    """Wagtail's Page.route_for_request: (page, args, kwargs) for the address, or None.

    Remembered is where the address leads: the page's type and id, and the part of the
    address below it that the page routes itself (a feed, a calendar download). A later
    request loads that page in one query and lets it route the rest, so a routable page's
    own views resolve as before.
    """
    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    # Wagtail's routing starts from the site, which it reads from the request.
    site = site_for_request(request)
    worked_out = []

    def target():
        result = Page.route_for_request(request, path)
        worked_out.append(result)
        if result is None or site is None:
            return None
        page = result[0]
        # The address's first parts name the page and its ancestors below the home page,
        # one per level; what follows is for the page's own routes.
        below = [component for component in path.split("/") if component][page.depth - site.root_page.depth :]
        return type(page), page.pk, below

    found = fragments.remembered("route", (path,), target)
    if worked_out:
        return worked_out[0]
    request._wagtail_route_for_request = _routed(request, found)
    return request._wagtail_route_for_request


def _routed(request, found):
    if found is None:
        return None
    model, pk, below = found
    page = model._default_manager.filter(pk=pk).first()
    if page is None:
        return None
    try:
        return page.route(request, below)
    except Http404:
        return None


def view_restrictions(page, read):
    """The view restrictions on the page and its ancestors, as a list; `read()` reads them
    from the database (Wagtail's Page.get_view_restrictions)."""
    return fragments.remembered("view-restrictions", (page.pk,), lambda: list(read()))


def site_roots(site) -> list:
    """The site's home page and its translations: the pages the API lists pages below."""
    return fragments.remembered(
        "site-roots", (site.pk,), lambda: [site.root_page, *site.root_page.get_translations()]
    )


def page_model(pk):
    """The specific model of the page with this id (None when there is none)."""

    def read():
        content_type = Page.objects.filter(pk=pk).values_list("content_type", flat=True).first()
        return ContentType.objects.get_for_id(content_type).model_class() if content_type else None

    return fragments.remembered("page-model", (pk,), read)
