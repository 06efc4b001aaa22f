"""/v1/export: every record a list's filters match, as NDJSON or CSV, streamed in constant memory.

NDJSON lines are the list's records, built as JSON by Postgres and streamed with COPY; CSV flattens the same
records (see app/formats/table.py), read from a server-side cursor a batch at a time.
"""

from collections.abc import AsyncIterator, Callable
from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from sqlalchemy import ColumnElement, Select
from sqlalchemy.ext.asyncio import AsyncConnection

from app.api.listing import query_of
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.formats.table import Table
from app.queries import obligations, orders, provisions, streaming
from app.queries.json_records import as_text
from app.schemas.obligations import Obligation
from app.schemas.orders import Order
from app.schemas.params import ObligationFilters, OrderFilters, ProvisionFilters
from app.schemas.provisions import Provision

BATCH = 2000


class Format(StrEnum):
    ndjson = "ndjson"
    csv = "csv"


MEDIA_TYPES = {Format.ndjson: "application/x-ndjson", Format.csv: "text/csv; charset=utf-8"}
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Every matching record: one JSON record per line (ndjson), or a CSV table with a header.",
        "content": {media_type: {"schema": {"type": "string"}} for media_type in MEDIA_TYPES.values()},
    }
}
FormatPath = Annotated[Format, Path(description="ndjson (one JSON record per line) or csv.")]

router = APIRouter(prefix="/export", tags=["export"], responses=ERROR_RESPONSES)


class Export:
    """One resource's export: its records in order, as JSON built by Postgres or as schema objects."""

    def __init__(self, name: str, record: type[Any], record_json: Callable[[], ColumnElement[Any]]) -> None:
        self.name, self.record, self.record_json = name, record, record_json
        self.table = Table(record, exclude=("highlight",))

    async def respond(
        self, request: Request, format: Format, conn: AsyncConnection, matching: Select[Any]
    ) -> StreamingResponse:
        await streaming.snapshot(conn, request.app.state.settings.export_timeout_ms)
        body = self._ndjson(conn, matching) if format is Format.ndjson else self._csv(conn, matching)
        body = await streaming.started(body)
        disposition = f'attachment; filename="eokb-{self.name}.{format.value}"'
        return StreamingResponse(body, media_type=MEDIA_TYPES[format], headers={"Content-Disposition": disposition})

    def _ndjson(self, conn: AsyncConnection, matching: Select[Any]) -> AsyncIterator[bytes]:
        return streaming.copy_lines(conn, matching.with_only_columns(as_text(self.record_json())))

    async def _csv(self, conn: AsyncConnection, matching: Select[Any]) -> AsyncIterator[bytes]:
        """The header goes out with the first rows, so the first chunk comes from the database."""
        header = self.table.header
        async for rows in streaming.batches(conn, matching, BATCH):
            yield header + self.table.rows(self._records(rows))
            header = b""
        if header:
            yield header

    def _records(self, rows: list[dict[str, Any]]) -> list[BaseModel]:
        return [self.record.from_row(row) for row in rows]


ORDERS = Export("orders", Order, orders.order_json)
PROVISIONS = Export("provisions", Provision, provisions.provision_json)
OBLIGATIONS = Export("obligations", Obligation, obligations.obligation_json)


@router.get(
    "/orders.{format}",
    operation_id="exportOrders",
    summary="Export every matching order",
    response_class=StreamingResponse,
    responses=EXPORT_RESPONSES,
)
async def export_orders(
    request: Request, format: FormatPath, conn: Conn, query: Annotated[OrderFilters, query_of(OrderFilters)]
) -> StreamingResponse:
    return await ORDERS.respond(request, format, conn, await orders.every_match(conn, query))


@router.get(
    "/provisions.{format}",
    operation_id="exportProvisions",
    summary="Export every matching provision",
    response_class=StreamingResponse,
    responses=EXPORT_RESPONSES,
)
async def export_provisions(
    request: Request, format: FormatPath, conn: Conn, query: Annotated[ProvisionFilters, query_of(ProvisionFilters)]
) -> StreamingResponse:
    return await PROVISIONS.respond(request, format, conn, await provisions.every_match(conn, query))


@router.get(
    "/obligations.{format}",
    operation_id="exportObligations",
    summary="Export every matching obligation",
    response_class=StreamingResponse,
    responses=EXPORT_RESPONSES,
)
async def export_obligations(
    request: Request, format: FormatPath, conn: Conn, query: Annotated[ObligationFilters, query_of(ObligationFilters)]
) -> StreamingResponse:
    return await OBLIGATIONS.respond(request, format, conn, await obligations.every_match(conn, query))
