"""Running a sync against the stand-in, and reading back what a database holds to compare runs."""

import asyncio
from typing import Any

from sqlalchemy import select

from app.db import make_engine
from app.ingest.sources.federal_register import FederalRegisterClient
from app.ingest.sync import SyncSummary, run_sync
from app.models import Obligation, Order, Provision
from app.settings import Settings
from tests.conftest import query
from tests.fr_standin import StandIn


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
