"""Per request: an id to follow it by, one access log line, and the security headers every response carries."""

import re
import time
import uuid
from collections.abc import Callable

import structlog
from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

try:  # FastAPI 0.137.2+ keeps included routers whole in app.routes; this lists their routes with the full path
    from fastapi.routing import iter_route_contexts
except ImportError:  # older releases copy every included route into app.routes
    iter_route_contexts = iter

# What a proxy's id may look like; anything else (or longer) could forge or flood log lines, so it is replaced.
GIVEN_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,200}")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}
# The API answers with data: nothing it sends may load anything or be framed. A response that sets its own policy
# keeps it (the explorer's pages, app/web/rendering.py). The docs pages run their packaged scripts, inline ones too,
# and fetch the spec, but load nothing from elsewhere: ReDoc's bundle would fetch its logo from its CDN.
CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'"
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'"
)
UNMATCHED = "unmatched"
_SECURITY_HEADERS = [(name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()]
_CONTENT_SECURITY_POLICY = (b"content-security-policy", CONTENT_SECURITY_POLICY.encode())
_DOCS_CONTENT_SECURITY_POLICY = (b"content-security-policy", DOCS_CONTENT_SECURITY_POLICY.encode())

access_log = structlog.get_logger("eokb.access")


class RequestContext:
    """Gives each request an id (the client's X-Request-ID when well-formed), binds it to every log line written
    while the request runs, returns it and the security headers on the response, and logs the request once done.
    """

    def __init__(self, app: ASGIApp, pages_with_scripts: frozenset[str]) -> None:
        self.app = app
        self.pages_with_scripts = pages_with_scripts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(Headers(scope=scope).get("x-request-id", ""))
        headers = [(b"x-request-id", request_id.encode()), *_SECURITY_HEADERS]
        policy = _DOCS_CONTENT_SECURITY_POLICY if scope["path"] in self.pages_with_scripts else _CONTENT_SECURITY_POLICY
        status = 500  # what the client is told when the app fails before it answers

        async def send_labelled(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                given = message.get("headers", ())
                own_policy = any(name == policy[0] for name, _ in given)
                message["headers"] = [*given, *headers, *([] if own_policy else [policy])]
            await send(message)

        started = time.perf_counter()
        with structlog.contextvars.bound_contextvars(request_id=request_id):
            try:
                await self.app(scope, receive, send_labelled)
            finally:
                client = scope.get("client")
                access_log.info(
                    "request",
                    method=scope["method"],
                    path=scope["path"],
                    query=scope["query_string"].decode("latin-1") or None,
                    route=route_template(scope),
                    status=status,
                    duration_ms=round((time.perf_counter() - started) * 1000, 1),
                    client=client[0] if client else None,
                )


def _request_id(given: str) -> str:
    return given if GIVEN_REQUEST_ID.fullmatch(given) else uuid.uuid4().hex


_templates: dict[tuple[int, str], str] = {}  # by app and path: matching against every route costs each request
REMEMBERED_PATHS = 10_000


def route_template(scope: Scope) -> str:
    """The template of the route the request is for (`/v1/orders/{eo_number}`), never the raw path, so what is
    labelled by it stays a bounded set. Matched here rather than read from the scope: a 304 is answered before routing.
    """
    key = (id(scope["app"]), scope["path"])
    template = _templates.get(key)
    if template is None:
        template = _match(scope)
        if len(_templates) >= REMEMBERED_PATHS:
            _templates.clear()
        _templates[key] = template
    return template


def _match(scope: Scope) -> str:
    for route in iter_route_contexts(scope["app"].routes):
        match, _ = route.matches(scope)
        if match is not Match.NONE:
            return str(route.path)
    return UNMATCHED


def install_outermost(app: FastAPI, middleware: Callable[[ASGIApp], ASGIApp]) -> None:
    """Wrap the whole middleware stack, Starlette's ServerErrorMiddleware included, so a 500 passes through too."""
    build_stack = app.build_middleware_stack
    app.build_middleware_stack = lambda: middleware(build_stack())  # type: ignore[method-assign]
