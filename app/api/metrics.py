"""Prometheus metrics at /metrics: requests by route template, the connection pool, and how fresh the data is."""

import asyncio
import time
from collections.abc import Iterator
from functools import partial
from typing import Any, cast

from fastapi import APIRouter, FastAPI, Request, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import Executable, Row, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.request_context import install_outermost, route_template
from app.models import Order, SyncRun

# Any other method a client invents is counted as "other", so no client can add label values at will.
KNOWN_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})
DATABASE_SECONDS = 2.0  # a scrape reports the rest rather than wait out an unresponsive database

router = APIRouter(include_in_schema=False)


class HTTPMetrics:
    """Counts and times every request (a stream until its last byte) by method, route template and status."""

    def __init__(self, app: ASGIApp, requests: Counter, duration: Histogram) -> None:
        self.app = app
        self.requests = requests
        self.duration = duration

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = 500  # what the client is told when the app fails before it answers

        async def send_observed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        started = time.perf_counter()
        try:
            await self.app(scope, receive, send_observed)
        finally:
            method = scope["method"] if scope["method"] in KNOWN_METHODS else "other"
            route = route_template(scope)
            self.requests.labels(method, route, str(status)).inc()
            self.duration.labels(method, route).observe(time.perf_counter() - started)


def install(app: FastAPI) -> None:
    """Count requests in a registry of the app's own (several apps share a test process) and serve /metrics."""
    registry = CollectorRegistry()
    requests = Counter(
        "eokb_http_requests",
        "Requests answered, by method, route template and status.",
        ["method", "route", "status"],
        registry=registry,
    )
    duration = Histogram(
        "eokb_http_request_duration_seconds",
        "Time to answer a request, to the last byte.",
        ["method", "route"],
        registry=registry,
    )
    app.state.metrics_registry = registry
    app.include_router(router)
    install_outermost(app, partial(HTTPMetrics, requests=requests, duration=duration))


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    engine: AsyncEngine = request.app.state.engine
    pool = cast(QueuePool, engine.pool)  # make_engine's pool
    read_now = ReadAtScrape([*_pool_gauges(pool), *await _database_gauges(engine)])
    body = generate_latest(request.app.state.metrics_registry) + generate_latest(read_now)
    return Response(body, media_type=CONTENT_TYPE_LATEST)


class ReadAtScrape(Collector):
    """Gauges read for this scrape alone, exposed beside the registry's."""

    def __init__(self, gauges: list[Metric]) -> None:
        self.gauges = gauges

    def collect(self) -> Iterator[Metric]:
        yield from self.gauges


def _pool_gauges(pool: QueuePool) -> list[Metric]:
    return [
        GaugeMetricFamily("eokb_db_pool_size", "Connections the pool keeps for reuse.", value=pool.size()),
        GaugeMetricFamily("eokb_db_pool_checked_out", "Connections in use by a request now.", value=pool.checkedout()),
        # SQLAlchemy counts up from minus the pool size while the pool fills; only connections beyond it are overflow
        GaugeMetricFamily(
            "eokb_db_pool_overflow", "Connections open beyond the pool size.", value=max(pool.overflow(), 0)
        ),
    ]


async def _database_gauges(engine: AsyncEngine) -> list[Metric]:
    """What the database holds and when syncs last finished; a gauge whose query fails is left out."""
    gauges: list[Metric] = []
    orders = await _rows(engine, select(func.count()).select_from(Order))
    if orders is not None:
        gauges.append(GaugeMetricFamily("eokb_orders", "Executive orders held.", value=orders[0][0]))
    finished = await _rows(
        engine,
        select(SyncRun.status, func.max(SyncRun.finished_at))
        .where(SyncRun.finished_at.is_not(None))
        .group_by(SyncRun.status),
    )
    if finished:  # none before the first sync ends
        last_sync = GaugeMetricFamily(
            "eokb_last_sync_finished_timestamp_seconds",
            "When the last sync that succeeded (or failed) finished, in Unix time.",
            labels=["status"],
        )
        for status, finished_at in finished:
            last_sync.add_metric([status], finished_at.timestamp())
        gauges.append(last_sync)
    return gauges


async def _rows(engine: AsyncEngine, statement: Executable) -> list[Row[Any]] | None:
    try:
        async with asyncio.timeout(DATABASE_SECONDS), engine.connect() as conn:
            return list((await conn.execute(statement)).all())
    except (SQLAlchemyError, OSError, TimeoutError):
        return None
