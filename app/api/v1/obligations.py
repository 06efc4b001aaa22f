"""/v1/obligations: who must do what, by when, across orders."""

from typing import Annotated

from fastapi import APIRouter, Request

from app.api.listing import envelope, query_of
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.queries import obligations
from app.schemas.common import Page
from app.schemas.obligations import Obligation
from app.schemas.params import ObligationListQuery

router = APIRouter(prefix="/obligations", tags=["obligations"], responses=ERROR_RESPONSES)


@router.get("", operation_id="listObligations", summary="List obligations across orders")
async def list_obligations(
    request: Request, conn: Conn, query: Annotated[ObligationListQuery, query_of(ObligationListQuery)]
) -> Page[Obligation]:
    page = await obligations.list_obligations(conn, query)
    return Page[Obligation](**envelope(request, page, Obligation.from_row))
