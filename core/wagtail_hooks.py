"""The core's admin hooks: the rich text link handlers (pages visitors cannot open stay
unlinked, external links may open a new tab), German dates, the preview's checks, the team's
dashboard, the review steps' wording and every page type's add and edit views. The shared
directories are registered by the project (cms.wagtail_hooks), with the page apps' own."""

from wagtail import hooks

from .editorial import dashboard, date_input, review_steps, userbar
from .editorial.link_chooser import register_new_tab_links
from .editorial.page_views import BasePageViewSet
from .rich_text import PreloadedDocumentLinkHandler, PreloadedImageEmbedHandler, VisiblePageLinkHandler


# After Wagtail's own registration (order 0), so these replace its "page" and "document" link
# types, its "image" embed type and its "link" feature. The document and image handlers are
# Wagtail's, answering from what a body loaded up front (core.rich_text).
@hooks.register("register_rich_text_features", order=1)
def register_links(features):
    features.register_link_type(VisiblePageLinkHandler)
    features.register_link_type(PreloadedDocumentLinkHandler)
    features.register_embed_type(PreloadedImageEmbedHandler)
    register_new_tab_links(features)


# The calendars keep the dates editors type (core.editorial.date_input), and the preview's "Checks"
# panel runs the team's accessibility rules (core.editorial.userbar).
hooks.register("insert_global_admin_js", date_input.date_picker_script)
hooks.register("construct_wagtail_userbar", userbar.use_editorial_checks)


# The team's dashboard (core.editorial.dashboard) in place of Wagtail's nearly empty one.
hooks.register("construct_homepage_panels", dashboard.add_team_panels)


# The approver's button and confirmation in the page editor say what a review step does
# (core.editorial.review_steps).
hooks.register("construct_page_action_menu", review_steps.label_a_scheduling_approval)
hooks.register("after_edit_page", review_steps.confirm_review_step)


# Every page type's add and edit views (core.editorial.page_views): autosave names the field it stops at.
@hooks.register("register_admin_viewset")
def register_page_views():
    return BasePageViewSet()
