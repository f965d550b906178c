"""What the OpenAPI document says in words and schemathesis cannot read, for fuzz/run.py
(loaded through SCHEMATHESIS_HOOKS).

OpenAPI describes each query parameter on its own, and an answer's shape whatever the query
was. Two rules of the document tie them together, in the descriptions of the parameters:

- a page filter needs the `type=` that declares it ("Needs `type=events.EventPage`"), the
  names in a pages `fields` or `order` are those of the page type asked for (a list
  without one `type=` knows the fields all pages have), and `descendant_of` does not go
  with `child_of`;
- a page's detail carries every key "unless the `fields` parameter leaves it out".

Schemathesis draws parameters independently, so it reports a refused request that breaks
the first rule as "valid data rejected" and an answer that follows the second as one that
violates the schema. `filter_failure` drops exactly these reports, each checked against the
document itself; every other failure stands.
"""

import json
import os
import re

import jsonschema
import schemathesis
from schemathesis.openapi.checks import JsonSchemaError, RejectedPositiveData

from fuzz.run import DROPPED_REPORTS

PAGE_OPERATIONS = ("/api/v2/pages/", "/api/v2/pages/{id}/", "/api/v2/preview/")
NEEDS_TYPE = re.compile(r"^(\w+) filters .+ only: add type=")
UNKNOWN_FIELDS = re.compile(r"^unknown fields: (.+)$")
CHILD_AND_DESCENDANT = "filtering by descendant_of with child_of is not supported"
UNKNOWN_ORDER = re.compile(r"^cannot order by '-?(\w+)' \(unknown field\)$")


@schemathesis.hook
def filter_failure(context, failure, case, response) -> bool:
    """False for a report that only shows a rule of the document OpenAPI cannot express."""
    if case.operation.path not in PAGE_OPERATIONS:
        return True
    document = case.operation.schema.raw_schema
    dropped = None
    if isinstance(failure, RejectedPositiveData) and response.status_code == 400:
        if _refused_by_a_rule_of_page_types(document, case, _message(response)):
            dropped = "a filter, field or order of another page type: " + _message(response)
    elif (
        isinstance(failure, JsonSchemaError)
        and "fields" in case.query
        and _a_page_without_the_fields_left_out(document, case, response)
    ):
        dropped = "keys left out by fields"
    if dropped is None:
        return True
    _record(dropped, case)
    return False


def _record(rule: str, case) -> None:
    """Each dropped report, for the reader of the run (fuzz/run.py counts them)."""
    path = os.environ.get(DROPPED_REPORTS)
    if path:
        with open(path, "a", encoding="utf-8") as log:
            log.write(
                json.dumps({"rule": rule, "operation": case.operation.label, "query": case.query}) + "\n"
            )


def _message(response) -> str:
    try:
        return response.json().get("message", "")
    except ValueError:
        return ""


def _parameter(document, path, name) -> dict:
    parameters = document["paths"][path]["get"]["parameters"]
    return next((parameter for parameter in parameters if parameter["name"] == name), {})


def _schema(document, ref) -> dict:
    return document["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def _common_page_names(document) -> set[str]:
    """The fields every page has: those of a list item of the base page type and its meta."""
    generic = _schema(document, "GenericPageListItem")["properties"]
    return {*generic, *_schema(document, "PageListMeta")["properties"], "meta"}


def _type_names(document, page_type) -> set[str] | None:
    """The fields of a list item of one page type, by its label; None for several or none."""
    mapping = _schema(document, "PageListItem")["discriminator"]["mapping"]
    if page_type not in mapping:
        return None
    item = _schema(document, mapping[page_type])["properties"]
    return {*item, *_schema(document, "PageListMeta")["properties"], "meta"}


def _refused_by_a_rule_of_page_types(document, case, message) -> bool:
    """The 400 names a filter without its `type=`, or a field or ordering the page type asked
    for does not have, as the document's parameter descriptions say it would."""
    page_type = case.query.get("type")
    if not isinstance(page_type, str):
        page_type = None
    if message == CHILD_AND_DESCENDANT:
        # "Not with `child_of`", says the description of `descendant_of`.
        return (
            "Not with `child_of`" in _parameter(document, case.operation.path, "descendant_of")["description"]
        )
    if match := NEEDS_TYPE.match(message):
        description = _parameter(document, case.operation.path, match[1]).get("description", "")
        return page_type not in re.findall(r"`type=([\w.]+)`", description)
    names = None
    if match := UNKNOWN_FIELDS.match(message):
        names = set(match[1].split(", "))
    elif match := UNKNOWN_ORDER.match(message):
        names = {match[1]}
    if names is None:
        return False
    documented = re.findall(r"\w+", _parameter(document, case.operation.path, "fields")["schema"]["pattern"])
    known = _type_names(document, page_type) if case.operation.path == "/api/v2/pages/" else None
    # A name of some page type, but not of the one(s) this request can know.
    return names <= set(documented) and not names & (known or _common_page_names(document))


def _a_page_without_the_fields_left_out(document, case, response) -> bool:
    """The answer is the page of its type as the document describes it, except that keys the
    request's `fields` left out are missing, from the page or its `meta`."""
    try:
        page = response.json()
    except ValueError:
        return False
    content = document["paths"][case.operation.path]["get"]["responses"]["200"]["content"]
    union = _schema(document, content["application/json"]["schema"]["$ref"])
    target = union["discriminator"]["mapping"].get(page.get("type") if isinstance(page, dict) else None)
    if target is None:
        return False
    schemas = dict(document["components"]["schemas"])
    name = target.rsplit("/", 1)[-1]
    relaxed = {**schemas[name], "required": [key for key in schemas[name].get("required", []) if key in page]}
    schemas[name] = relaxed
    meta_name = relaxed["properties"]["meta"]["$ref"].rsplit("/", 1)[-1]
    present_meta = page.get("meta", {})
    schemas[meta_name] = {
        **schemas[meta_name],
        "required": [key for key in schemas[meta_name].get("required", []) if key in present_meta],
    }
    root = {"components": {"schemas": schemas}, "$ref": target}
    return jsonschema.Draft202012Validator(root).is_valid(page)
