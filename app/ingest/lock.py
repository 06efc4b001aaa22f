"""One writer at a time: every import and sync holds the same Postgres advisory lock while it writes.

Each order is written in its own transaction, so readers never see half of one. Two writers at once would still get
in each other's way: each would load orders the other is loading, and two loads that refresh each other's order
status can deadlock, which rejects one of the orders.

A writer that finds the lock taken does not wait; it raises IngestBusy at once. An operator at the CLI gets a clear
"try again later" instead of a silent hang behind a run that may take minutes, a cron job does not pile up behind a
slow one, and the background first-run sync steps aside, since whoever holds the lock is already filling the
database. It is a session lock: a writer that dies, even by SIGKILL, releases it with its connection.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

WRITER_LOCK = 0x656F6B62  # "eokb"; advisory locks are per database, so each database has its own writer

_HELD = text(
    """
    SELECT EXISTS (
        SELECT 1 FROM pg_locks
        WHERE locktype = 'advisory' AND granted AND objsubid = 1
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND (classid::bigint << 32) | objid::bigint = :key
    )
    """
)


class IngestBusy(Exception):
    """Another import or sync holds the writer lock."""

    def __init__(self) -> None:
        super().__init__("another import or sync is writing to this database; run again when it has finished")


@asynccontextmanager
async def writer_lock(engine: AsyncEngine) -> AsyncIterator[None]:
    """Hold the writer lock for the block, on a connection of its own; IngestBusy at once when it is taken."""
    async with engine.connect() as conn:
        if not await conn.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": WRITER_LOCK}):
            raise IngestBusy
        await conn.commit()
        try:
            yield
        finally:
            await conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": WRITER_LOCK})
            await conn.commit()


async def writer_active(engine: AsyncEngine) -> bool:
    """Whether an import or sync is writing, read from pg_locks: taking the lock to find out could refuse a writer."""
    async with engine.connect() as conn:
        return bool(await conn.scalar(_HELD, {"key": WRITER_LOCK}))
