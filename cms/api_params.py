"""Query parameters Wagtail's API views take on trust, checked before they reach the database.

Without these checks a malformed value ends in a server error: `find/?id=abc` fails to
convert the id, `search_operator=xor` is refused by the search backend with an exception,
and a NUL character in `search` or `html_path` cannot be sent to PostgreSQL. The OpenAPI
fuzzing in tests/api/test_openapi.py found each of them; now each is a 400 that says what
is accepted.
"""

from wagtail.api.v2.utils import BadRequestError

SEARCH_OPERATORS = ("and", "or")


def _without_nul(query, name) -> None:
    if "\x00" in query.get(name, ""):
        raise BadRequestError(f"{name} must not contain null characters")


class CheckedParametersMixin:
    """For API viewsets: malformed `search`, `search_operator`, `id` and `html_path` values
    are answered with a 400 instead of a server error."""

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        query = self.request.GET
        _without_nul(query, "search")
        operator = query.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(
                f"search_operator must be one of {', '.join(SEARCH_OPERATORS)}, got {operator!r}"
            )

    def find_object(self, queryset, request):
        query = request.GET
        object_id = query.get("id")
        if object_id is not None and not (object_id.isascii() and object_id.isdigit()):
            raise BadRequestError(f"id must be a whole number, got {object_id!r}")
        _without_nul(query, "html_path")
        return super().find_object(queryset, request)
