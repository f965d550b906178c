"""A served page names itself and its place in the tree (cachetags): its own tag, and the
scope tags of its ancestors, which breadcrumbs and menus name and section alerts reach."""

from wagtail import hooks

from cachetags import page_tag, record, subtree_tags


@hooks.register("before_serve_page")
def record_served_page(page, request, serve_args, serve_kwargs):
    record(page_tag(page.pk), *subtree_tags(page.path))
