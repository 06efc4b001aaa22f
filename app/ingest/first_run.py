"""A first `eokb serve` on an empty database fills it from the Federal Register API while it serves."""

import structlog
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.ingest.lock import IngestBusy
from app.ingest.sources.federal_register import FederalRegisterClient, SourceError
from app.ingest.sync import run_sync
from app.models import Order
from app.settings import Settings

log = structlog.get_logger()


async def fill_if_empty(engine: AsyncEngine, settings: Settings) -> None:
    """Sync in the background when no order is held; a failure is logged, and the next start tries again."""
    try:
        async with engine.connect() as conn:
            if await conn.scalar(select(func.count()).select_from(Order)):
                return
        log.info("empty database: syncing from the Federal Register API", url=settings.fr_api_url)
        async with FederalRegisterClient.from_settings(settings) as client:
            await run_sync(engine, client, overlap_days=settings.sync_overlap_days)
    except IngestBusy:
        log.info("another import or sync is already filling the database")
    except (SourceError, OSError) as error:
        log.error("first-run sync failed; the service keeps serving what it holds", error=str(error))
