"""HTTP caching for GET under /v1: an ETag per data version, so a client polling unchanged data gets an empty 304."""

import asyncio
import hashlib
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from app.models import DataState

FRESH_FOR_A_MINUTE = "public, max-age=60"
ASK_EVERY_TIME = "public, max-age=0, must-revalidate"
POLLED = frozenset({"/v1/changes", "/v1/meta"})  # what mirrors poll: a cache must ask each time
# /v1/meta also reports syncs, which are not data: the data version cannot label it, so it carries no ETag.
NOT_VERSIONED = frozenset({"/v1/meta"})


class HTTPCaching:
    """ETag, Last-Modified and Cache-Control on each 200 under /v1, and a 304 when If-None-Match names the ETag.

    The data version is read before the handler runs, so a version never labels data older than itself; when the
    database does not answer, the request passes untouched and the handler reports the failure.
    """

    def __init__(self, app: ASGIApp, reuse_for_seconds: float) -> None:
        self.app = app
        self.versions = DataVersions(reuse_for_seconds)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        headers = {"Cache-Control": ASK_EVERY_TIME if scope["path"] in POLLED else FRESH_FOR_A_MINUTE}
        if scope["path"] in NOT_VERSIONED:
            await self.app(scope, receive, _on_200(send, headers))
            return
        state = await self.versions.current(scope["app"].state.engine)
        if state is None:
            await self.app(scope, receive, send)
            return
        request = Headers(scope=scope)
        gzip = "gzip" in request.get("accept-encoding", "")  # GZipMiddleware's own test, so ETags follow its choice
        headers |= {"ETag": _etag(state.version, scope, gzip), "Last-Modified": state.last_modified}

        async def not_modified(send: Send) -> None:
            """A 304 carries what the 200 would; Vary too, since the ETag depends on Accept-Encoding."""
            await Response(status_code=304, headers=headers | {"Vary": "Accept-Encoding"})(scope, receive, send)

        condition = request.get("if-none-match", "")
        if _names(condition, headers["ETag"]):
            await not_modified(send)
        elif condition.strip() == "*":  # true only when there is a representation: the handler must answer 200
            await self.app(scope, receive, _on_200(send, headers, instead=not_modified))
        else:
            await self.app(scope, receive, _on_200(send, headers))


@dataclass
class DataVersion:
    version: int
    changed_at: datetime

    @cached_property
    def last_modified(self) -> str:
        return format_datetime(self.changed_at.astimezone(UTC), usegmt=True)


class DataVersions:
    """The data version, read at most once per `reuse_for_seconds` however many requests ask meanwhile.

    A version reused a moment after an import labels newer data with an older ETag: a client then downloads once
    more than it needed to, never keeps stale data, since the version only grows. Reading it once a second rather
    than once per request spares every request a round trip to the database. The request that finds the version
    expired waits for the new read; those arriving while it runs take the one before, rather than queue behind it
    for a pooled connection.
    """

    def __init__(self, reuse_for_seconds: float) -> None:
        self.reuse_for = reuse_for_seconds
        self.read: tuple[AsyncEngine, float, DataVersion | None] | None = None
        self.reading: asyncio.Future[DataVersion | None] | None = None

    async def current(self, engine: AsyncEngine) -> DataVersion | None:
        known = None
        if self.read is not None and self.read[0] is engine:
            _, read_at, known = self.read
            if time.monotonic() - read_at < self.reuse_for:
                return known
        if self.reading is not None and known is not None:
            return known
        if self.reading is None:
            self.reading = asyncio.ensure_future(self._read(engine))
            self.reading.add_done_callback(lambda _: setattr(self, "reading", None))
        return await asyncio.shield(self.reading)

    async def _read(self, engine: AsyncEngine) -> DataVersion | None:
        started = time.monotonic()
        try:
            async with engine.connect() as conn:
                row = (await conn.execute(select(DataState.version, DataState.changed_at))).one_or_none()
        except (SQLAlchemyError, OSError):
            return None  # not kept: the next request asks the database again
        version = DataVersion(row.version, row.changed_at) if row else None
        self.read = (engine, started, version)
        return version


def _etag(version: int, scope: Scope, gzip: bool) -> str:
    """Strong, and different for gzip and identity, so a cache never answers one encoding with the other's 304."""
    query = scope["query_string"].decode("latin-1")
    key = f"{version} {__version__} {scope['path']}?{query} {'gzip' if gzip else 'identity'}"
    return f'"{hashlib.blake2b(key.encode(), digest_size=16).hexdigest()}"'


def _names(if_none_match: str, etag: str) -> bool:
    """Whether the header lists the ETag, by weak comparison (RFC 9110 §13.1.2): W/"x" matches "x"."""
    return etag in {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}


def _on_200(send: Send, headers: dict[str, str], instead: Callable[[Send], Awaitable[None]] | None = None) -> Send:
    """The handler's send with `headers` added to a 200 (never to an error); or `instead` answering in its place."""
    replaced = False

    async def send_labelled(message: Message) -> None:
        nonlocal replaced
        if message["type"] == "http.response.start" and message["status"] == 200:
            if instead is not None:
                replaced = True
                await instead(send)
                return
            MutableHeaders(scope=message).update(headers)
        if not replaced:
            await send(message)

    return send_labelled
