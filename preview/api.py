"""GET /api/v2/preview/?token=...: the draft behind a preview token, in the shape of the
pages detail endpoint, so the app front end renders it with the code it shows pages with.

Answers: 200 with the draft; 400 when the token is missing or the query asks for
something unknown; 403 when the token is altered or expired (or its snapshot is gone).
None of them may be cached: the draft is not public.
"""

from django.utils.cache import patch_cache_control
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.serializers import DetailUrlField
from wagtail.api.v2.utils import BadRequestError

from api.router import CardPagesAPIViewSet

from .models import InvalidPreviewToken, PreviewSnapshot


class DraftDetailUrlField(DetailUrlField):
    """A page previewed while being created has no id yet, so no detail URL either."""

    def get_attribute(self, instance):
        if instance.pk is None:
            return None
        return super().get_attribute(instance)


class DraftPageSerializer(CardPagesAPIViewSet.base_serializer_class):
    detail_url = DraftDetailUrlField(read_only=True)


class PagePreviewAPIViewSet(CardPagesAPIViewSet):
    view_title = "Entwurfsvorschau"
    view_summary = "Der Entwurf hinter einem Vorschau-Token, in der Form einer einzelnen Seite."
    base_serializer_class = DraftPageSerializer
    known_query_parameters = frozenset(["token", "fields", "rich_text_format", "format", "_"])

    def preview_view(self, request):
        self.check_query_parameters()
        page = self.get_object()
        return Response(self.get_serializer(page).data)

    def check_query_parameters(self, queryset=None):
        self.refuse_unknown_parameters()
        if not self.request.GET.get("token"):
            raise BadRequestError("the token parameter is required: /api/v2/preview/?token=<token>")

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            snapshot = PreviewSnapshot.from_token(self.request.GET["token"])
            self._cached_object = snapshot.as_page()
        return self._cached_object

    def handle_exception(self, exc):
        if isinstance(exc, InvalidPreviewToken):
            return Response(
                {"message": "the preview token is invalid or has expired; open the preview again"},
                status=status.HTTP_403_FORBIDDEN,
            )
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response
