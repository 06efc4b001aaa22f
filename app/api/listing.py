"""What every list endpoint shares: strict query models and the {data, meta, links} envelope."""

import types
from collections.abc import Callable
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import orjson
from fastapi import Depends, Query, Request, Response
from pydantic import BaseModel

from app.queries.errors import BadParameter
from app.queries.pagination import Page as RowPage
from app.schemas.common import PageLinks, PageMeta
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

    def dependency(request: Request, params: Annotated[model, Query()]) -> Q:  # type: ignore[valid-type]
        for name in {key for key, _ in request.query_params.multi_items()}:
            if name not in multi and len(request.query_params.getlist(name)) > 1:
                raise BadParameter(name, "given more than once; it takes one value")
        return params

    return Depends(dependency)


def envelope(request: Request, page: RowPage, to_item: Callable[[Any], Any]) -> dict[str, Any]:
    """The list envelope; `links.next` is this request's URL with the next cursor."""
    next_url = str(request.url.include_query_params(cursor=page.next_cursor)) if page.next_cursor else None
    return {
        "data": [to_item(row) for row in page.rows],
        "meta": PageMeta(total=page.total, next_cursor=page.next_cursor),
        "links": PageLinks(next=next_url),
    }


def page_response(
    request: Request, page: RowPage, to_item: Callable[[Any], BaseModel], fields: list[str] | None
) -> dict[str, Any] | Response:
    """The envelope, or with `fields=` the envelope of records cut down to those fields."""
    body = envelope(request, page, to_item)
    if not fields:
        return body
    keep = set(fields)
    body["data"] = [item.model_dump(mode="json", include=keep) for item in body["data"]]
    body["meta"], body["links"] = body["meta"].model_dump(mode="json"), body["links"].model_dump(mode="json")
    return Response(orjson.dumps(body), media_type="application/json")
