"""A request's language is the one its address names, nothing else.

German addresses are unprefixed, English ones start with /en/ (cms.urls, i18n_patterns).
Django's LocaleMiddleware would also read the Accept-Language header and the language
cookie for addresses without a prefix (the admin's login page, the API, the 404 page) and
mark every unprefixed answer `Vary: Accept-Language`. Varnish and the API response cache key
on the address alone, so an address must give the same answer to everyone: here, an
unprefixed address is German whatever the browser prefers, and no answer varies by header.
"""

from django.conf import settings
from django.utils import translation


class PathLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
