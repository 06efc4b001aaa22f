"""/v1/agencies: the offices orders task, keyed by Federal Register slug."""

from collections.abc import Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response

from app.api.listing import page_response, query_of, record
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.queries import agencies, obligations
from app.schemas.agencies import Agency
from app.schemas.common import FieldsPage, Page
from app.schemas.obligations import Obligation
from app.schemas.params import AgencyListQuery, PageQuery, StrictQuery

router = APIRouter(prefix="/agencies", tags=["agencies"], responses=ERROR_RESPONSES)
AgencySlug = Annotated[
    str,
    Path(
        pattern=r"^[a-z0-9-]{1,200}$", description="The Federal Register agency slug.", examples=["commerce-department"]
    ),
]


@router.get("", operation_id="listAgencies", summary="List agencies", response_model=Page[Agency] | FieldsPage)
async def list_agencies(
    request: Request, conn: Conn, query: Annotated[AgencyListQuery, query_of(AgencyListQuery)]
) -> Response:
    page = await agencies.list_agencies(conn, query)
    return page_response(request, page, _agency_json, query.fields)


@router.get("/{slug}", operation_id="getAgency", summary="Get one agency")
async def get_agency(slug: AgencySlug, conn: Conn, _: Annotated[StrictQuery, query_of(StrictQuery)]) -> Agency:
    return Agency.from_row(await agencies.get_agency(conn, slug))


@router.get(
    "/{slug}/obligations",
    operation_id="listAgencyObligations",
    summary="List the obligations of an agency and the agencies below it",
    response_model=Page[Obligation],
)
async def list_agency_obligations(
    request: Request, slug: AgencySlug, conn: Conn, query: Annotated[PageQuery, query_of(PageQuery)]
) -> Response:
    page = await obligations.list_agency_obligations(conn, slug, query)
    return page_response(request, page, record)


def _agency_json(row: Mapping[str, Any]) -> str:
    return Agency.from_row(row).model_dump_json()
