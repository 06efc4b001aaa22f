"""/v1/provisions: numbered units of order text, across orders."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.api.listing import page_response, query_of, record
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.queries import provisions
from app.schemas.common import FieldsPage, Page
from app.schemas.facets import Facets
from app.schemas.params import ProvisionFacetQuery, ProvisionListQuery, StrictQuery
from app.schemas.provisions import Provision

router = APIRouter(prefix="/provisions", tags=["provisions"], responses=ERROR_RESPONSES)


@router.get(
    "",
    operation_id="listProvisions",
    summary="List or search provisions across orders",
    response_model=Page[Provision] | FieldsPage,
)
async def list_provisions(
    request: Request, conn: Conn, query: Annotated[ProvisionListQuery, query_of(ProvisionListQuery)]
) -> Response:
    page = await provisions.list_provisions(conn, query)
    return page_response(request, page, record, query.fields)


@router.get("/facets", operation_id="countProvisions", summary="Count matching provisions by facet")
async def count_provisions(conn: Conn, query: Annotated[ProvisionFacetQuery, query_of(ProvisionFacetQuery)]) -> Facets:
    counted = await provisions.facet_counts(conn, query)
    return Facets(total=counted.total, facets=counted.facets)


@router.get("/{provision_id}", operation_id="getProvision", summary="Get one provision")
async def get_provision(
    provision_id: Annotated[
        str, Path(pattern=r"^[A-Za-z0-9._~-]{1,200}$", description="e.g. eo-14409-2-d", examples=["eo-14409-2-d"])
    ],
    conn: Conn,
    _: Annotated[StrictQuery, query_of(StrictQuery)],
) -> Provision:
    return Provision.from_row(await provisions.get_provision(conn, provision_id))
