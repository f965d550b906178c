"""Site-wide navigation: header, main menu, breadcrumbs and the legal links in the footer.

Everything is derived from the Wagtail site the request belongs to, so a second site
(or, later, a second locale with its own root page) gets its own menus without
changes here. Wagtail caches the site on the request, so the tags below share one
lookup per response.
"""

from urllib.parse import urlencode

from django import template
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cachetags import children_tag, record

from ..sites import localized_root, site_for, site_name_for
from ..visibility import is_visible, visible_pages

register = template.Library()

# The pages German public websites must link from every page, in this order.
LEGAL_PAGE_SLUGS = ("impressum", "datenschutz", "barrierefreiheit")
# The form "Barriere melden" (accessibility app), linked from every page's footer with the
# page's address, so the visitor need not type it.
REPORT_FORM_SLUG = "barriere-melden"
# The information in Leichte Sprache and German Sign Language that BITV 2.0 § 4 asks to be
# found from every page (accessibility app), linked in the header, with the icon each shows.
ACCESSIBLE_OFFER_SLUGS = (("leichte-sprache", "easy-language"), ("gebaerdensprache", "sign-language"))


def _site_root(context):
    """The site's start page in the request's language (its English translation under /en/),
    read once per request."""
    request = context.get("request")
    root = getattr(request, ROOT_ATTRIBUTE, None)
    if root is None:
        site = site_for(request)
        current = current_page(context)
        if site and current and current.path.startswith(site.root_page.path):
            # A page of the German tree: its start page is the site's, no lookup needed.
            root = site.root_page
        else:
            root = localized_root(site) if site else None
        if request is not None:
            setattr(request, ROOT_ATTRIBUTE, root)
    return root


ROOT_ATTRIBUTE = "_localized_site_root"


# Where the root's visible children are kept on the request: the menu, the footer and the
# feed links all pick from them, so a response reads them once.
_ROOT_CHILDREN_ATTRIBUTE = "_visible_root_children"


def root_children(context) -> list[Page]:
    """The visible children of the site's root page (plain pages, in tree order), read once
    per request."""
    request = context.get("request")
    children = getattr(request, _ROOT_CHILDREN_ATTRIBUTE, None)
    if children is None:
        root = _site_root(context)
        children = []
        if root:
            record(children_tag(root.pk))
            children = list(visible_pages(Page.objects.child_of(root), request))
        if request is not None:
            setattr(request, _ROOT_CHILDREN_ATTRIBUTE, children)
    return children


# Where the German start page's visible children are kept on the request of a page in
# another language (a German page has them as its root_children).
_GERMAN_CHILDREN_ATTRIBUTE = "_visible_german_children"


def german_children(context) -> dict[str, Page]:
    """The German start page's visible children by slug: the pages every page links whatever
    its language (legal pages, "Barriere melden", Leichte Sprache, Gebärdensprache) are found
    by their German address. Free on German pages (root_children), one query per request on
    the pages of another language."""
    request = context.get("request")
    root = _site_root(context)
    site = site_for(request)
    if root is None or site is None or root.pk == site.root_page_id:
        return {page.slug: page for page in root_children(context)}
    children = getattr(request, _GERMAN_CHILDREN_ATTRIBUTE, None)
    if children is None:
        children = {page.slug: page for page in visible_pages(Page.objects.child_of(site.root_page), request)}
        record(children_tag(site.root_page_id))
        if request is not None:
            setattr(request, _GERMAN_CHILDREN_ATTRIBUTE, children)
    return children


def current_page(context):
    """The Wagtail page being rendered, or None: non-Wagtail views (the 404 page, search)
    may put other things under "page"."""
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def site_name(context):
    return site_name_for(context.get("request"))


