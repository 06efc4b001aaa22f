"""/v1/agencies: the offices orders task, keyed by Federal Register slug."""

from typing import Annotated

from fastapi import APIRouter, Path, Request

from app.api.listing import envelope, query_of
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.queries import agencies, obligations
from app.schemas.agencies import Agency
from app.schemas.common import Page
from app.schemas.obligations import Obligation
from app.schemas.params import AgencyListQuery, PageQuery, StrictQuery

router = APIRouter(prefix="/agencies", tags=["agencies"], responses=ERROR_RESPONSES)
AgencySlug = Annotated[str, Path(pattern=r"^[a-z0-9-]{1,200}$", examples=["commerce-department"])]


@router.get("", operation_id="listAgencies", summary="List agencies")
async def list_agencies(
    request: Request, conn: Conn, query: Annotated[AgencyListQuery, query_of(AgencyListQuery)]
) -> Page[Agency]:
    page = await agencies.list_agencies(conn, query)
    return Page[Agency](**envelope(request, page, Agency.from_row))


@router.get("/{slug}", operation_id="getAgency", summary="Get one agency")
async def get_agency(slug: AgencySlug, conn: Conn, _: Annotated[StrictQuery, query_of(StrictQuery)]) -> Agency:
    return Agency.from_row(await agencies.get_agency(conn, slug))


@router.get(
    "/{slug}/obligations",
    operation_id="listAgencyObligations",
    summary="List the obligations of an agency and the agencies below it",
)
async def list_agency_obligations(
    request: Request, slug: AgencySlug, conn: Conn, query: Annotated[PageQuery, query_of(PageQuery)]
) -> Page[Obligation]:
    page = await obligations.list_agency_obligations(conn, slug, query)
    return Page[Obligation](**envelope(request, page, Obligation.from_row))
