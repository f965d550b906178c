"""The OpenAPI 3.1 description of the headless API, served at /api/v2/openapi.json.

It is Python data so that everything that follows the code is generated from it and
cannot drift: the endpoints (from the API router), the page types and their fields (from
each model's `api_fields`), which fields only detail responses carry (from the pages
endpoint), the query parameters each endpoint accepts (from its `known_query_parameters`),
the body block types (from `BodyBlock`), the rendition sizes (from `media.api.RENDITIONS`)
and the choice values (from the model choices). The JSON shapes of fields and blocks are
written out by hand, next to the code that produces each value (see the `shapes` package):
a page type's fields in its model's `api_field_shapes`, block values in
`core.blocks.BLOCK_VALUE_SHAPES`, images in `media.api`, directory entries in their models'
`api_field_shapes` too.
A field or block without a written shape stops the build with an error naming it.

tests/api/test_openapi.py validates the document and checks real responses against it.
"""

import re

from django.conf import settings
from django.db import models
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, get_page_models

from alerts import api as alerts_api
from core import api_blocks as core_api_blocks
from core import api_fields as core_api_fields
from core import directory
from core.blocks import BLOCK_VALUE_SHAPES, BodyBlock
from events import api_fields as events_api_fields
from events.models import EventPage
from media import api as media_api
from projects import api_fields as projects_api_fields
from shapes import (
    MissingSchema,
    array,
    boolean,
    date_time,
    integer,
    nullable,
    object_schema,
    ref,
    string,
)

from .alerts import PATH_MAX_LENGTH
from .errors import REQUEST_ID_HEADER
from .filters import declared_parameters
from .languages import language_codes
from .occurrences import EVENT_PARAMETERS
from .params import ID, META_GROUP, PAGE_ID, WholeNumber, field_whole_number, whole_number_parameters
from .router import api_router
from .snippets import DirectoryAPIViewSet

OPENAPI_VERSION = "3.1.0"
API_PREFIX = "/api/v2/"

# Parameters Wagtail accepts that are no part of the contract: "_" is jQuery's cache
# buster, "format" switches to DRF's HTML browsable API, and "rich_text_format" applies to
# rich text fields, which this API does not have (body blocks always give display HTML).
UNDOCUMENTED_PARAMETERS = {"_", "format", "rich_text_format"}


# --- Small builders ------------------------------------------------------------------


def bounded(rule: WholeNumber, description: str = "", **extra) -> dict:
    """An integer with the bounds the API accepts (api.params), so that clients and the
    fuzzing in the tests stay within them."""
    return integer(description, minimum=rule.minimum, maximum=rule.maximum, **extra)


# --- Shared shapes -------------------------------------------------------------------


def shared_schemas() -> dict:
    return {
        "Error": object_schema(
            {"message": string("What was wrong with the request, in English, for developers.")},
            "Every 400 and 404 answer of the API.",
        ),
        "ServerError": object_schema(
            {
                "message": string("Always the same: the cause is in the server's log, not in the answer."),
                "request_id": string(
                    f"Finds the error in the server's log; also sent as the `{REQUEST_ID_HEADER}` header. "
                    "Quote it when you report the error."
                ),
            },
            "A 500 answer: the API failed on a request it should have answered.",
        ),
        "ListingMeta": object_schema(
            {
                "total_count": integer("Number of results across all pages of the list."),
                "next": nullable(
                    string(
                        "The next slice of the list (same parameters, later `offset`); null on the last.",
                        format="uri",
                    )
                ),
                "previous": nullable(string("The slice before this one; null on the first.", format="uri")),
            }
        ),
        **media_api.api_schemas(),
        **core_api_fields.api_schemas(),
        "PageTranslation": PAGE_TRANSLATION_SCHEMA,
        "PageReference": object_schema(
            {
                "id": integer(),
                "meta": object_schema(
                    {
                        "type": string(),
                        "detail_url": string(format="uri"),
                        "html_url": nullable(string(format="uri")),
                    },
                    required=False,
                ),
                "title": string(),
            },
            "Wagtail's nested page shape, used by `meta.parent` and `meta.alias_of`.",
            required=False,
        ),
        **events_api_fields.api_schemas(),
        **core_api_blocks.api_schemas(),
        **projects_api_fields.api_schemas(),
    }


# --- Body blocks ---------------------------------------------------------------------


def block_schema_name(block_type: str) -> str:
    return "".join(part.title() for part in block_type.split("_")) + "Block"


