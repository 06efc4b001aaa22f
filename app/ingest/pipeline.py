"""The ingest run shared by every source: validate -> parse -> extract -> load, one order per transaction.

Parsing and extraction are pure and take most of an import's time, so a local source's documents are built in
worker processes a few ahead of the loading, which waits on Postgres meanwhile.
"""

import asyncio
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from app.ingest.agencies import AgencyIndex
from app.ingest.document import FRAgency, RejectedDocument, SourceDocument
from app.ingest.graph import OrderGraph, build_order
from app.ingest.load import load_agencies, load_order, stored_agencies, stored_hash
from app.ingest.parse import ParseError

Outcome = Literal["loaded", "unchanged"] | RejectedDocument
Built = OrderGraph | RejectedDocument
PARENT_CHECK_SECONDS = 1.0
BUILT_AHEAD_PER_WORKER = 4
"""Documents each worker may have built or be building before the loading takes them: enough to keep it busy,
few enough that memory holds a handful of orders whatever the source's size."""


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


class Ingestion:
    """One ingest run: the agency list first, then documents one at a time, as any source delivers them.

    Each order is written in its own transaction, so a failure never leaves half an order behind; an order whose
    content hash is already stored is left untouched.
    """

    def __init__(self, engine: AsyncEngine, agency_index: AgencyIndex) -> None:
        self.engine = engine
        self.agency_index = agency_index
        self.seen: set[int] = set()
        self.summary = IngestSummary()
        self.started = time.perf_counter()

    @classmethod
    async def start(cls, engine: AsyncEngine, agencies: Sequence[FRAgency]) -> "Ingestion":
        async with engine.begin() as conn:
            loaded = await load_agencies(conn, agencies)
            ingestion = cls(engine, AgencyIndex.from_fr_agencies(await stored_agencies(conn)))
        ingestion.summary.agencies = loaded
        return ingestion

    async def add(self, item: SourceDocument | RejectedDocument) -> Outcome:
        """Build and load one document, as a source that hands them over one at a time does."""
        admitted = self.admit(item)
        if isinstance(admitted, RejectedDocument):
            return await self.load(admitted)
        return await self.load(build(admitted, self.agency_index))

    def admit(self, item: SourceDocument | RejectedDocument) -> SourceDocument | RejectedDocument:
        """The document to build, or why it is skipped; called in the source's order, so the first of two
        documents with the same EO number is kept."""
        if isinstance(item, RejectedDocument):
            return item
        if item.document.executive_order_number in self.seen:
            return RejectedDocument(
                name=_name(item.document.executive_order_number, item.document.document_number),
                reason="the same EO number came earlier in this run; the first is kept",
            )
        self.seen.add(item.document.executive_order_number)
        return item

    async def load(self, built: Built) -> Outcome:
        """Store a built order in its own transaction, unless it is stored already; count the outcome."""
        outcome = await self._store(built)
        if isinstance(outcome, RejectedDocument):
            self.summary.skipped.append(outcome)
        elif outcome == "loaded":
            self.summary.loaded += 1
        else:
            self.summary.unchanged += 1
        self.summary.seconds = time.perf_counter() - self.started
        return outcome

    async def finish(self) -> None:
        """Vacuum and analyse after loading: right after a first import the planner would guess from empty tables
        (15 orders for a president who signed 276), the full-text indexes would still hold new rows in their
        unsorted pending lists (a search scanned them in 0.7 ms rather than 0.03), and index-only scans would
        still visit the table for rows not yet marked visible."""
        if self.summary.loaded:
            async with self.engine.connect() as conn:
                await conn.execution_options(isolation_level="AUTOCOMMIT")  # VACUUM runs outside a transaction
                await conn.execute(text("SET statement_timeout = 0"))  # it takes as long as the data is large
                try:
                    await conn.execute(text("VACUUM (ANALYZE)"))
                finally:
                    await conn.execute(text("RESET statement_timeout"))

    async def _store(self, built: Built) -> Outcome:
        if isinstance(built, RejectedDocument):
            return built
        try:
            async with self.engine.begin() as conn:
                if await stored_hash(conn, built.eo_number) == built.content_hash:
                    return "unchanged"
                await load_order(conn, built)
        except DBAPIError as error:
            reason = str(error.orig).splitlines()[0] if error.orig else str(error)
            return RejectedDocument(
                name=_name(built.eo_number, built.order["document_number"]),
                reason=f"rejected by the database: {reason}",
            )
        return "loaded"


