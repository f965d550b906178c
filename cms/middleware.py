"""Request bodies larger than any upload are refused before they are read.

Django reads a request's body when a view first looks at its form data, and writes
uploaded files to disk as they arrive, however large: an anonymous 200 MB POST to the
login page is read in full before the form is refused. A body the CMS accepts is at most
the largest allowed upload plus the other fields of a form (MAX_REQUEST_BODY_SIZE in
cms/settings/base.py); a request that declares a larger one in its Content-Length gets a
413 at once, its body unread. Django reads no body without a Content-Length.
"""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

from media.uploads import file_size_text


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = _content_length(request)
        if declared > settings.MAX_REQUEST_BODY_SIZE:
            return _too_large(request, declared)
        return self.get_response(request)


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _too_large(request, declared: int) -> HttpResponse:
    limit = settings.MAX_REQUEST_BODY_SIZE
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"message": f"request body too large: {declared} bytes, at most {limit} are accepted"}, status=413
        )
    context = {
        "declared": file_size_text(declared),
        "images": file_size_text(settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE),
        "documents": file_size_text(settings.DOCUMENTS_MAX_SIZE),
        "texts": file_size_text(settings.DOCUMENTS_MAX_TEXT_SIZE),
    }
    return HttpResponse(render_to_string("413.html", context), status=413)