def block_schemas() -> dict:
    """One schema per block type of `BodyBlock`, `UnknownBlock` for types a later release
    adds, and `Body`, the list of them."""
    schemas = {}
    for name, block in BodyBlock.base_blocks.items():
        if name not in BLOCK_VALUE_SHAPES:
            raise MissingSchema(f"Body block type {name!r} has no shape in core.blocks.BLOCK_VALUE_SHAPES.")
        editor_name = block.meta.label or name
        schemas[block_schema_name(name)] = object_schema(
            {
                "type": string(const=name),
                "id": string(BLOCK_ID, format="uuid"),
                "value": BLOCK_VALUE_SHAPES[name],
            },
            f"Block `{name}` (editors know it as „{editor_name}“).",
        )
    # No discriminator: a client that maps `type` to a schema would reject a block type it
    # does not know instead of falling back to this one.
    schemas["UnknownBlock"] = object_schema(
        {
            "type": string(
                "A block type this description does not name yet.",
                **{"not": {"enum": list(BodyBlock.base_blocks)}},
            ),
            "id": string(BLOCK_ID, format="uuid"),
            "value": {"description": "Whatever the block type carries."},
        },
        "A block of a type added after this description: skip it, or show a link to the page.",
    )
    schemas["Body"] = array(
        {"oneOf": [ref(schema_name) for schema_name in schemas]},
        "The page body: typed blocks in reading order. Render the types you know and skip the "
        "others (`UnknownBlock`), so new block types do not break older app versions.",
    )
    return schemas


BLOCK_ID = "Stable id of the block, e.g. for anchors or React keys."


# --- Pages ---------------------------------------------------------------------------


def field_schema(model, name: str) -> dict:
    """The field's shape as the model (a page type or a directory), or the nearest base
    class, declares it in its `api_field_shapes`, next to its `api_fields`."""
    for klass in model.__mro__:
        shapes = vars(klass).get("api_field_shapes", {})
        if name in shapes:
            return shapes[name]
    raise MissingSchema(f"API field {name!r} of {model._meta.label} has no shape in its api_field_shapes.")


# The three ways a page is shown: as a list item, as a detail response, and as an editor's
# draft at /api/v2/preview/ (which may not have been saved yet: no id, no detail URL).
LISTING, DETAIL, PREVIEW = "listing", "detail", "preview"
PAGE_SCHEMA_SUFFIX = {LISTING: "ListItem", DETAIL: "", PREVIEW: "Preview"}
PAGE_META_SCHEMA = {LISTING: "PageListMeta", DETAIL: "PageDetailMeta", PREVIEW: "PagePreviewMeta"}


def page_meta_schema(view: str) -> dict:
    detail_url = string("The page in this API.", format="uri")
    meta = {
        "type": string("The page type, e.g. `events.EventPage`; decides which fields the item has."),
        "detail_url": nullable(detail_url) if view == PREVIEW else detail_url,
        "html_url": nullable(string("The page on the website.", format="uri")),
        "slug": string(),
        "show_in_menus": boolean(),
        "seo_title": string(),
        "search_description": string(),
        "first_published_at": nullable(date_time("When the page was first published.")),
        "alias_of": nullable(ref("PageReference")),
        "locale": string("The page's language.", enum=LANGUAGE_CODES),
    }
    if view != LISTING:
        meta["parent"] = nullable(ref("PageReference") | {"description": "null for a site's home page."})
    if view != LISTING:
        meta["translations"] = array(
            ref("PageTranslation"), "The page's versions in the other languages that visitors may open."
        )
    return object_schema(
        meta,
        "About the page rather than its content. Lists carry `type`, `detail_url`, `html_url`, "
        "`slug`, `first_published_at` and `locale` unless `fields` says otherwise; detail "
        "responses carry every key (a preview: every key but `locale`).",
        # A preview's meta (preview.api) need not name its locale or translations.
        required=False
        if view == LISTING
        else [key for key in meta if view == DETAIL or key not in ("locale", "translations")],
    )


LANGUAGE_CODES = language_codes()


def locale_parameter() -> dict:
    return _query(
        "locale",
        string(enum=LANGUAGE_CODES, default=settings.LANGUAGE_CODE),
        "The language of the list: `de` (German, the default) or `en` (English). Another value is a 400.",
    )


PAGE_TRANSLATION_SCHEMA = object_schema(
    {
        "id": integer("The translation's page id."),
        "locale": string("Its language.", enum=LANGUAGE_CODES),
        "title": string(),
        "html_url": nullable(string("The translation on the website.", format="uri")),
        "detail_url": string("The translation in this API.", format="uri"),
    },
    "One other language version of a page.",
)


def page_type_label(model) -> str:
    return model._meta.label


def page_schema_name(model, view: str) -> str:
    # `PageListItem` and the like name the union of all page types.
    name = "GenericPage" if model is Page else model.__name__
    return name + PAGE_SCHEMA_SUFFIX[view]


def page_schema(model, pages_endpoint, view: str) -> dict:
    api_names = [name for name in pages_endpoint.get_body_fields_names(model) if name not in ("id", "title")]
    if view == LISTING:
        api_names = [name for name in api_names if name not in pages_endpoint.detail_only_fields]
    properties = {
        "id": nullable(integer("null for a page that has not been saved yet."))
        if view == PREVIEW
        else integer(),
        "type": string(
            "The page type; always there, whatever `fields` asks for, so clients can tell the "
            "types apart (the same as `meta.type`).",
            const=page_type_label(model),
        ),
        "meta": ref(PAGE_META_SCHEMA[view]),
        "title": string(),
        **{name: field_schema(model, name) for name in api_names},
    }
    if view == LISTING:
        shown_as = "A list item"
        keys = "Besides `id` and `type`, which keys are present follows the `fields` parameter."
        required = ["id", "type"]
    else:
        shown_as = "A detail response" if view == DETAIL else "A draft"
        keys = "Every key is present unless the `fields` parameter leaves it out."
        required = True
    return object_schema(
        properties,
        f"{shown_as} of page type `{page_type_label(model)}` („{model._meta.verbose_name}“). {keys}",
        required=required,
    )


