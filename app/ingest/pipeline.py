"""The ingest run shared by every source: validate -> parse -> extract -> load, one order per transaction."""

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from app.ingest.agencies import AgencyIndex
from app.ingest.document import FRAgency, RejectedDocument, SourceDocument
from app.ingest.graph import build_order
from app.ingest.load import known_hashes, load_agencies, load_order, stored_agencies
from app.ingest.parse import ParseError


@dataclass
class IngestSummary:
    agencies: int = 0
    loaded: int = 0
    unchanged: int = 0
    skipped: list[RejectedDocument] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        return (
            f"{self.loaded} loaded, {self.unchanged} unchanged, {len(self.skipped)} skipped "
            f"in {self.seconds:.1f} s ({self.agencies} agencies)"
        )


@dataclass
class _Run:
    """What one ingest run knows: stored content hashes, the agency index, the orders it has seen."""

    engine: AsyncEngine
    hashes: dict[int, str]
    agency_index: AgencyIndex
    seen: set[int] = field(default_factory=set)


async def ingest(
    engine: AsyncEngine,
    documents: Iterable[SourceDocument | RejectedDocument],
    agencies: Sequence[FRAgency] = (),
    on_rejected: Callable[[RejectedDocument], None] = lambda _: None,
    on_done: Callable[[], None] = lambda: None,
) -> IngestSummary:
    """Load the agency list, then every acceptable document; unchanged orders are left alone, bad ones skipped.

    Each order is written in its own transaction, so a failure never leaves half an order behind.
    """
    started = time.perf_counter()
    summary = IngestSummary()
    async with engine.begin() as conn:
        summary.agencies = await load_agencies(conn, agencies)
        run = _Run(engine, await known_hashes(conn), AgencyIndex.from_fr_agencies(await stored_agencies(conn)))
    for item in documents:
        outcome = await _ingest_one(run, item)
        if isinstance(outcome, RejectedDocument):
            summary.skipped.append(outcome)
            on_rejected(outcome)
        elif outcome == "loaded":
            summary.loaded += 1
        else:
            summary.unchanged += 1
        on_done()
    summary.seconds = time.perf_counter() - started
    return summary


async def _ingest_one(
    run: _Run, item: SourceDocument | RejectedDocument
) -> Literal["loaded", "unchanged"] | RejectedDocument:
    if isinstance(item, RejectedDocument):
        return item
    name = f"{item.document.label} ({item.document.document_number or 'no document number'})"
    if item.document.executive_order_number in run.seen:
        return RejectedDocument(name=name, reason="the same EO number came earlier in this run; the first is kept")
    run.seen.add(item.document.executive_order_number)
    try:
        graph = build_order(item, run.agency_index)
    except ParseError as error:
        return RejectedDocument(name=name, reason=f"unreadable text: {error}")
    if run.hashes.get(graph.eo_number) == graph.content_hash:
        return "unchanged"
    try:
        async with run.engine.begin() as conn:
            await load_order(conn, graph)
    except DBAPIError as error:
        reason = str(error.orig).splitlines()[0] if error.orig else str(error)
        return RejectedDocument(name=name, reason=f"rejected by the database: {reason}")
    run.hashes[graph.eo_number] = graph.content_hash
    return "loaded"
