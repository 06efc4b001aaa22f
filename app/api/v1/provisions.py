"""/v1/provisions: numbered units of order text, across orders."""

from typing import Annotated

from fastapi import APIRouter, Path, Request

from app.api.listing import envelope, query_of
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.queries import provisions
from app.schemas.common import Page
from app.schemas.params import ProvisionListQuery, StrictQuery
from app.schemas.provisions import Provision

router = APIRouter(prefix="/provisions", tags=["provisions"], responses=ERROR_RESPONSES)


@router.get("", operation_id="listProvisions", summary="List provisions across orders, in text order")
async def list_provisions(
    request: Request, conn: Conn, query: Annotated[ProvisionListQuery, query_of(ProvisionListQuery)]
) -> Page[Provision]:
    page = await provisions.list_provisions(conn, query)
    return Page[Provision](**envelope(request, page, Provision.from_row))


@router.get("/{provision_id}", operation_id="getProvision", summary="Get one provision")
async def get_provision(
    provision_id: Annotated[
        str, Path(pattern=r"^[A-Za-z0-9._~-]{1,200}$", description="e.g. eo-14409-2-d", examples=["eo-14409-2-d"])
    ],
    conn: Conn,
    _: Annotated[StrictQuery, query_of(StrictQuery)],
) -> Provision:
    return Provision.from_row(await provisions.get_provision(conn, provision_id))