def page_union(models, view: str, description: str) -> dict:
    """The page types of a view, told apart by their top-level `type`."""
    mapping = {page_type_label(model): ref(page_schema_name(model, view))["$ref"] for model in models}
    return {
        "description": description,
        "oneOf": [{"$ref": target} for target in mapping.values()],
        "discriminator": {"propertyName": "type", "mapping": mapping},
    }


def api_page_models() -> list:
    """Every page type the API can return, the base `wagtailcore.Page` first."""
    return [Page, *(model for model in get_page_models() if model is not Page)]


def page_schemas(pages_endpoint) -> dict:
    schemas = {name: page_meta_schema(view) for view, name in PAGE_META_SCHEMA.items()}
    specific_models = [model for model in api_page_models() if model is not Page]
    for model in api_page_models():
        schemas[page_schema_name(model, LISTING)] = page_schema(model, pages_endpoint, LISTING)
    for view in (DETAIL, PREVIEW):
        for model in specific_models:
            schemas[page_schema_name(model, view)] = page_schema(model, pages_endpoint, view)
    schemas["PageListItem"] = page_union(
        api_page_models(),
        LISTING,
        "A page in a list, of the type its `type` names. `fields=*` gives all of that type's "
        "card fields, with one `type=` and without (a search across types gives each hit as "
        "its own type's card); other lists of several types carry the fields all pages have.",
    )
    schemas["PageDetail"] = page_union(
        specific_models, DETAIL, "A page with all its fields, of the type its `type` names."
    )
    schemas["PagePreview"] = page_union(
        specific_models,
        PREVIEW,
        "An editor's draft in the shape of `PageDetail`; a page not saved yet has no id.",
    )
    return schemas


# --- Images, documents, directories -------------------------------------------------


def images_schemas() -> dict:
    meta = object_schema(
        {
            "type": string(),
            "detail_url": string(format="uri"),
            "tags": array(string()),
            "download_url": string(
                "The original file as uploaded (often large): a path on this site, or an absolute "
                "URL when media are stored on S3. Use the renditions to show the image."
            ),
        },
        required=False,
    )
    return {
        "ImageMeta": meta,
        "ImageItem": object_schema(
            {"meta": ref("ImageMeta"), **media_api.image_properties()},
            "An image in the shared shape (see `Image`) plus `meta`. Which keys are present "
            "follows the `fields` parameter.",
            required=False,
        ),
    }


def documents_schemas() -> dict:
    return {
        "DocumentItem": object_schema(
            {
                "id": integer(),
                "meta": object_schema(
                    {
                        "type": string(),
                        "detail_url": string(format="uri"),
                        "tags": array(string()),
                        "download_url": string("Absolute download address.", format="uri"),
                    },
                    required=False,
                ),
                "title": string(),
            },
            "A document of the media library. Which keys are present follows the `fields` parameter.",
            required=False,
        )
    }


def directory_schemas(router) -> dict:
    """Each directory's one shape (core.directory), named after its model, as pages embed
    an entry; and for each directory endpoint its items, the same fields with `meta`, which
    of them present following the `fields` parameter."""
    endpoints = {endpoint.model: name for name, endpoint in router._endpoints.items()}
    schemas = {
        "DirectoryMeta": object_schema({"type": string(), "detail_url": string(format="uri")}, required=False)
    }
    for model in directory.models():
        endpoint = endpoints.get(model)
        fields = {name: field_schema(model, name) for name in (field.name for field in model.api_fields)}
        listed_at = f" The entry at /api/v2/{endpoint}/{{id}}/." if endpoint else ""
        schemas[model.__name__] = object_schema(
            {"id": integer(listed_at.strip()), **fields},
            f"An entry of the „{model._meta.verbose_name_plural}“ directory.{listed_at}",
        )
        if endpoint:
            schemas[directory_item_schema_name(model)] = object_schema(
                {"id": integer(), "meta": ref("DirectoryMeta"), **fields},
                f"„{model._meta.verbose_name}“. Which keys are present follows the `fields` parameter.",
                required=False,
            )
    return schemas


def directory_item_schema_name(model) -> str:
    return model.__name__ + "Item"


# --- Parameters ----------------------------------------------------------------------


def _query(name: str, schema: dict, description: str, **extra) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
        **extra,
    }


def _page_types_pattern() -> str:
    labels = "|".join(label.replace(".", r"\.") for label in (page_type_label(m) for m in api_page_models()))
    return rf"^({labels})(,({labels}))*$"


# The schema of each kind of filter parameter (core.api_filters), besides choices and page ids.
FILTER_SCHEMAS = {
    # Some character besides ASCII white space (api.filters.BLANK).
    "text": string(pattern=r"[^ \t\n\r\f\v]"),
    "boolean": boolean(),
    "day": string(format="date"),
    "moment": {"anyOf": [string(format="date-time"), string(format="date")]},
}


