"""Site-wide navigation: header, main menu, breadcrumbs and the legal links in the footer.

Everything is derived from the Wagtail site the request belongs to, so a second site
(or, later, a second locale with its own root page) gets its own menus without
changes here. Wagtail caches the site on the request, so the tags below share one
lookup per response.
"""

from django import template
from django.apps import apps
from wagtail.models import Page

from ..sites import localized_root, site_for, site_name_for
from ..visibility import is_visible, visible_pages

register = template.Library()

# The pages German public websites must link from every page, in this order.
LEGAL_PAGE_SLUGS = ("impressum", "datenschutz", "barrierefreiheit")


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
        children = list(visible_pages(Page.objects.child_of(root), request)) if root else []
        if request is not None:
            setattr(request, _ROOT_CHILDREN_ATTRIBUTE, children)
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
        for child in (page for page in root_children(context) if page.show_in_menus):
            if current and current.pk == child.pk:
                aria_current = "page"
            elif current and current.path.startswith(child.path):
                # A page inside the section: the section is current, but not the page itself.
                aria_current = "true"
            else:
                aria_current = None
            items.append({"title": child.title, "url": child.get_url(request), "aria_current": aria_current})
    return {
        "site_name": site_name(context),
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
    # Found by their German address, whatever their type (the legal pages are content pages).
    pages = {page.slug: page for page in root_children(context) if page.slug in LEGAL_PAGE_SLUGS}
    site = site_for(request)
    if site and root.pk != site.root_page_id:
        pages = _legal_pages_translated(site.root_page, root.locale_id, request)
    links = [
        {"title": pages[slug].title, "url": pages[slug].get_url(request)}
        for slug in LEGAL_PAGE_SLUGS
        if slug in pages
    ]
    return {"links": links}


def _legal_pages_translated(german_root, locale_id, request) -> dict:
    """The legal pages under another language's home: each in that language where it has been
    translated, else the German one (every page must link them, whatever its language)."""
    german = visible_pages(Page.objects.child_of(german_root).filter(slug__in=LEGAL_PAGE_SLUGS), request)
    pages = {page.slug: page for page in german}
    translated = visible_pages(
        Page.objects.filter(
            locale_id=locale_id, translation_key__in=[p.translation_key for p in pages.values()]
        ),
        request,
    )
    by_key = {page.translation_key: page for page in translated}
    return {slug: by_key.get(page.translation_key, page) for slug, page in pages.items()}


@register.simple_tag(takes_context=True)
def child_page_of_type(context, parent, model_label):
    """The first visible child of `parent` of the given type, e.g. the news index under home,
    for "Alle Nachrichten" links on the start page."""
    if not parent:
        return None
    model = apps.get_model(model_label)
    return visible_pages(model.objects.child_of(parent), context.get("request")).first()