def build(item: SourceDocument, agency_index: AgencyIndex) -> Built:
    """The order's graph, or the document rejected for a text that is not an order's."""
    try:
        return build_order(item, agency_index)
    except ParseError as error:
        return RejectedDocument(
            name=_name(item.document.executive_order_number, item.document.document_number),
            reason=f"unreadable text: {error}",
        )


def _name(eo_number: int, document_number: str | None) -> str:
    """How a skipped order is named to the operator: EO 14409 (2026-11234)."""
    return f"EO {eo_number} ({document_number or 'no document number'})"


async def ingest(
    engine: AsyncEngine,
    documents: Iterable[SourceDocument | RejectedDocument],
    agencies: Sequence[FRAgency] = (),
    on_rejected: Callable[[RejectedDocument], None] = lambda _: None,
    on_done: Callable[[], None] = lambda: None,
    workers: int = 0,
) -> IngestSummary:
    """Load the agency list, then every document of a local source; bad ones are named and skipped.

    With `workers`, documents are built in that many processes while earlier ones load; with none, in this one.
    """
    ingestion = await Ingestion.start(engine, agencies)
    loop = asyncio.get_running_loop()
    with _builders(workers, ingestion.agency_index) as builders:
        building: deque[asyncio.Future[Built]] = deque()
        ahead = max(1, workers * BUILT_AHEAD_PER_WORKER)
        for item in documents:
            admitted = ingestion.admit(item)
            if isinstance(admitted, RejectedDocument):
                building.append(_done(loop, admitted))
            elif builders is None:
                building.append(_done(loop, build(admitted, ingestion.agency_index)))
            else:
                building.append(loop.run_in_executor(builders, _build_in_worker, admitted))
            while len(building) >= ahead:
                await _load_next(ingestion, building, on_rejected, on_done)
        while building:
            await _load_next(ingestion, building, on_rejected, on_done)
    await ingestion.finish()
    return ingestion.summary


async def _load_next(
    ingestion: Ingestion,
    building: deque[asyncio.Future[Built]],
    on_rejected: Callable[[RejectedDocument], None],
    on_done: Callable[[], None],
) -> None:
    outcome = await ingestion.load(await building.popleft())
    if isinstance(outcome, RejectedDocument):
        on_rejected(outcome)
    on_done()


def _done(loop: asyncio.AbstractEventLoop, built: Built) -> asyncio.Future[Built]:
    future: asyncio.Future[Built] = loop.create_future()
    future.set_result(built)
    return future


_worker_index: AgencyIndex | None = None


def _start_worker(agency_index: AgencyIndex, main_process: int) -> None:
    """Keep the agency index; leave Ctrl-C, which a terminal sends the whole process group, to the main process,
    which stops the run between orders; and end with the main process, however it ends."""
    global _worker_index  # noqa: PLW0603 (a worker process's one piece of state, set as it starts)
    _worker_index = agency_index
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with, args=(main_process,), daemon=True).start()


def _exit_with(main_process: int) -> None:
    """Exit once the main process has, even before this one started: one killed outright cannot shut its workers
    down."""
    while os.getppid() == main_process:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _build_in_worker(item: SourceDocument) -> Built:
    assert _worker_index is not None, "started by _builders"
    return build(item, _worker_index)


@contextmanager
def _builders(workers: int, agency_index: AgencyIndex) -> Iterator[Executor | None]:
    """Worker processes that build orders, or None to build them here.

    They are spawned, not forked: this process holds open connections and may hold threads.
    """
    if workers < 1:
        yield None
        return
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(agency_index, os.getpid())
    )
    try:
        yield pool
    finally:  # a run stopped early drops the documents not yet started and waits for the rest
        pool.shutdown(wait=True, cancel_futures=True)