def filter_parameters(page_id: dict) -> dict:
    """The page filters' parameters, from what each page type declares (`api_filters`,
    core.api_filters), each with the `type=` it needs."""
    return {
        name: _query(name, _filter_schema(uses, page_id), _filter_doc(uses))
        for name, uses in declared_parameters().items()
    }


def _filter_doc(uses) -> str:
    """A parameter two types share is described once: by their common description, or by
    theirs joined ("Only events with this status (...) or projects with this status (...)")."""
    if len({parameter.description for _, parameter in uses}) == 1:
        needs = " or ".join(f"`type={label}`" for label, _ in uses)
        return f"{uses[0][1].description} Needs {needs}."
    parts = [
        f"{parameter.description.removeprefix('Only ') if index else parameter.description} "
        f"({', '.join(parameter.kind.choices.values)}; `type={label}`)"
        for index, (label, parameter) in enumerate(uses)
    ]
    return " or ".join(parts) + "."


def _filter_schema(uses, page_id: dict) -> dict:
    """By the parameter's kind; choices of several types give the sorted union of values."""
    kinds = [parameter.kind for _, parameter in uses]
    kind = kinds[0]
    if kind.name == "choice" and len(kinds) == 1:
        return string(enum=list(kind.choices.values))
    if kind.name == "choice":
        return string(enum=sorted({value for each in kinds for value in each.choices.values}))
    return page_id if kind.name == "page id" else FILTER_SCHEMAS[kind.name]


def query_parameters() -> dict:
    """Every query parameter of the API, by name; each endpoint uses those it accepts."""
    numbers = whole_number_parameters()
    limit = numbers["limit"]
    page_id = bounded(PAGE_ID)
    return {
        "type": _query(
            "type",
            string(pattern=_page_types_pattern()),
            "Only pages of this type, e.g. `articles.ArticlePage`; several separated by commas. "
            "With one type, items carry that type's fields and the type's filters apply.",
            examples={
                "articles": {"value": "articles.ArticlePage"},
                "events": {"value": "events.EventPage"},
                "projects": {"value": "projects.ProjectPage"},
            },
        ),
        "limit": _query(
            "limit",
            bounded(limit, default=min(20, limit.maximum)),
            f"Items per answer, at most {limit.maximum}.",
        ),
        "offset": _query("offset", bounded(numbers["offset"], default=0), "Items to skip, for paging."),
        "search": _query(
            "search",
            string(),
            "Full-text search with German stemming („Veranstaltungen“ finds „Veranstaltung“); "
            "results are ordered by relevance unless `order` is given.",
        ),
        "search_operator": _query(
            "search_operator",
            string(enum=["and", "or"]),
            "How several search words combine: `and` (all must match) or `or` (the default).",
        ),
        "child_of": _query(
            "child_of",
            {"anyOf": [page_id, string(enum=["root"])]},
            "Only direct children of this page id (`root`: of the site's home page).",
        ),
        "ancestor_of": _query("ancestor_of", page_id, "Only ancestors of this page id."),
        "descendant_of": _query(
            "descendant_of",
            {"anyOf": [page_id, string(enum=["root"])]},
            "Only pages below this page id, at any depth (`root`: the site's home page). Not "
            "with `child_of`.",
        ),
        "translation_of": _query(
            "translation_of",
            {"anyOf": [page_id, string(enum=["root"])]},
            "Only translations of this page id, in every language unless `locale` is given.",
        ),
        "locale": locale_parameter(),
        "site": _query(
            "site",
            string(),
            "The site whose pages to list, by host name (`host` or `host:port`); defaults to the "
            "site of the requested host. An unknown site is a 404.",
        ),
        "html_path": _query(
            "html_path",
            string(),
            "A path on the website, e.g. `/aktuelles/`: redirects to that page in the API.",
            example="/aktuelles/",
        ),
        "id": _query("id", bounded(ID), "The id to find: redirects to that object's detail."),
        **filter_parameters(page_id),
    }


FIELDS_DOC = (
    "Which fields to include, comma-separated: `*` for all (what a card needs) followed by "
    "`-name`s to leave out, `_` for none followed by names to add, or names to add and `-name`s "
    "to leave out of the default fields, e.g. `_,title` or `*,-meta`; `meta` stands for all the "
    "fields under `meta`. Unknown names are a 400."
)
PAGE_FIELDS_DOC = (
    " Lists default to `id`, `type`, `title` and `meta`. The names are those of the page type: "
    "without `type=` (or with several) a list knows the fields all pages have, and a detail "
    "those of its page's type. On a list of several page types (no `type=`, e.g. a site "
    "search), `*` gives each item the card of its own type, in the list's order."
)


def _alternatives(names) -> str:
    return "|".join(re.escape(name) for name in sorted(names))


def _endpoint_models(endpoint) -> list:
    return api_page_models() if issubclass(endpoint, PagesAPIViewSet) else [endpoint.model]


