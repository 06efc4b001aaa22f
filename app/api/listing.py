"""What every list endpoint shares: strict query models and the {data, meta, links} envelope."""

import types
from collections.abc import Callable, Mapping
from copy import deepcopy
from functools import cache
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import orjson
from fastapi import Depends, FastAPI, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic import ValidationError

from app.api.request_context import iter_route_contexts
from app.formats.highlight import highlight, query_stems
from app.queries.errors import BadParameter
from app.queries.json_records import with_field
from app.queries.pagination import Page as RowPage
from app.schemas.params import StrictQuery

Q = TypeVar("Q", bound=StrictQuery)


def _takes_many(annotation: Any) -> bool:
    if get_origin(annotation) is list:
        return True
    if get_origin(annotation) in (Union, types.UnionType):
        return any(_takes_many(arg) for arg in get_args(annotation))
    if get_origin(annotation) is Annotated:
        return _takes_many(get_args(annotation)[0])
    return False


def query_of(model: type[Q], blank_is_absent: bool = False) -> Any:
    """A dependency that validates the query string into `model`, documented from it (`document_query_models`).

    A single-valued parameter given twice is refused rather than silently taking one of the values. With
    `blank_is_absent` (for HTML forms, which send every empty field as `name=`) an empty value is not given. The model
    validates the query itself: FastAPI's query-model support re-inspected every field's type on every request,
    which cost a list more than its database round trip.
    """
    multi = {name for name, field in model.model_fields.items() if _takes_many(field.annotation)}

    async def dependency(request: Request) -> Q:
        given = request.query_params
        values: dict[str, Any] = {}
        for name in given:
            if blank_is_absent and not any(given.getlist(name)):
                continue
            if name in multi:
                values[name] = given.getlist(name)
            elif len(many := given.getlist(name)) > 1 and name in model.model_fields:
                raise BadParameter(name, "given more than once; it takes one value")
            else:
                values[name] = many[0]
        try:
            return model.model_validate(values)
        except ValidationError as invalid:
            raise RequestValidationError([{**e, "loc": ("query", *e["loc"])} for e in invalid.errors()]) from None

    dependency.query_model = model  # type: ignore[attr-defined]
    return Depends(dependency)


def document_query_models(app: FastAPI, spec: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI spec with each operation's query parameters, as FastAPI documents a query model."""
    operations = {op["operationId"]: op for path in spec.get("paths", {}).values() for op in path.values()}
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if not isinstance(route, APIRoute) or route.operation_id not in operations:
            continue
        for dependency in route.dependant.dependencies:
            model = getattr(dependency.call, "query_model", None)
            if model is not None and (documented := _documented(model))[0]:
                parameters, referenced = documented
                operations[route.operation_id].setdefault("parameters", []).extend(deepcopy(parameters))
                schemas.update({name: schema for name, schema in referenced.items() if name not in schemas})
    return spec


@cache
def _documented(model: type[StrictQuery]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The parameters FastAPI writes for `model` as a query model, and the schemas they refer to."""
    probe = FastAPI()

    @probe.get("/", operation_id="probe")
    async def probe_route(params: Annotated[model, Query()]) -> None:  # type: ignore[valid-type]
        del params

    spec = probe.openapi()
    parameters = [_never_null(parameter) for parameter in spec["paths"]["/"]["get"].get("parameters", [])]
    schemas, referenced, pending = spec.get("components", {}).get("schemas", {}), {}, _references(parameters)
    while pending:
        name = pending.pop()
        if name not in referenced:
            referenced[name] = schemas[name]
            pending |= _references(schemas[name])
    return parameters, referenced


def _never_null(parameter: dict[str, Any]) -> dict[str, Any]:
    """An optional query parameter is left out, never sent as null, so its schema does not admit null: a generated
    client then types it `str | Unset`, not `None | str | Unset`."""
    schema = parameter.get("schema", {})
    options = schema.get("anyOf", [])
    if {"type": "null"} not in options:
        return parameter
    rest = [option for option in options if option != {"type": "null"}]
    kept = {key: value for key, value in schema.items() if key != "anyOf" and not (key == "default" and value is None)}
    return parameter | {"schema": kept | (rest[0] if len(rest) == 1 else {"anyOf": rest})}


def _references(document: Any) -> set[str]:
    """The component schemas a piece of OpenAPI refers to ($ref)."""
    if isinstance(document, dict):
        own = {document["$ref"].rsplit("/", 1)[-1]} if isinstance(document.get("$ref"), str) else set()
        return own.union(*(_references(value) for value in document.values()))
    if isinstance(document, list):
        return set().union(*(_references(value) for value in document))
    return set()


def record(row: Mapping[str, Any]) -> str:
    """A record as Postgres built it (`record`), with its highlight when the list was searched."""
    highlighted = None
    if "highlight_text" in row:
        stems = query_stems(row["highlight_query"])
        highlighted = highlight(row["highlight_text"], stems, whole=row["highlight_whole"])
    return with_field(row["record"], "highlight", highlighted)


def page_response(
    request: Request, page: RowPage, to_json: Callable[[Any], str], fields: list[str] | None = None
) -> Response:
    """The list envelope around each row's JSON; with `fields=`, records cut down to those fields.

    `links.next` is this request's URL with the next cursor.
    """
    records = [to_json(row) for row in page.rows]
    if fields:
        keep = set(fields)
        data: list[Any] = [{k: v for k, v in orjson.loads(item).items() if k in keep} for item in records]
    else:
        data = [orjson.Fragment(item) for item in records]
    next_url = str(request.url.include_query_params(cursor=page.next_cursor)) if page.next_cursor else None
    body = {"data": data, "meta": {"total": page.total, "next_cursor": page.next_cursor}, "links": {"next": next_url}}
    return Response(orjson.dumps(body), media_type="application/json")
