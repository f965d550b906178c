"""Query parameters Wagtail's API views take on trust, checked before they reach the database.

Without these checks a malformed value ends in a server error: an `offset` beyond
PostgreSQL's bigint overflows the query, `find/?id=abc` fails to convert the id,
`search_operator=xor` is refused by the search backend with an exception, and a NUL
character (in `locale`, `search`, `html_path`, ...) cannot be sent to PostgreSQL. Now each
is a 400 that names the parameter and says what is accepted (tests/api/test_api_parameters.py,
and the OpenAPI fuzzing in tests/api/test_openapi.py).

The rules live here, in one place: `WholeNumber` says what each parameter that takes a
whole number accepts, and api.openapi documents the same bounds.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import IntegerField
from taggit.managers import TaggableManager
from wagtail.api.v2.utils import BadRequestError

SEARCH_OPERATORS = ("and", "or")

# PostgreSQL's bigint, the widest integer column: every whole number the API takes must fit,
# offsets included (a larger OFFSET is a database error, not an empty list).
BIGINT_MAX = 9_223_372_036_854_775_807


@dataclass(frozen=True)
class WholeNumber:
    """What a parameter that takes a whole number accepts: ASCII digits (int() would also
    take a sign, spaces, underscores and the digits of other scripts) for a number from
    `minimum` to `maximum`, or one of `words`."""

    minimum: int
    maximum: int = BIGINT_MAX
    kind: str = "a whole number"
    words: tuple[str, ...] = ()

    def check(self, name: str, value: str) -> None:
        if value in self.words or self._in_range(value):
            return
        alternatives = "".join(f" or {word}" for word in self.words)
        raise BadRequestError(
            f"{name} must be {self.kind} from {self.minimum} to {self.maximum}{alternatives}, got {value!r}"
        )

    def _in_range(self, value: str) -> bool:
        # The length check first: int() refuses strings of more than 4,300 digits.
        digits = value.lstrip("0") or "0"
        return (
            value.isascii()
            and value.isdigit()
            and len(digits) <= len(str(self.maximum))
            and self.minimum <= int(digits) <= self.maximum
        )


ID = WholeNumber(1, kind="an id")
PAGE_ID = WholeNumber(1, kind="a page id")
# Wagtail's tree filters also take "root", the site's home page.
PAGE_ID_OR_ROOT = WholeNumber(1, kind="a page id", words=("root",))
COUNT = WholeNumber(0)


def limit_max() -> int:
    """Wagtail's largest `limit`; a setting of 0 or None means no limit of its own."""
    return getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20) or BIGINT_MAX


def whole_number_parameters() -> dict[str, WholeNumber]:
    """The parameters that take a whole number, by name, besides the field filters
    (`field_whole_number`) and `find/?id=` (`ID`). An endpoint checks those it knows."""
    return {
        "offset": COUNT,
        "limit": WholeNumber(0, limit_max()),
        "child_of": PAGE_ID_OR_ROOT,
        "descendant_of": PAGE_ID_OR_ROOT,
        "translation_of": PAGE_ID_OR_ROOT,
        "ancestor_of": PAGE_ID,
        # api.filters: articles and events of one project.
        "project": PAGE_ID,
    }


def field_whole_number(field) -> WholeNumber | None:
    """What a field filter (`?width=`, `?id=`, `?venue=`) on a model field takes, when the
    field holds whole numbers: an id for keys and relations, else a count."""
    if isinstance(field, TaggableManager):  # filtered by tag names
        return None
    compared = field.target_field if field.is_relation else field
    if not isinstance(compared, IntegerField):
        return None
    return ID if compared.primary_key else COUNT


class CheckedParametersMixin:
    """For API viewsets: parameters given twice or with a NUL character, and malformed or
    out-of-range whole numbers, `search_operator` values and `find/?id=` values are answered
    with a 400 instead of a server error. `meta` in `fields` names the fields the answer shows under
    `meta` (`fields=*,-meta`: an item without them)."""

    def initial(self, request, *args, **kwargs):
        # Before every action (list, detail, find, preview), as no parameter may hold a NUL.
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError(f"{name} must not contain null characters")
            # Each parameter takes one value (lists are comma-separated); Wagtail would read
            # the last and drop the others unseen.
            if len(values) > 1:
                raise BadRequestError(f"{name} is given {len(values)} times: give it once")

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        self.check_whole_numbers(queryset.model)
        operator = self.request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError(
                f"search_operator must be one of {', '.join(SEARCH_OPERATORS)}, got {operator!r}"
            )

    def refuse_unknown_parameters(self) -> None:
        """For views beside the router (preview, occurrences) that take their
        `known_query_parameters` only, no field filters; worded as Wagtail words it."""
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: " + ", ".join(sorted(unknown))
            )

    def check_whole_numbers(self, model) -> None:
        query = self.request.GET
        for name, rule in self._whole_number_rules(model).items():
            for value in query.getlist(name):
                rule.check(name, value)

    def _whole_number_rules(self, model) -> dict[str, WholeNumber]:
        rules = {
            name: rule
            for name, rule in whole_number_parameters().items()
            if name in self.known_query_parameters
        }
        # A parameter of its own (e.g. `locale`) wins over a field filter of the same name.
        for name in set(self.get_available_fields(model, db_fields_only=True)) - self.known_query_parameters:
            rule = field_whole_number(model._meta.get_field(name))
            if rule is not None:
                rules[name] = rule
        return rules

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        # Wagtail knows the fields under `meta` one by one (`type`, `detail_url`, ...) only.
        return super()._get_serializer_class(
            router,
            model,
            _meta_expanded(cls, model, fields_config, show_details),
            show_details=show_details,
            nested=nested,
        )

    def find_object(self, queryset, request):
        if "id" in request.GET:
            ID.check("id", request.GET["id"])
        return super().find_object(queryset, request)


META_GROUP = "meta"


def _meta_expanded(endpoint, model, fields_config, show_details: bool) -> list:
    """`fields` as Wagtail reads it: `meta` and `-meta` stand for each field of the model's
    `meta` object (Wagtail's meta fields) this answer can show, in their place."""
    meta_fields = [
        name
        for name in endpoint.get_meta_fields_names(model)
        if show_details or name not in endpoint.detail_only_fields
    ]
    expanded = []
    for name, negated, sub_fields in fields_config:
        if name != META_GROUP:
            expanded.append((name, negated, sub_fields))
        elif sub_fields:
            raise BadRequestError("'meta' does not support nested fields")
        else:
            expanded += [(field, negated, None) for field in meta_fields]
    return expanded