@register.inclusion_tag("includes/site_header.html", takes_context=True)
def site_header(context):
    request = context.get("request")
    root = _site_root(context)
    current = current_page(context)
    items = []
    if root:
        # The accessible offers have their own links in the header, never a second one in the menu.
        offer_slugs = {slug for slug, _icon in ACCESSIBLE_OFFER_SLUGS}
        for child in root_children(context):
            if not child.show_in_menus or child.slug in offer_slugs:
                continue
            if current and current.pk == child.pk:
                aria_current = "page"
            elif current and current.path.startswith(child.path):
                # A page inside the section: the section is current, but not the page itself.
                aria_current = "true"
            else:
                aria_current = None
            items.append({"title": child.title, "url": child.get_url(request), "aria_current": aria_current})
    # Leichte Sprache and Gebärdensprache are German offers: linked from every language's pages.
    by_slug = german_children(context) if root else {}
    offers = [
        {
            "title": by_slug[slug].title,
            "url": by_slug[slug].get_url(request),
            "icon": icon,
            "aria_current": bool(current and current.path.startswith(by_slug[slug].path)),
        }
        for slug, icon in ACCESSIBLE_OFFER_SLUGS
        if slug in by_slug
    ]
    return {
        "site_name": site_name(context),
        "offers": offers,
        "root_url": root.get_url(request) if root else "/",
        "root_is_current": bool(root and current and root.pk == current.pk),
        "items": items,
        # For the language switcher inside the header (core.templatetags.language_tags).
        "request": request,
        "page": current,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    request = context.get("request")
    root = _site_root(context)
    current = current_page(context)
    if not root or not current or current.pk == root.pk or not current.path.startswith(root.path):
        return {"crumbs": [], "current": None}
    ancestors = Page.objects.ancestor_of(current).filter(depth__gte=root.depth).order_by("depth")
    # An ancestor visitors cannot open (a draft section, say) is named without a link.
    crumbs = [
        {"title": page.title, "url": page.get_url(request) if is_visible(page, request) else None}
        for page in ancestors
    ]
    return {"crumbs": crumbs, "current": current}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context):
    request = context.get("request")
    root = _site_root(context)
    if not root:
        return {"links": []}
    # Found by their German address, whatever their type (the legal pages are content pages);
    # under another language's home each in that language where it has been translated.
    pages = german_children(context)
    site = site_for(request)
    if site and root.pk != site.root_page_id:
        pages = _translated(pages, [*LEGAL_PAGE_SLUGS, REPORT_FORM_SLUG], root.locale_id, request)
    links = [
        {"title": pages[slug].title, "url": pages[slug].get_url(request)}
        for slug in LEGAL_PAGE_SLUGS
        if slug in pages
    ]
    report_url = None
    if REPORT_FORM_SLUG in pages:
        report_url = pages[REPORT_FORM_SLUG].get_url(request)
        if request is not None:
            report_url += "?" + urlencode({"seite": request.path})
    return {"links": links, "report_url": report_url}


def _translated(german: dict, slugs: list[str], locale_id: int, request) -> dict:
    """The German pages of these slugs, each replaced by its version in the language of
    `locale_id` where one is visible (every page must link them, whatever its language)."""
    pages = {slug: german[slug] for slug in slugs if slug in german}
    translated = visible_pages(
        Page.objects.filter(
            locale_id=locale_id, translation_key__in=[page.translation_key for page in pages.values()]
        ),
        request,
    )
    by_key = {page.translation_key: page for page in translated}
    return {slug: by_key.get(page.translation_key, page) for slug, page in pages.items()}


@register.simple_tag(takes_context=True)
def section_page(context, model_label):
    """The section of the given type under the site's start page in the request's language,
    e.g. the news index, for "Alle Nachrichten" links below a page's teasers. Picked from the
    start page's children the menu has read (no query of its own)."""
    content_type = ContentType.objects.get_for_model(apps.get_model(model_label))
    return next((page for page in root_children(context) if page.content_type_id == content_type.pk), None)


@register.simple_tag(takes_context=True)
def child_page_of_type(context, parent, model_label):
    """The first visible child of `parent` of the given type, e.g. the news index under home,
    for "Alle Nachrichten" links on the start page."""
    if not parent:
        return None
    model = apps.get_model(model_label)
    record(children_tag(parent.pk))
    return visible_pages(model.objects.child_of(parent), context.get("request")).first()
