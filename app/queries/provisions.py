"""SQL for provisions: one order's tree in text order, and provisions across orders."""

from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncConnection

from app.models import Order, Provision
from app.queries import orders
from app.queries.errors import NotFound
from app.queries.pagination import Page, Sort, paginate
from app.schemas.params import PageQuery, ProvisionFilters, ProvisionListQuery

TEXT_ORDER = Sort("text_order", (Order.eo_number, Provision.position))
WITHIN_ORDER = Sort("position", (Provision.position,))


def provision_records() -> Select[Any]:
    return select(
        Provision.id,
        Order.eo_number,
        Provision.section,
        Provision.kind,
        Provision.heading,
        Provision.text,
        Provision.depth,
        Provision.parent_id,
        Provision.ordinal,
        Provision.position,
    ).join(Order, Order.id == Provision.order_id)


async def conditions(conn: AsyncConnection, filters: ProvisionFilters) -> list[ColumnElement[bool]]:
    """The WHERE clauses for `filters` over provision_records(); unknown slugs are refused."""
    await orders.check_scope(conn, filters)
    return orders.scope_conditions(filters)


async def list_provisions(conn: AsyncConnection, query: ProvisionListQuery) -> Page:
    where = await conditions(conn, query)
    matching = select(Provision.id).join(Order, Order.id == Provision.order_id).where(*where)
    return await paginate(conn, provision_records().where(*where), matching, TEXT_ORDER, query.limit, query.cursor)


async def list_order_provisions(conn: AsyncConnection, eo_number: int, query: PageQuery) -> Page:
    order_id = await orders.order_id(conn, eo_number)
    return await paginate(
        conn,
        provision_records().where(Provision.order_id == order_id),
        select(Provision.id).where(Provision.order_id == order_id),
        WITHIN_ORDER,
        query.limit,
        query.cursor,
    )


async def all_order_provisions(conn: AsyncConnection, order_id: int) -> list[Any]:
    query = provision_records().where(Provision.order_id == order_id).order_by(Provision.position)
    return list((await conn.execute(query)).mappings().all())


async def get_provision(conn: AsyncConnection, provision_id: str) -> Any:
    row = (await conn.execute(provision_records().where(Provision.id == provision_id))).mappings().first()
    if row is None:
        raise NotFound(f"provision {provision_id}")
    return row
