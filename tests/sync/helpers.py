"""Running a sync against the stand-in, and reading back what a database holds to compare runs."""

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any, TypeVar

import httpx
from sqlalchemy import select

from app.db import make_engine
from app.ingest.sources.federal_register import FederalRegisterClient
from app.ingest.sync import SyncSummary, run_sync
from app.main import create_app
from app.models import Obligation, Order, Provision
from app.settings import Settings
from tests.conftest import query
from tests.fr_standin import StandIn
from tests.paging import walk

T = TypeVar("T")


def sync(url: str, stand_in: StandIn, rate: float = 200.0, full: bool = False) -> SyncSummary:
    async def run() -> SyncSummary:
        engine = make_engine(Settings(database_url=url))
        try:
            async with FederalRegisterClient(stand_in.base_url, rate=rate, backoff=0.05) as client:
                return await run_sync(engine, client, full=full)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def holdings(url: str) -> dict[str, Any]:
    """Orders, provisions and obligations by their public ids, with the content that must agree."""

    orders, provisions, obligations = query(
        url,
        select(Order.eo_number, Order.title, Order.status),
        select(Provision.id, Provision.section, Provision.text),
        select(Obligation.id, Obligation.modal, Obligation.due_date, Obligation.text),
    )
    return {"orders": sorted(orders), "provisions": sorted(provisions), "obligations": sorted(obligations)}


async def _read(url: str, reader: Callable[[httpx.AsyncClient], Awaitable[T]]) -> T:
    engine = make_engine(Settings(database_url=url))
    transport = httpx.ASGITransport(app=create_app(engine=engine))
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://eokb.test") as client:
            return await reader(client)
    finally:
        await engine.dispose()


def changed_since(url: str, since: datetime, status_changes: bool = False) -> list[int]:
    """EO numbers of `/v1/changes?since=`, every page of it, in the feed's order."""
    params = httpx.QueryParams(since=since.isoformat(), status_changes=status_changes, limit=1000)

    async def read(client: httpx.AsyncClient) -> list[int]:
        return [order["eo_number"] for order in await walk(client, f"/v1/changes?{params}")]

    return asyncio.run(_read(url, read))


def read_meta(url: str) -> dict[str, Any]:
    async def read(client: httpx.AsyncClient) -> dict[str, Any]:
        return (await client.get("/v1/meta")).json()

    return asyncio.run(_read(url, read))
