"""The API's languages: `?locale=de|en` on the pages, directory and alerts endpoints, German
when not given, and `meta.translations` on a page's detail answer (README, "Languages")."""

from django.conf import settings
from rest_framework.fields import Field
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.models import Page

LOCALE_PARAMETER = "locale"


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def requested_language(request) -> str:
    """The `locale` a list asks for, German without one; a 400 for a language this site has not."""
    code = request.GET.get(LOCALE_PARAMETER, settings.LANGUAGE_CODE)
    if code not in language_codes():
        raise BadRequestError(f"locale must be one of {', '.join(language_codes())}, got {code!r}")
    return code


class LanguageFilter(BaseFilterBackend):
    """Lists in one language: the `locale` asked for, German by default. Wagtail's own filter
    lists every language without the parameter and answers an unknown one with a 404. With
    `translation_of` and no `locale` a list holds every language's version, as it asks for
    them. A detail answer (one id) is the page of that id, whatever its language."""

    def filter_queryset(self, request, queryset, view):
        if getattr(view, "action", None) != "listing_view":
            return queryset
        if LOCALE_PARAMETER not in request.GET and "translation_of" in request.GET:
            return queryset
        filtered = queryset.filter(locale__language_code=requested_language(request))
        for marker in ("_filtered_by_child_of", "_filtered_by_tag"):
            if hasattr(queryset, marker):
                setattr(filtered, marker, getattr(queryset, marker))
        return filtered


class TranslationsField(Field):
    """`meta.translations`: the page's other language versions visitors may see, each as
    id, locale, title, html_url and detail_url."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page):
        view = self.context["view"]
        request = self.context.get("request")
        router = self.context["router"]
        others = (
            view.get_base_queryset()
            .filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        return [
            {
                "id": other.pk,
                "locale": other.locale.language_code,
                "title": other.title,
                "html_url": other.get_full_url(request),
                "detail_url": get_object_detail_url(router, request, Page, other.pk),
            }
            for other in others
        ]