def fields_parameter(endpoint, view: str) -> dict:
    """`fields`, with the names the endpoint knows in this view (the fields of every page type
    for pages) and Wagtail's syntax; nested fields (`logo(title)`) are left out."""
    names = {META_GROUP}
    for model in _endpoint_models(endpoint):
        available = [*endpoint.get_body_fields_names(model), *endpoint.get_meta_fields_names(model)]
        names |= {name for name in available if view != LISTING or name not in endpoint.detail_only_fields}
    name = f"(?:{_alternatives(names)})"
    item = f"-?{name}"
    is_pages = issubclass(endpoint, PagesAPIViewSet)
    # After `*` only names to leave out, after `_` only names to add.
    return _query(
        "fields",
        string(pattern=rf"^(?:\*(?:,-{name})*|_(?:,{name})*|{item}(?:,{item})*)?$"),
        FIELDS_DOC + (PAGE_FIELDS_DOC if is_pages else ""),
        examples={
            "all": {"value": "*"},
            "a few": {"value": "_,title" if is_pages else "_,id"},
            "without meta": {"value": "*,-meta"},
        },
    )


def order_parameter(endpoint) -> dict:
    """`order`, with the names the endpoint sorts by: its fields stored as such (for pages,
    those of every page type) and the orderings a page type computes (`api_orderings`)."""
    names = set()
    for model in _endpoint_models(endpoint):
        names |= set(endpoint.get_available_fields(model, db_fields_only=True))
        names |= set(getattr(model, "api_orderings", {}))
    item = f"-?(?:{_alternatives(names)})"
    if issubclass(endpoint, PagesAPIViewSet):
        description = (
            "Sort by a field of the page type, `-field` for descending, several comma-separated; "
            "or `random`. Events also sort by `next_start` (their next date still running or to "
            "come; events that are over come last). Without it: search results by relevance, "
            "articles newest first, events with `upcoming` as that filter says and with "
            "`start_after`/`start_before` by the date that matched, other pages in the order of "
            "the site tree."
        )
        examples = {"title": {"value": "title"}, "newest": {"value": "-first_published_at"}}
    else:
        description = (
            "Sort by a field, `-field` for descending, several comma-separated; or `random`. "
            "Without it: " + ("by name." if issubclass(endpoint, DirectoryAPIViewSet) else "by id.")
        )
        examples = {"newest": {"value": "-id"}}
    return _query(
        "order",
        string(pattern=rf"^(?:random|{item}(?:,{item})*)?$"),
        description,
        examples=examples,
    )


def _parameters_for(endpoint, names, view: str = LISTING) -> list:
    parameters = query_parameters() | {
        "fields": fields_parameter(endpoint, view),
        "order": order_parameter(endpoint),
    }
    names = set(names) - UNDOCUMENTED_PARAMETERS
    if not any(issubclass(backend, SearchFilter) for backend in endpoint.filter_backends):
        # Accepted by every Wagtail endpoint, but only those with the search backend search.
        names -= {"search", "search_operator"}
    documented = []
    for name in sorted(names):
        if name not in parameters:
            raise MissingSchema(
                f"Query parameter {name!r} of {endpoint.__name__} has no description in api.openapi."
            )
        documented.append(parameters[name])
    return documented


def _field_filter_schema(field) -> dict:
    if isinstance(field, TaggableManager):
        return string("Tag names, comma-separated; all must match.")
    if isinstance(field, models.BooleanField):
        return boolean()
    if number := field_whole_number(field):
        return bounded(number)
    if isinstance(field, models.DateTimeField):
        return string(format="date-time")
    if isinstance(field, models.DateField):
        return string(format="date")
    if isinstance(field, models.DecimalField):
        # The digits the column holds: PostgreSQL cannot compare a longer number with it.
        whole = field.max_digits - field.decimal_places
        return string(
            f"A decimal number, up to {whole} digits before the point and {field.decimal_places} after.",
            pattern=rf"^-?[0-9]{{1,{whole}}}(?:\.[0-9]{{1,{field.decimal_places}}})?$",
        )
    return string()


def field_filter_parameters(endpoint) -> list:
    """Wagtail's exact-match filters: every API field with a database column, e.g. `?slug=`.
    For pages these are the fields all page types share; `type=` adds the type's own."""
    model = endpoint.model
    names = set(endpoint.get_available_fields(model, db_fields_only=True))
    # Parameters of their own (e.g. `locale`) take precedence over a field of the same name.
    names -= endpoint.known_query_parameters
    # Reverse relations (an image's `renditions`) are API fields by accident of naming.
    names = {name for name in names if not isinstance(model._meta.get_field(name), models.ForeignObjectRel)}
    return [
        _query(
            name,
            _field_filter_schema(model._meta.get_field(name)),
            f"Only items whose `{name}` is exactly this value.",
        )
        for name in sorted(names)
    ]


def _path_id(noun: str) -> dict:
    return {
        "name": "id",
        "in": "path",
        "required": True,
        "description": f"The {noun}'s id.",
        "schema": bounded(ID),
    }


# --- Responses -----------------------------------------------------------------------

HEADER_DOCS = {
    "ETag": "Identifies this answer; send it as `If-None-Match` to get a 304 when nothing changed.",
    "Last-Modified": "When published content last changed; send it as `If-Modified-Since`.",
    "Cache-Control": (
        "`public, max-age=N` for anonymous reads (N is the site's `API_CACHE_MAX_AGE`, 60 s by "
        "default); errors carry no such permission."
    ),
}


def _headers(*names) -> dict:
    return {name: {"description": HEADER_DOCS[name], "schema": string()} for name in names}


