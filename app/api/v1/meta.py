"""/v1/meta and /v1/changes: how fresh the data is, and what changed since a moment."""

from typing import Annotated

from fastapi import APIRouter, Request, Response

from app.api.listing import page_response, query_of, record
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.ingest.lock import writer_active
from app.queries import changes, meta
from app.schemas.common import Page
from app.schemas.meta import Meta
from app.schemas.orders import Order
from app.schemas.params import ChangesQuery, StrictQuery

router = APIRouter(tags=["meta"], responses=ERROR_RESPONSES)


@router.get("/meta", operation_id="getMeta", summary="What the database holds and when it was last synced")
async def get_meta(request: Request, conn: Conn, _: Annotated[StrictQuery, query_of(StrictQuery)]) -> Meta:
    held = await meta.holdings(conn)
    return Meta(**held, sync_in_progress=await writer_active(request.app.state.primary))


@router.get(
    "/changes",
    operation_id="listChanges",
    summary="Orders added or changed since a moment, oldest first",
    response_model=Page[Order],
)
async def list_changes(
    request: Request, conn: Conn, query: Annotated[ChangesQuery, query_of(ChangesQuery)]
) -> Response:
    page = await changes.list_changes(conn, query)
    return page_response(request, page, record)
