"""`eokb sync`: the Federal Register API as the source of the same ingest `eokb import` runs.

Incremental by default: the orders published since the latest publication date a successful sync saw (less an
overlap) are listed, and full
text is fetched only for orders that are new, changed in their metadata, or failed last time. `full` lists and
re-fetches everything. It holds the writer lock (app.ingest.lock), so no import or other sync runs meanwhile; each
order is loaded in its own transaction and what the sync saw of it is recorded afterwards, so a run cut short loses
nothing already loaded.
"""

import hashlib
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import orjson
import structlog
from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from app.ingest.document import FRAgency, FRDocument, RejectedDocument, SourceDocument
from app.ingest.lock import writer_lock
from app.ingest.pipeline import Ingestion, IngestSummary
from app.ingest.sources.federal_register import FederalRegisterClient, SourceError
from app.models import SyncedDocument, SyncRun

log = structlog.get_logger()

FIRST_ORDERS = date(1993, 1, 1)  # the FR API's executive orders start in 1994


@dataclass
class SyncSummary:
    full: bool
    listed: int
    requests: int
    ingest: IngestSummary

    def line(self) -> str:
        kind = "full" if self.full else "incremental"
        return f"{kind} sync: {self.listed} listed, {self.ingest.line()}, {self.requests} requests"


def metadata_hash(document: dict[str, object]) -> str:
    return hashlib.sha256(orjson.dumps(document, option=orjson.OPT_SORT_KEYS)).hexdigest()


async def run_sync(
    engine: AsyncEngine,
    client: FederalRegisterClient,
    full: bool = False,
    overlap_days: int = 7,
    on_rejected: Callable[[RejectedDocument], None] = lambda _: None,
) -> SyncSummary:
    """One sync, start to finish; IngestBusy when an import or sync is running, SourceError when the API fails it.

    `full` lists every order and fetches every full text again; without it, a sync after a failed or first run
    lists every order but fetches text only for those not already loaded unchanged.
    """
    async with writer_lock(engine):
        return await _sync(engine, client, full, overlap_days, on_rejected)


async def _sync(
    engine: AsyncEngine,
    client: FederalRegisterClient,
    full: bool,
    overlap_days: int,
    on_rejected: Callable[[RejectedDocument], None],
) -> SyncSummary:
    async with engine.begin() as conn:
        since = None if full else await _last_success(conn)  # None: list every order
        run_id = await conn.scalar(insert(SyncRun).values(full=since is None).returning(SyncRun.id))
        seen = {row.eo_number: row for row in (await conn.execute(select(SyncedDocument))).all()}
    log.info("sync started", full=since is None, refetch=full, since=str(since) if since else None)
    listed = 0
    try:
        ingestion = await Ingestion.start(engine, _valid_agencies(await client.agencies()))
        async for document in _listing(client, since, overlap_days, seen):
            listed += 1
            item = await _source_document(client, document, seen, full)
            if item is None:
                ingestion.summary.unchanged += 1
                continue
            outcome = await ingestion.add(item)
            if isinstance(outcome, RejectedDocument):
                on_rejected(outcome)
            await _remember(engine, document, item, outcome)
            if listed % 100 == 0:
                log.info("sync progress", listed=listed, **_counts(ingestion.summary))
    except SourceError as error:
        await _finish(engine, run_id, "failed", listed, client.requests, None, str(error))
        log.error("sync failed", error=str(error))
        raise
    await ingestion.finish()
    await _finish(engine, run_id, "succeeded", listed, client.requests, ingestion.summary, None)
    summary = SyncSummary(since is None, listed, client.requests, ingestion.summary)
    log.info("sync finished", line=summary.line())
    return summary


async def _last_success(conn: AsyncConnection) -> date | None:
    """The latest publication date a successful sync has seen: the next asks from there (less the overlap)."""
    if not await conn.scalar(select(func.count()).where(SyncRun.status == "succeeded")):
        return None
    return await conn.scalar(select(func.max(SyncedDocument.publication_date)))