def json_response(description: str, schema: dict, *, cacheable: bool = True) -> dict:
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    if cacheable:
        response["headers"] = _headers("ETag", "Last-Modified", "Cache-Control")
    return response


def error_response(description: str) -> dict:
    return json_response(description, ref("Error"), cacheable=False)


NOT_MODIFIED = {
    "description": "Not modified: the `If-None-Match` ETag (or `If-Modified-Since`) still matches. No body.",
    "headers": _headers("ETag", "Cache-Control"),
}
SERVER_ERROR = {
    "description": "The API failed; `request_id` finds the error in the server's log.",
    "headers": {REQUEST_ID_HEADER: {"description": "The answer's `request_id`.", "schema": string()}},
    "content": {"application/json": {"schema": ref("ServerError")}},
}
# gunicorn's limit on the request line (`limit_request_line`), answered before the app sees it.
URI_TOO_LONG = {
    "description": "The address is longer than the web server takes (4,094 bytes for the request "
    "line); answered by the server in front of the API, not in JSON."
}
BAD_REQUEST = error_response(
    "A parameter is unknown or has a value that cannot be used; `message` names it and, for "
    "filters, what it accepts."
)


def listing_response(item: dict, noun: str) -> dict:
    return json_response(
        f"A page of {noun}.",
        object_schema({"meta": ref("ListingMeta"), "items": array(item)}),
    )


def redirect_response(noun: str) -> dict:
    return {
        "description": f"Found: redirects to the {noun}'s detail URL (query parameters are kept).",
        "headers": {"Location": {"description": "The detail URL.", "schema": string(format="uri")}},
    }


# --- Paths ---------------------------------------------------------------------------


def _operations(name, endpoint, *, tag, noun, item, detail, listing_extra="", detail_extra=""):
    """The listing, detail and find operations of one router endpoint."""
    listing_parameters = [
        *_parameters_for(endpoint, endpoint.known_query_parameters),
        *field_filter_parameters(endpoint),
    ]
    detail_parameters = [
        _path_id(noun),
        *_parameters_for(endpoint, {"fields", "type"} & endpoint.known_query_parameters, DETAIL),
    ]
    find_parameters = _parameters_for(endpoint, endpoint.find_query_parameters)
    base = f"{API_PREFIX}{name}/"
    return {
        base: {
            "get": {
                "operationId": f"{name}_list",
                "tags": [tag],
                "summary": f"List {name}",
                "description": listing_extra,
                "parameters": listing_parameters,
                "responses": {
                    "200": listing_response(item, name),
                    "304": NOT_MODIFIED,
                    "400": BAD_REQUEST,
                    **(
                        {"404": error_response("The `site` asked for does not exist.")}
                        if issubclass(endpoint, PagesAPIViewSet)
                        else {}
                    ),
                    "414": URI_TOO_LONG,
                    "500": SERVER_ERROR,
                },
            }
        },
        base + "{id}/": {
            "get": {
                "operationId": f"{name}_detail",
                "tags": [tag],
                "summary": f"One {noun}",
                "description": detail_extra,
                "parameters": detail_parameters,
                "responses": {
                    "200": json_response(f"The {noun}.", detail),
                    "304": NOT_MODIFIED,
                    "400": BAD_REQUEST,
                    "404": error_response(f"No such {noun}, or not public."),
                    "414": URI_TOO_LONG,
                    "500": SERVER_ERROR,
                },
            }
        },
        base + "find/": {
            "get": {
                "operationId": f"{name}_find",
                "tags": [tag],
                "summary": f"Find one {noun}",
                "description": f"Looks a {noun} up and redirects to its detail URL.",
                "parameters": find_parameters,
                "responses": {
                    "302": redirect_response(noun),
                    "400": BAD_REQUEST,
                    "404": error_response(f"No {noun} matches."),
                    "414": URI_TOO_LONG,
                    "500": SERVER_ERROR,
                },
            }
        },
    }


PAGES_LISTING = """\
Live, public pages of the site, 20 per answer.

**Cards in one request.** Ask for one page type and all fields, e.g.
`?type=articles.ArticlePage&fields=*`: every item then carries what a card shows (teaser,
hero image with renditions and credit, date, category, …). `body`, `image_credits`, an
article's `related_events` and `related_projects`, and a project's `goals`, `milestones`,
`funders`, `partners` and `contact` are detail-only: asking for them here is a 400 that
says so.

**Filters** apply with the matching `type=` only; without it they are a 400 that names the
type they need. Bad values are a 400 naming the parameter and what it accepts; an unknown
category or theme slug just gives an empty list. Besides the filters listed here, every
field of the chosen type that is stored as such (e.g. `date`, `all_day`) filters by exact
value.
"""

PAGES_DETAIL = """\
A page with all its fields, including the detail-only ones: `body` (typed blocks, see
`Body`) and `image_credits`, an article's related events and projects, and a project's
goals, milestones, funders, partners and contact. The fields depend on `meta.type`.
"""


