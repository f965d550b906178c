"""Views that hand out media files from the CMS itself: documents through Wagtail's serve
view, and MEDIA_ROOT on the development server."""

import posixpath

from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views import static
from wagtail.documents import get_document_model
from wagtail.documents.views import serve

from .storage import is_private
from .visibility import in_restricted_collection


def serve_document(request, document_id, document_filename):
    """Wagtail's document view (/documents/<id>/<file name>), whose answers about a
    document in a restricted collection are private: the file, the password form and the
    way to the login. Varnish and other shared caches never keep them, so one visitor's
    passed restriction never serves the next."""
    response = serve.serve(request, document_id, document_filename)
    Document = get_document_model()
    if Document.objects.filter(pk=document_id).filter(in_restricted_collection()).exists():
        patch_cache_control(response, private=True)
    return response


def serve_public_media(request, path, document_root=None, show_indexes=False):
    """Django's development view of MEDIA_ROOT (DEBUG only), without `private/`: a
    restricted document is read through serve_document, which checks the restriction."""
    if is_private(posixpath.normpath(path).lstrip("/")):
        raise Http404("Private files are not served from here.")
    return static.serve(request, path, document_root, show_indexes)
