"""Running a sync against the stand-in, and reading back what a database holds to compare runs."""

import asyncio
from typing import Any

from sqlalchemy import select

from app.db import make_engine
from app.ingest.sources.federal_register import FederalRegisterClient
from app.ingest.sync import SyncSummary, run_sync
from app.models import Obligation, Order, Provision
from app.settings import Settings
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

    async def read() -> dict[str, Any]:
        engine = make_engine(Settings(database_url=url))
        async with engine.connect() as conn:
            orders = (await conn.execute(select(Order.eo_number, Order.title, Order.status))).all()
            provisions = (await conn.execute(select(Provision.id, Provision.section, Provision.text))).all()
            obligations = (
                await conn.execute(select(Obligation.id, Obligation.modal, Obligation.due_date, Obligation.text))
            ).all()
        await engine.dispose()
        return {"orders": sorted(orders), "provisions": sorted(provisions), "obligations": sorted(obligations)}

    return asyncio.run(read())