def _paths(router, pages_endpoint) -> dict:
    paths = {}
    for name, endpoint in router._endpoints.items():
        if issubclass(endpoint, PagesAPIViewSet):
            paths |= _operations(
                name,
                endpoint,
                tag="Pages",
                noun="page",
                item=ref("PageListItem"),
                detail=ref("PageDetail"),
                listing_extra=PAGES_LISTING,
                detail_extra=PAGES_DETAIL,
            )
        elif issubclass(endpoint, ImagesAPIViewSet):
            paths |= _operations(
                name,
                endpoint,
                tag="Media",
                noun="image",
                item=ref("ImageItem"),
                detail=ref("ImageItem"),
                listing_extra="Images of the media library, in the shared image shape.",
            )
        elif issubclass(endpoint, DocumentsAPIViewSet):
            paths |= _operations(
                name,
                endpoint,
                tag="Media",
                noun="document",
                item=ref("DocumentItem"),
                detail=ref("DocumentItem"),
            )
        else:
            schema = ref(directory_item_schema_name(endpoint.model))
            noun = str(endpoint.model._meta.verbose_name)
            paths |= _operations(
                name,
                endpoint,
                tag="Directories",
                noun=noun,
                item=schema,
                detail=schema,
                listing_extra=f"All {endpoint.model._meta.verbose_name_plural}, ordered by name.",
            )
    paths[f"{API_PREFIX}preview/"] = {
        "get": {
            "operationId": "preview",
            "tags": ["Pages"],
            "summary": "An editor's draft, for the app preview",
            "description": (
                "When an editor chooses „App-Vorschau“ in the admin, the app front end is opened "
                "with `?preview=<token>`; it fetches the draft here, in the shape of the pages "
                "detail response. Tokens are signed and expire; answers are `Cache-Control: "
                "private, no-store`."
            ),
            "parameters": [
                _query("token", string(minLength=1), "The preview token from the admin.", required=True),
                *_parameters_for(pages_endpoint, {"fields"}, PREVIEW),
            ],
            "responses": {
                "200": json_response("The draft page.", ref("PagePreview"), cacheable=False),
                "400": error_response("No token given."),
                "403": error_response("The token is invalid or has expired."),
                "414": URI_TOO_LONG,
                "500": SERVER_ERROR,
            },
        }
    }
    paths[f"{API_PREFIX}occurrences/"] = occurrences_path()
    paths |= alerts_paths()
    paths[API_PREFIX] = {
        "get": {
            "operationId": "index",
            "tags": ["Index"],
            "summary": "Where everything is",
            "description": "The list address of each endpoint, this description and its docs page.",
            "parameters": [],
            "responses": {
                "200": json_response(
                    "The index.",
                    object_schema(
                        {
                            "endpoints": {
                                "type": "object",
                                "description": "Each endpoint's list address, by name (`pages`, ...).",
                                "additionalProperties": string(format="uri"),
                            },
                            "openapi": string("This description.", format="uri"),
                            "docs": string("This description to read, in the browser.", format="uri"),
                        }
                    ),
                ),
                "414": URI_TOO_LONG,
                "500": SERVER_ERROR,
            },
        }
    }
    return paths


def occurrences_path() -> dict:
    """/api/v2/occurrences/ (api.occurrences): its parameters are the events list's."""
    page_id = bounded(PAGE_ID)
    events_label = EventPage._meta.label
    event_parameters = {
        parameter.name: parameter
        for parameter in EventPage.api_filters.parameters
        if parameter.name in EVENT_PARAMETERS
    }
    numbers = query_parameters()
    return {
        "get": {
            "operationId": "occurrences_list",
            "tags": ["Pages"],
            "summary": "List event dates",
            "description": (
                "Every date of every event (the main date and each further date) as an item of its "
                "own, in date order, each with the event's card: what a calendar screen shows, "
                "without expanding series. Without a range, the dates still running or to come."
            ),
            "parameters": [
                *(
                    _query(name, _filter_schema([(events_label, parameter)], page_id), parameter.description)
                    for name, parameter in sorted(event_parameters.items())
                ),
                numbers["limit"],
                numbers["offset"],
            ],
            "responses": {
                "200": listing_response(ref("Occurrence"), "event dates"),
                "304": NOT_MODIFIED,
                "400": BAD_REQUEST,
                "414": URI_TOO_LONG,
                "500": SERVER_ERROR,
            },
        }
    }


def occurrence_schemas() -> dict:
    return {
        "Occurrence": object_schema(
            {
                "start": date_time("Start of this date, with the Berlin offset."),
                "end": nullable(date_time("End of this date; null when open-ended.")),
                "all_day": boolean("When true, show the date only, no times."),
                "note": string("e.g. „Teil 2: Mobilität“; may be empty (always for the main date)."),
                "event": ref("EventPageListItem") | {"description": "The event's card."},
            },
            "One date of an event.",
        )
    }


