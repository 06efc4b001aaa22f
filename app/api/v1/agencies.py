"""/v1/agencies: the offices orders task, keyed by Federal Register slug."""

from typing import Annotated

from fastapi import APIRouter, Path, Request

from app.api.listing import envelope, query_of
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.queries import agencies
from app.schemas.agencies import Agency
from app.schemas.common import Page
from app.schemas.params import AgencyListQuery, StrictQuery

router = APIRouter(prefix="/agencies", tags=["agencies"], responses=ERROR_RESPONSES)


@router.get("", operation_id="listAgencies", summary="List agencies")
async def list_agencies(
    request: Request, conn: Conn, query: Annotated[AgencyListQuery, query_of(AgencyListQuery)]
) -> Page[Agency]:
    page = await agencies.list_agencies(conn, query)
    return Page[Agency](**envelope(request, page, Agency.from_row))


@router.get("/{slug}", operation_id="getAgency", summary="Get one agency")
async def get_agency(
    slug: Annotated[str, Path(pattern=r"^[a-z0-9-]{1,200}$", examples=["commerce-department"])],
    conn: Conn,
    _: Annotated[StrictQuery, query_of(StrictQuery)],
) -> Agency:
    return Agency.from_row(await agencies.get_agency(conn, slug))
