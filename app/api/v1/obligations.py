"""/v1/obligations: who must do what, by when, across orders."""

from typing import Annotated

from fastapi import APIRouter, Request, Response

from app.api.listing import page_response, query_of, record
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.queries import obligations
from app.schemas.common import FieldsPage, Page
from app.schemas.facets import Facets
from app.schemas.obligations import Obligation
from app.schemas.params import ObligationFacetQuery, ObligationListQuery

router = APIRouter(prefix="/obligations", tags=["obligations"], responses=ERROR_RESPONSES)


@router.get(
    "",
    operation_id="listObligations",
    summary="List obligations across orders",
    response_model=Page[Obligation] | FieldsPage,
)
async def list_obligations(
    request: Request, conn: Conn, query: Annotated[ObligationListQuery, query_of(ObligationListQuery)]
) -> Response:
    page = await obligations.list_obligations(conn, query)
    return page_response(request, page, record, query.fields)


@router.get(
    "/facets",
    operation_id="countObligations",
    summary="Count matching obligations by facet",
)
async def count_obligations(
    conn: Conn, query: Annotated[ObligationFacetQuery, query_of(ObligationFacetQuery)]
) -> Facets:
    counted = await obligations.facet_counts(conn, query)
    return Facets(total=counted.total, facets=counted.facets)