def alerts_paths() -> dict:
    """/api/v2/alerts/ and its items (api.alerts)."""
    return {
        f"{API_PREFIX}alerts/": {
            "get": {
                "operationId": "alerts_list",
                "tags": ["Alerts"],
                "summary": "List current alerts",
                "description": (
                    "The alerts published now (cancellations, closures, outages), danger first, then "
                    "warnings, then information, the newest first within each. All in one answer, "
                    "without paging: `next` and `previous` are always null. Poll it with "
                    "`If-None-Match` (an unchanged list is a bodiless 304)."
                ),
                "parameters": [
                    _query(
                        "path",
                        string(pattern="^/", maxLength=PATH_MAX_LENGTH),
                        "A page's path on the site (`/veranstaltungen/online-sprechstunde/`): only the "
                        "alerts the website shows there, those for the whole site and those for the "
                        "page or a page above it. An address that is no page gets the whole site's.",
                    ),
                    locale_parameter(),
                ],
                "responses": {
                    "200": listing_response(ref("Alert"), "current alerts"),
                    "304": NOT_MODIFIED,
                    "400": BAD_REQUEST,
                    "414": URI_TOO_LONG,
                    "500": SERVER_ERROR,
                },
            }
        },
        f"{API_PREFIX}alerts/{{id}}/": {
            "get": {
                "operationId": "alerts_read",
                "tags": ["Alerts"],
                "summary": "Get a current alert",
                "description": "One current alert: the `api_url` of the webhooks' alert events.",
                "parameters": [_path_id("alert")],
                "responses": {
                    "200": json_response("The alert.", ref("Alert")),
                    "304": NOT_MODIFIED,
                    "400": BAD_REQUEST,
                    "404": error_response(
                        "No current alert has this id (ended, unpublished or never published)."
                    ),
                    "414": URI_TOO_LONG,
                    "500": SERVER_ERROR,
                },
            }
        },
    }


# --- The document --------------------------------------------------------------------

INTRODUCTION = """\
Content of the Smart City website for apps, info screens, newsletters and partner sites:
news, events, projects and the media they show. Read-only; no authentication.

## Conventions
- **Lists** answer `{"meta": {"total_count": n, "next": url, "previous": url}, "items":
  [...]}`, 20 items per answer (`limit`, `offset`); `next` and `previous` are the
  neighbouring slices' addresses, null at either end. Items carry `id`, `type`, `title`
  and `meta` unless `fields` says otherwise (`id` and `type` always).
- **Card-ready lists:** `/api/v2/pages/?type=events.EventPage&fields=*` gives everything an
  event card shows in one request; the same for `articles.ArticlePage` and
  `projects.ProjectPage`.
- **Detail only:** a page's `body` (typed blocks: `{type, id, value}`, see `Body`) and its
  `image_credits`, an article's related events and projects, and a project's goals,
  milestones, funders, partners and contact come with `/api/v2/pages/{id}/` only.
- **Images** have one shape everywhere (`Image`): alt text (empty when decorative), focal
  point, credit, and renditions `thumbnail`, `card` and `hero`, each with `url`, `webp_url`,
  `width` and `height`. Print each shown image's credit; a page lists all of them as
  `image_credits`.
- **Links** in rich text and blocks are absolute addresses, ready to open.
- **Times** are ISO 8601 with the Berlin offset (`2022-03-07T17:00:00+01:00`); events
  also name their `time_zone`.
- **Errors** are JSON `{"message": "..."}`: 400 for a parameter that is unknown or has a bad
  value (a whole number outside the parameter's `minimum` and `maximum`, a NUL character
  anywhere), 404 for what does not exist or is not public. Drafts and protected pages never
  appear. A failure of the API itself is a 500 with a `request_id` (also the `X-Request-ID`
  header) to quote when you report it.

## Caching
Every answer carries an `ETag`, and API answers a `Last-Modified`: send them back as
`If-None-Match` / `If-Modified-Since` and an unchanged answer is a bodiless 304.
Anonymous reads are `Cache-Control: public, max-age=60` (configurable), so shared caches
may keep them; errors and previews are never marked cacheable.

## CORS
Front ends on the origins the site lists in `CORS_ALLOWED_ORIGINS` may read the API from
the browser (`GET`, `HEAD`, `OPTIONS`); other origins get no CORS permission.
"""


def _merged(*schema_groups) -> dict:
    """All schemas by name; a name given twice would silently replace a shape, so it stops the build."""
    merged = {}
    for group in schema_groups:
        for name, schema in group.items():
            if name in merged:
                raise ValueError(f"Two schemas named {name!r} in api.openapi.")
            merged[name] = schema
    return merged


def build_openapi(router=api_router) -> dict:
    """The OpenAPI document of the API that `router` (by default the site's) serves."""
    pages_endpoint = next(e for e in router._endpoints.values() if issubclass(e, PagesAPIViewSet))
    schemas = _merged(
        shared_schemas(),
        block_schemas(),
        page_schemas(pages_endpoint),
        images_schemas(),
        documents_schemas(),
        directory_schemas(router),
        occurrence_schemas(),
        {"Alert": alerts_api.ALERT_SHAPE},
    )

    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": f"{settings.WAGTAIL_SITE_NAME} – Content API",
            "version": "2",
            "description": INTRODUCTION,
        },
        "tags": [
            {"name": "Pages", "description": "News, events, projects and content pages."},
            {"name": "Media", "description": "Images and documents of the media library."},
            {"name": "Directories", "description": "Categories, themes, venues and organisations."},
            {"name": "Alerts", "description": "Urgent notices for the whole site or one section."},
            {"name": "Index", "description": "The addresses of everything above."},
        ],
        "paths": _paths(router, pages_endpoint),
        "components": {"schemas": schemas},
    }
