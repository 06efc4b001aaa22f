"""/v1/orders: executive orders, their provisions and obligations."""

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response

from app.api.listing import page_response, query_of, record
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.queries import obligations, orders, provisions
from app.queries.order_detail import order_detail
from app.schemas.common import FieldsPage, Page
from app.schemas.facets import Facets
from app.schemas.obligations import Obligation
from app.schemas.orders import Order, OrderDetail
from app.schemas.params import OrderFacetQuery, OrderInclude, OrderListQuery, OrderQuery, PageQuery
from app.schemas.provisions import Provision

router = APIRouter(prefix="/orders", tags=["orders"], responses=ERROR_RESPONSES)
EoNumber = Annotated[int, Path(gt=0, lt=100000, description="The executive order number.", examples=[14409])]


@router.get("", operation_id="listOrders", summary="List executive orders", response_model=Page[Order] | FieldsPage)
async def list_orders(
    request: Request, conn: Conn, query: Annotated[OrderListQuery, query_of(OrderListQuery)]
) -> Response:
    page = await orders.list_orders(conn, query)
    return page_response(request, page, record, query.fields)


@router.get("/facets", operation_id="countOrders", summary="Count matching orders by facet")
async def count_orders(conn: Conn, query: Annotated[OrderFacetQuery, query_of(OrderFacetQuery)]) -> Facets:
    counted = await orders.facet_counts(conn, query)
    return Facets(total=counted.total, facets=counted.facets)


@router.get("/{eo_number}", operation_id="getOrder", summary="Get one executive order", response_model=OrderDetail)
async def get_order(eo_number: EoNumber, conn: Conn, query: Annotated[OrderQuery, query_of(OrderQuery)]) -> Response:
    include = set(query.include or [])
    detail = await order_detail(
        conn, eo_number, provisions=OrderInclude.provisions in include, obligations=OrderInclude.obligations in include
    )
    return Response(detail, media_type="application/json")


@router.get(
    "/{eo_number}/provisions",
    operation_id="listOrderProvisions",
    summary="List an order's provisions in text order",
    response_model=Page[Provision],
)
async def list_order_provisions(
    request: Request,
    eo_number: EoNumber,
    conn: Conn,
    query: Annotated[PageQuery, query_of(PageQuery)],
) -> Response:
    page = await provisions.list_order_provisions(conn, eo_number, query)
    return page_response(request, page, record)


@router.get(
    "/{eo_number}/obligations",
    operation_id="listOrderObligations",
    summary="List an order's obligations",
    response_model=Page[Obligation],
)
async def list_order_obligations(
    request: Request, eo_number: EoNumber, conn: Conn, query: Annotated[PageQuery, query_of(PageQuery)]
) -> Response:
    page = await obligations.list_order_obligations(conn, eo_number, query)
    return page_response(request, page, record)