def _valid_agencies(entries: list[dict[str, Any]]) -> list[FRAgency]:
    agencies = []
    for entry in entries:
        try:
            agencies.append(FRAgency.model_validate(entry))
        except ValidationError as error:
            log.warning("agency skipped", entry=str(entry)[:200], error=error.errors()[0]["msg"])
    return agencies


async def _listing(
    client: FederalRegisterClient,
    since: date | None,
    overlap_days: int,
    seen: dict[int, Any],
) -> AsyncIterator[dict[str, Any]]:
    """What to look at: everything by signing date, or what was published since the last sync, plus what failed."""
    listed: set[object] = set()
    if since is None:
        source = client.executive_orders("signing_date", FIRST_ORDERS)
    else:
        source = client.executive_orders("publication_date", since - timedelta(days=overlap_days))
    async for document in source:
        listed.add(document.get("executive_order_number"))
        yield document
    for eo_number, row in seen.items():
        if row.status == "failed" and eo_number not in listed and row.document_number:
            try:
                yield await client.document(row.document_number)
            except SourceError as error:  # still failing: it stays marked for the next run
                log.warning("order not served", eo_number=eo_number, error=str(error))


async def _source_document(
    client: FederalRegisterClient, document: dict[str, object], seen: dict[int, Any], full: bool
) -> SourceDocument | RejectedDocument | None:
    """The document with its full text, or None when nothing about it changed since the last sync."""
    try:
        fr_document = FRDocument.model_validate(document)
    except ValidationError as error:
        number = document.get("executive_order_number") or document.get("document_number") or "a listed document"
        return RejectedDocument(name=f"EO {number}", reason=f"invalid FR metadata: {error.errors()[0]['msg']}")
    known = seen.get(fr_document.executive_order_number)
    if not full and known is not None and known.status == "loaded" and known.metadata_hash == metadata_hash(document):
        return None
    try:
        xml, body_text, url = await client.body(document)
    except SourceError as error:
        return RejectedDocument(name=fr_document.label, reason=f"full text not fetched: {error}")
    return SourceDocument(document=fr_document, xml=xml, text=body_text, text_source=url or None)


async def _remember(
    engine: AsyncEngine, document: dict[str, object], item: SourceDocument | RejectedDocument, outcome: object
) -> None:
    eo_number = document.get("executive_order_number")
    if not isinstance(eo_number, int):
        return
    failed = isinstance(outcome, RejectedDocument)
    body = b""
    if isinstance(item, SourceDocument):
        body = item.xml or (item.text or "").encode()
    values = {
        "eo_number": eo_number,
        "document_number": document.get("document_number"),
        "publication_date": _date(document.get("publication_date")),
        "metadata_hash": metadata_hash(document),
        "text_hash": hashlib.sha256(body).hexdigest() if body else None,
        "status": "failed" if failed else "loaded",
        "reason": outcome.reason if isinstance(outcome, RejectedDocument) else None,
        "checked_at": func.now(),
    }
    statement = insert(SyncedDocument).values(values)
    async with engine.begin() as conn:
        await conn.execute(
            statement.on_conflict_do_update(
                index_elements=[SyncedDocument.eo_number],
                set_={key: statement.excluded[key] for key in values if key != "eo_number"},
            )
        )


async def _finish(
    engine: AsyncEngine,
    run_id: int,
    status: str,
    listed: int,
    requests: int,
    summary: IngestSummary | None,
    error: str | None,
) -> None:
    counts = _counts(summary) if summary else {}
    async with engine.begin() as conn:
        await conn.execute(
            update(SyncRun)
            .where(SyncRun.id == run_id)
            .values(status=status, finished_at=func.now(), listed=listed, requests=requests, error=error, **counts)
        )


def _counts(summary: IngestSummary) -> dict[str, int]:
    return {"loaded": summary.loaded, "unchanged": summary.unchanged, "failed": len(summary.skipped)}


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
