"""The vocabulary of the API's JSON shapes, as the OpenAPI document (api.openapi) writes them.

The shapes sit next to the code that produces each value: the image shape in media.api, the
page link shape in core.api_fields, block values on the blocks, the fields of each page type
and each directory on its model (`api_field_shapes`). This package is
the bottom layer, plain Python, so that every layer can write its shapes with it.
"""


class MissingSchema(LookupError):
    """The API grew a field, block or parameter this description does not cover yet."""


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    """The schema, or JSON null."""
    if "$ref" not in schema and isinstance(schema.get("type"), str):
        return {**schema, "type": [schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def string(description: str = "", **extra) -> dict:
    return {"type": "string", **({"description": description} if description else {}), **extra}


def integer(description: str = "", **extra) -> dict:
    return {"type": "integer", **({"description": description} if description else {}), **extra}


def boolean(description: str = "") -> dict:
    return {"type": "boolean", **({"description": description} if description else {})}


def array(items: dict, description: str = "") -> dict:
    return {"type": "array", "items": items, **({"description": description} if description else {})}


def object_schema(properties: dict, description: str = "", required: bool | list = True) -> dict:
    """An object with these keys; `required` says which are always there (True: all of
    them). The object stays open: a later release may add keys, and clients must accept
    them (the tests check real answers against a copy closed to the listed keys)."""
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(properties) if required is True else list(required)
    if description:
        schema["description"] = description
    return schema


def choices(choice_class, description: str) -> dict:
    """A string enum from Django model choices, with the German label editors see."""
    labels = "; ".join(f"`{value}` ({label})" for value, label in choice_class.choices)
    return string(f"{description} Values: {labels}.", enum=list(choice_class.values))


def date_time(description: str) -> dict:
    return string(description, format="date-time")


def date(description: str) -> dict:
    return string(description, format="date")


URL_OR_EMPTY = "Absolute URL, or an empty string when not set."
HTML = (
    "HTML, ready to insert: internal page links carry the page's absolute address in `href` "
    "and, to open it in the app, `data-page-id`, `data-page-type` and `data-api-url` (the "
    "page in this API); document links the absolute download address; embedded images an "
    "absolute `src` with `width`, `height` and `alt`, and in `data-image` the image as JSON "
    "in the `Image` shape (renditions, alt text, credit). Links to pages visitors may not "
    "see come as `<a>` without `href`."
)
