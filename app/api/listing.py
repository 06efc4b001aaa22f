"""What every list endpoint shares: strict query models and the {data, meta, links} envelope."""

import types
from collections.abc import Callable, Mapping
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import orjson
from fastapi import Depends, Query, Request, Response

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


def query_of(model: type[Q]) -> Any:
    """A dependency that validates the query string into `model`.

    A single-valued parameter given twice is refused rather than silently taking one of the values.
    """
    multi = {name for name, field in model.model_fields.items() if _takes_many(field.annotation)}

    async def dependency(request: Request, params: Annotated[model, Query()]) -> Q:  # type: ignore[valid-type]
        for name in {key for key, _ in request.query_params.multi_items()}:
            if name not in multi and len(request.query_params.getlist(name)) > 1:
                raise BadParameter(name, "given more than once; it takes one value")
        return params

    return Depends(dependency)


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
