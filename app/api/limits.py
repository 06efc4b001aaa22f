"""Bounds on a request, enforced before any work is done for it."""

from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.problems import problem_response

MAX_QUERY_STRING_BYTES = 8192  # every filter at its longest fits; a longer query string is a mistake or an attack


class QueryStringLimit:
    """Answers 414 to a query string longer than any the API reads, before it is parsed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        length = len(scope.get("query_string", b"")) if scope["type"] == "http" else 0
        if length > MAX_QUERY_STRING_BYTES:
            response = problem_response(
                414,
                "query-too-long",
                "Query string too long",
                f"The query string is {length} bytes; the API reads at most {MAX_QUERY_STRING_BYTES}.",
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
