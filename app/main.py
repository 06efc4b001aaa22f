"""The FastAPI application: routers, error handlers, and the database engine's lifetime."""

import asyncio
import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from typing import Any

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.middleware.gzip import GZipMiddleware

from app import __version__
from app.api import health, metrics, problems
from app.api.caching import HTTPCaching
from app.api.limits import QueryStringLimit
from app.api.listing import document_query_models
from app.api.request_context import RequestContext, install_outermost
from app.api.v1 import agencies, calendar, export, meta, obligations, orders, provisions
from app.db import make_engine
from app.ingest.first_run import fill_if_empty
from app.logs import configure_logging
from app.settings import Settings, get_settings
from app.web import pages

YOUNG_OBJECTS_PER_COLLECTION = 50_000
DOCS_URL, REDOC_URL = "/docs", "/redoc"

DESCRIPTION = """\
US executive orders as structured data: each order, its numbered provisions (verbatim, as a tree),
the agencies it tasks, the obligations it creates (who must do what, by when) and its relations to other orders.

Lists return `{data, meta: {total, next_cursor}, links: {next}}`; follow `links.next` to walk every record.
Errors are RFC 9457 `application/problem+json`: an unknown parameter is a 400, a bad value a 422, both naming it.

Every 200 under `/v1` can be cached: it carries `Cache-Control` (`public, max-age=60`; `/v1/changes` and `/v1/meta`,
which mirrors poll, `max-age=0, must-revalidate`) and, but for `/v1/meta`, a strong `ETag` and `Last-Modified` that
change only when the data does. Send the ETag back in an `If-None-Match` request header and, while the data is
unchanged, the answer is an empty `304 Not Modified`. Responses of 1 KiB or more are gzip-compressed for clients
that send `Accept-Encoding: gzip`; the compressed and the plain response have different ETags.
"""


def create_app(settings: Settings | None = None, engine: AsyncEngine | None = None) -> FastAPI:
    """Build the app; tests pass their own engine, the server makes one from settings."""
    settings = settings or get_settings()
    configure_logging(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if engine is not None:
            yield
            return
        primary = make_engine(settings)
        replica = make_engine(settings, settings.database_replica_url) if settings.database_replica_url else None
        _use_engines(app, primary, replica)
        first_run = asyncio.create_task(fill_if_empty(primary, settings)) if settings.sync_on_start else None
        _spare_the_garbage_collector()
        try:
            yield
        finally:
            if first_run:
                first_run.cancel()
                await asyncio.gather(first_run, return_exceptions=True)
            if replica is not None:
                await replica.dispose()
            await primary.dispose()

    # /docs and /redoc from assets the package carries, so the docs work with no internet
    app = FastAPIOffline(
        docs_url=DOCS_URL,
        redoc_url=REDOC_URL,
        static_url="/static/docs",
        title="eokb",
        version=__version__,
        summary="The reference API for US executive orders.",
        description=DESCRIPTION,
        lifespan=lifespan,
        openapi_url="/openapi.json",
    )
    app.state.settings = settings
    if engine is not None:
        _use_engines(app, engine, None)
    problems.install(app)
    app.add_middleware(HTTPCaching, reuse_for_seconds=settings.data_version_reuse_seconds)
    # outside the caching, which names the encoding in ETags; level 5 keeps exports streaming at tens of MB/s
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=5)
    if settings.cors_origins:  # outside the caching, so a 304 tells the browser it may read the cached body
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD", "OPTIONS"],
            allow_headers=["If-None-Match", "X-Request-ID"],
            expose_headers=["ETag", "X-Request-ID", "Content-Disposition"],
        )
    app.add_middleware(QueryStringLimit)
    app.openapi_schema = None

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = problems.problem_content_only(document_query_models(app, FastAPI.openapi(app)))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.include_router(health.router)
    for module in (orders, provisions, agencies, obligations, calendar, export, meta):
        app.include_router(module.router, prefix="/v1")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(packages=[("app.web", "static")]), name="static")
    metrics.install(app)
    pages_with_scripts = frozenset(filter(None, (DOCS_URL, REDOC_URL, app.swagger_ui_oauth2_redirect_url)))
    # installed last, so outermost: even a 500 carries the request id and is logged
    install_outermost(app, partial(RequestContext, pages_with_scripts=pages_with_scripts))
    return app


def _spare_the_garbage_collector() -> None:
    """Freeze what is alive once the server has started, and collect young objects less often.

    Each request leaves some cyclic garbage (asyncio, SQLAlchemy), so with Python's defaults the collector ran every
    700 allocations and, every few runs, over every object the server holds: that took a list request more CPU than
    its query. Frozen objects are never scanned again; the young generation is collected every 50,000 allocations.
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_OBJECTS_PER_COLLECTION, *gc.get_threshold()[1:])


def _use_engines(app: FastAPI, primary: AsyncEngine, replica: AsyncEngine | None) -> None:
    """Writes (the first-run sync) go to the primary; reads to the replica if there is one, each statement on its
    own (autocommit): no BEGIN and ROLLBACK around every request. An export asks for a snapshot of its own."""
    app.state.primary, app.state.replica = primary, replica
    app.state.engine = (replica or primary).execution_options(isolation_level="AUTOCOMMIT")
