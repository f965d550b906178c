"""Server errors under /api/ answered in JSON, with a request id that leads to the traceback.

An API client gets `{"message": ..., "request_id": ...}` with status 500 and the id in the
`X-Request-ID` header, never Django's HTML error page and never the exception's text (which
may name hosts, tables or settings). The traceback goes to the `django.request` log with the
same id, so a client's report finds it (on stderr, see LOGGING in cms/settings/base.py).

Two hooks, as Django has no single one for both:
- `APIServerErrorMiddleware.process_exception`: errors raised by a view, with DEBUG on or off.
- `server_error` (the site's handler500): errors raised outside a view, such as a database
  outage while a middleware of delivery.middleware looks up the content version; Django calls it
  when DEBUG is off, and it serves the website's HTML error page everywhere else.
"""

import sys
import uuid

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.deprecation import MiddlewareMixin
from django.utils.log import log_response
from django.views import defaults

REQUEST_ID_HEADER = "X-Request-ID"
MESSAGE = "internal server error: the API could not answer; quote the request_id when you report it"

# Django answers these with a 400, 403 or 404 of its own.
CLIENT_ERRORS = (Http404, PermissionDenied, BadRequest, SuspiciousOperation, MultiPartParserError)


def _is_api(request) -> bool:
    return request.path.startswith("/api/")


def json_server_error(request, exception) -> JsonResponse:
    """The 500 answer, with a new request id that the log entry of `exception` carries too."""
    request_id = uuid.uuid4().hex
    response = JsonResponse(
        {"message": MESSAGE, "request_id": request_id}, status=500, headers={REQUEST_ID_HEADER: request_id}
    )
    # Django's own request log, marked as done so that Django does not log the answer again.
    log_response(
        "Internal Server Error: %s (request id %s)",
        request.path,
        request_id,
        response=response,
        request=request,
        exception=exception,
    )
    return response


class APIServerErrorMiddleware(MiddlewareMixin):
    def process_exception(self, request, exception):
        if not _is_api(request) or isinstance(exception, CLIENT_ERRORS):
            return None
        return json_server_error(request, exception)


def server_error(request):
    if _is_api(request):
        # Django calls its handler500 while it handles the exception.
        return json_server_error(request, sys.exception())
    return defaults.server_error(request)
