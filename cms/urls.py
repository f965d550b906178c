from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

import core.editorial.link_chooser as link_chooser
from alerts.views import info_screen
from api.alerts import AlertsAPIViewSet
from api.occurrences import OccurrencesAPIViewSet
from api.router import api_router
from api.views import api_docs, api_index, api_not_found, openapi_json
from media.views import serve_document, serve_public_media
from preview.api import PagePreviewAPIViewSet

from .signin.page_passwords import authenticate_with_password
from .views import robots_txt, search, security_txt, sitemap_file, sitemap_index

# The rich text editor's link dialog in German, with "In neuem Tab öffnen"
# (core.editorial.link_chooser): ahead of the admin's own views under the same addresses and names.
LINK_CHOOSERS = [
    ("choose-external-link/", link_chooser.ExternalLinkView, "wagtailadmin_choose_page_external_link"),
    ("choose-email-link/", link_chooser.EmailLinkView, "wagtailadmin_choose_page_email_link"),
    ("choose-phone-link/", link_chooser.PhoneLinkView, "wagtailadmin_choose_page_phone_link"),
    ("choose-anchor-link/", link_chooser.AnchorLinkView, "wagtailadmin_choose_page_anchor_link"),
]

urlpatterns = [
    *(
        path(f"admin/{route}", require_admin_access(view.as_view()), name=name)
        for route, view, name in LINK_CHOOSERS
    ),
    path("admin/", include(wagtailadmin_urls)),
    # Beside the router rather than registered in it, as it builds on api.router's pages
    # endpoint; wrapped by it so links in the draft point into the API like any answer's.
    path(
        "api/v2/preview/",
        api_router.wrap_view(PagePreviewAPIViewSet.as_view({"get": "preview_view"})),
        name="api_preview",
    ),
    # The API's description and its docs page, before the router so no endpoint can shadow them.
    path("api/v2/", api_index, name="api_index"),
    path(
        "api/v2/occurrences/",
        api_router.wrap_view(OccurrencesAPIViewSet.as_view({"get": "occurrences_view"})),
        name="api_occurrences",
    ),
    path(
        "api/v2/alerts/",
        api_router.wrap_view(AlertsAPIViewSet.as_view({"get": "alerts_listing_view"})),
        name="api_alerts",
    ),
    path(
        "api/v2/alerts/<int:pk>/",
        api_router.wrap_view(AlertsAPIViewSet.as_view({"get": "alerts_detail_view"})),
        name="api_alerts_detail",
    ),
    path("api/v2/openapi.json", openapi_json, name="api_openapi"),
    path("api/v2/docs/", api_docs, name="api_docs"),
    path("api/v2/", api_router.urls),
    # Anything else under /api/ is answered in JSON too, not by the website's 404 page;
    # addresses without the final slash still get Django's redirect to the one with it.
    # [\s\S] and \Z: also an address with a line break in it, which `.` and `$` would leave
    # to the website's HTML 404 (an inline (?s) flag would stop Django reversing any URL).
    re_path(r"^api/(?:[\s\S]*/)?\Z", api_not_found),
    # Wagtail's document view, whose answers about restricted documents are private.
    # Ahead of Wagtail's own pattern for the same address, which keeps the URL name.
    re_path(r"^documents/(\d+)/(.*)$", serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("infoscreen/<slug:slug>/", info_screen, name="info_screen"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_file, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    # The password form of protected pages, throttled (cms.signin): ahead of Wagtail's own view
    # under the same address and name.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, view=serve_public_media, document_root=settings.MEDIA_ROOT)

# What visitors read in their language comes last: German unprefixed, as always, English under
# /en/ (README, "Languages"); cms.middleware.PathLanguageMiddleware takes the language from the
# address alone. Wagtail's page serving (with the pages' feeds and calendars) matches every
# remaining path.
urlpatterns += i18n_patterns(
    path("suche/", search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# JSON with a request id for server errors under /api/, the HTML error page elsewhere.
handler500 = "api.errors.server_error"
