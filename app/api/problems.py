"""Every error as RFC 9457 application/problem+json; never a stack trace, never SQL."""

from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException

from app.db import DatabaseUnavailable, QueryTimedOut, is_outage, is_query_timeout
from app.queries.errors import BadParameter, NotFound
from app.schemas.common import Problem, ProblemItem

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "urn:eokb:problem:"
RETRY_AFTER_SECONDS = 2  # the service itself tries the database again every second (app/db.py)

log = structlog.get_logger()


def problem_response(
    status: int, kind: str, title: str, detail: str, errors: list[ProblemItem] | None = None
) -> JSONResponse:
    body = Problem(type=PROBLEM_BASE + kind, title=title, status=status, detail=detail, errors=errors)
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM_MEDIA_TYPE)


def _parameter(location: tuple[Any, ...]) -> str:
    """('query', 'eo_number', 0) -> 'eo_number'; ('path', 'eo_number') -> 'eo_number'."""
    names = [str(part) for part in location[1:] if isinstance(part, str)]
    return names[0] if names else str(location[0])


def _message(error: dict[str, Any]) -> str:
    message = str(error["msg"]).removeprefix("Value error, ")
    given = error.get("input")
    if isinstance(given, str) and error["type"] != "extra_forbidden":
        shown = given if len(given) <= 80 else given[:77] + "..."
        return f"{message} (got {shown!r})"
    return message


async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = list(exc.errors())
    unknown = [_parameter(tuple(error["loc"])) for error in errors if error["type"] == "extra_forbidden"]
    if unknown:
        return problem_response(
            400,
            "unknown-parameter",
            "Unknown query parameter",
            f"This endpoint does not take {', '.join(unknown)}; see /docs for the parameters it does take.",
            [ProblemItem(parameter=name, message="unknown parameter") for name in unknown],
        )
    items = [ProblemItem(parameter=_parameter(tuple(error["loc"])), message=_message(error)) for error in errors]
    names = sorted({item.parameter for item in items})
    return problem_response(
        422, "invalid-parameter", "Invalid parameter value", f"Invalid value for {', '.join(names)}.", items
    )


async def _bad_parameter(request: Request, exc: BadParameter) -> JSONResponse:
    return problem_response(
        422,
        "invalid-parameter",
        "Invalid parameter value",
        f"Invalid value for {exc.parameter}: {exc.message}.",
        [ProblemItem(parameter=exc.parameter, message=exc.message)],
    )


async def _not_found(request: Request, exc: NotFound) -> JSONResponse:
    return problem_response(404, "not-found", "Not found", f"There is no {exc.what}.")


async def _http(request: Request, exc: HTTPException) -> JSONResponse:
    if exc.status_code == 404:
        return problem_response(404, "not-found", "Not found", f"There is nothing at {request.url.path}.")
    if exc.status_code == 405:
        response = problem_response(405, "method-not-allowed", "Method not allowed", "This API is read-only: use GET.")
        response.headers.update(exc.headers or {})  # Allow: the methods the route has
        return response
    return problem_response(exc.status_code, "http-error", str(exc.detail), str(exc.detail))


async def _database(request: Request, exc: Exception) -> JSONResponse:
    """503 with Retry-After when the database cannot be reached: the client may simply try again shortly.

    A statement timeout on a database that answers is no outage but this query being too slow for it now: also a
    503 (the server's failure, temporary, and no bug that a 500 would report; not a 504, which would blame an
    upstream gateway), of its own type and without Retry-After, since the same query soon would likely time out
    again. Neither says more than that: no SQL, no driver message.
    """
    if is_outage(exc):  # logged by app/db.py when it starts and ends, not once per request
        response = problem_response(
            503,
            "database-unavailable",
            "Database unavailable",
            f"The database cannot be reached at the moment; try again in {RETRY_AFTER_SECONDS} seconds.",
        )
        response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if is_query_timeout(exc):
        log.warning("query timed out", path=request.url.path, query=request.url.query)
        return problem_response(
            503,
            "query-timeout",
            "Query took too long",
            "The database could not answer this request in the time allowed; narrower filters may help.",
        )
    return await _unexpected(request, exc)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", path=request.url.path)
    return problem_response(500, "internal-error", "Internal error", "The server failed to answer; it has been logged.")


HANDLERS: dict[type[Exception], Callable[[Request, Any], Awaitable[JSONResponse]]] = {
    RequestValidationError: _validation,
    BadParameter: _bad_parameter,
    NotFound: _not_found,
    HTTPException: _http,
    DatabaseUnavailable: _database,
    QueryTimedOut: _database,
    SQLAlchemyError: _database,
    Exception: _unexpected,
}


def install(app: FastAPI) -> None:
    for kind, handler in HANDLERS.items():
        app.add_exception_handler(kind, handler)


async def problem_for(request: Request, exc: Exception) -> JSONResponse:
    """The problem response the API answers `exc` with, for pages that show the same problem their own way."""
    kind = next(kind for kind in type(exc).__mro__ if kind in HANDLERS)
    return await HANDLERS[kind](request, exc)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    304: {
        "description": "Not Modified: the If-None-Match ETag is current",
        "headers": {
            "ETag": {"description": "The current ETag, as a 200 would carry it.", "schema": {"type": "string"}},
            "Cache-Control": {"description": "How long the cached response stays fresh.", "schema": {"type": "string"}},
        },
    },
    **{
        status: {
            "model": Problem,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            "description": description,
        }
        for status, description in (
            (400, "Unknown query parameter"),
            (404, "Not found"),
            (414, "Query string longer than any the API reads"),
            (422, "Invalid parameter value"),
        )
    },
    503: {
        "model": Problem,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        "description": "The database cannot be reached (`database-unavailable`: try again after Retry-After) "
        "or took too long over this request (`query-timeout`)",
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before trying again; sent with `database-unavailable` only.",
                "schema": {"type": "integer"},
            }
        },
    },
}


def problem_content_only(spec: dict[str, Any]) -> dict[str, Any]:
    """Error responses are documented as problem+json only (FastAPI also lists application/json for a model)."""
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            for response in operation.get("responses", {}).values():
                content = response.get("content", {})
                if PROBLEM_MEDIA_TYPE in content:
                    content.pop("application/json", None)
    return spec
