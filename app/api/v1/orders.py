"""/v1/orders: executive orders, their provisions and obligations."""

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response

from app.api.listing import envelope, page_response, query_of
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.queries import obligations, orders, provisions
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
) -> dict[str, Any] | Response:
    page = await orders.list_orders(conn, query)
    return page_response(request, page, Order.from_row, query.fields)


@router.get("/facets", operation_id="countOrders", summary="Count matching orders by facet")
async def count_orders(conn: Conn, query: Annotated[OrderFacetQuery, query_of(OrderFacetQuery)]) -> Facets:
    counted = await orders.facet_counts(conn, query)
    return Facets(total=counted.total, facets=counted.facets)


@router.get("/{eo_number}", operation_id="getOrder", summary="Get one executive order")
async def get_order(eo_number: EoNumber, conn: Conn, query: Annotated[OrderQuery, query_of(OrderQuery)]) -> OrderDetail:
    row = await orders.get_order(conn, eo_number)
    include = set(query.include or [])
    extra = {}
    if OrderInclude.provisions in include:
        extra["provisions"] = [Provision.from_row(r) for r in await provisions.all_order_provisions(conn, row["id"])]
    if OrderInclude.obligations in include:
        extra["obligations"] = [
            Obligation.from_row(r) for r in await obligations.all_order_obligations(conn, row["id"])
        ]
    return OrderDetail.from_row(row, **extra)


@router.get(
    "/{eo_number}/provisions", operation_id="listOrderProvisions", summary="List an order's provisions in text order"
)
async def list_order_provisions(
    request: Request,
    eo_number: EoNumber,
    conn: Conn,
    query: Annotated[PageQuery, query_of(PageQuery)],
) -> Page[Provision]:
    page = await provisions.list_order_provisions(conn, eo_number, query)
    return Page[Provision](**envelope(request, page, Provision.from_row))


@router.get("/{eo_number}/obligations", operation_id="listOrderObligations", summary="List an order's obligations")
async def list_order_obligations(
    request: Request, eo_number: EoNumber, conn: Conn, query: Annotated[PageQuery, query_of(PageQuery)]
) -> Page[Obligation]:
    page = await obligations.list_order_obligations(conn, eo_number, query)
    return Page[Obligation](**envelope(request, page, Obligation.from_row))
