"""/api/v2/alerts/: the current alerts (alerts.Alert), most urgent first; `?path=` narrows
them to the ones the website shows on that page (the whole site's and those of the page's
section). /api/v2/alerts/{id}/ is one current alert, the address the webhooks send.

Few alerts are current at once, so the list comes in one answer, without paging. Beside the
router, like the occurrences: ETag, Last-Modified, Cache-Control, the response cache and
CORS come from the middleware every /api/ answer passes.
"""

from django.http import Http404
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Page

from alerts.api import alert_data
from alerts.models import Alert
from cachetags import record, type_tag_of
from core.sites import site_for

from .languages import LOCALE_PARAMETER, requested_language
from .names import GermanViewNames
from .params import CheckedParametersMixin
from .rendering import CompactJSON

PATH_MAX_LENGTH = 1000


class AlertsAPIViewSet(CompactJSON, GermanViewNames, CheckedParametersMixin, BaseAPIViewSet):
    model = Alert
    view_title = "Hinweise"
    view_summary = "Aktuelle Hinweise (Absagen, Störungen, Warnungen), die dringendsten zuerst."
    known_query_parameters = frozenset(["path", "format", LOCALE_PARAMETER])

    def alerts_listing_view(self, request):
        self.refuse_unknown_parameters()
        # Any alert's publishing, change or end purges the lists (delivery.frontend_cache).
        record(type_tag_of(Alert))
        # In the language asked for, German by default (api.languages), with the German alerts
        # not translated into it yet (Alert.objects.in_language).
        alerts = self._current().in_language(requested_language(request))
        path = request.GET.get("path")
        if path is not None:
            alerts = alerts.for_page(self._page_at(request, path))
        items = [alert_data(alert, request) for alert in alerts]
        return Response({"meta": {"total_count": len(items), "next": None, "previous": None}, "items": items})

    def alerts_detail_view(self, request, pk):
        self.refuse_unknown_parameters()
        alert = self._current().filter(pk=pk).first()
        if alert is None:
            raise Http404("Kein aktueller Hinweis mit dieser ID.")
        return Response(alert_data(alert, request))

    def _current(self):
        return Alert.objects.current().in_order().select_related("link_page", "page")

    @staticmethod
    def _page_at(request, path: str) -> Page | None:
        """The page at this path of the request's site; None for an address that is no page
        (the search, a 404), where the website shows the whole site's alerts only."""
        if not path.startswith("/") or len(path) > PATH_MAX_LENGTH:
            raise BadRequestError(
                f"path muss ein Pfad der Website sein, der mit / beginnt (z. B. /veranstaltungen/), "
                f"höchstens {PATH_MAX_LENGTH} Zeichen."
            )
        site = site_for(request)
        if site is None:
            return None
        inside = path.strip("/")
        url_path = site.root_page.url_path + (f"{inside}/" if inside else "")
        return Page.objects.filter(url_path=url_path).only("path").first()
