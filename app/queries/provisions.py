"""SQL for provisions: one order's tree in text order, and provisions across orders."""

from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.ext.asyncio import AsyncConnection

from app.models import Order, Provision
from app.queries import facets, orders, search
from app.queries.errors import NotFound
from app.queries.facets import Dimension, FacetCounts
from app.queries.json_records import json_object
from app.queries.pagination import Page, Sort, paginate
from app.schemas.params import PageQuery, ProvisionFacetQuery, ProvisionFilters, ProvisionListQuery

TEXT_ORDER = Sort("text_order", (Order.eo_number, Provision.position))
SORTS = {"text_order": TEXT_ORDER}
WITHIN_ORDER = Sort("position", (Provision.position,))


def provision_json() -> ColumnElement[Any]:
    """The provision record as JSON built by Postgres (without highlight)."""
    columns = provision_records().selected_columns
    return json_object(**{column.key: column for column in columns})


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
    where = orders.scope_conditions(filters)
    if filters.q:
        where.append(search.matches(Provision.search, filters.q))
    return where


def _relevance(q: str) -> Sort:
    return Sort("relevance", (search.rank(Provision.search, q), Provision.id), descending=True)


async def list_provisions(conn: AsyncConnection, query: ProvisionListQuery) -> Page:
    where = await conditions(conn, query)
    sort = search.sort_for(query.sort, bool(query.q), SORTS, "text_order", lambda: _relevance(query.q or ""))
    records = provision_records()
    if query.q:
        records = records.add_columns(search.highlight(Provision.text, query.q).label("highlight"))
    matching = select(Provision.id).join(Order, Order.id == Provision.order_id).where(*where)
    return await paginate(conn, records.where(*where), matching, sort, query.limit, query.cursor)


async def every_match(conn: AsyncConnection, filters: ProvisionFilters) -> Select[Any]:
    """Every provision the filters match, in text order: what an export streams."""
    return provision_records().where(*await conditions(conn, filters)).order_by(*TEXT_ORDER.order_by())


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


PROVISION_DIMENSIONS = {
    **{name: orders.ORDER_DIMENSIONS[name] for name in ("president", "year", "agency")},
    "kind": Dimension(Provision.kind),
}


async def facet_counts(conn: AsyncConnection, query: ProvisionFacetQuery) -> FacetCounts:
    where = await conditions(conn, query)
    rows = select(Provision.id).join(Order, Order.id == Provision.order_id).where(*where)
    return await facets.count(conn, rows, Provision.id, PROVISION_DIMENSIONS, query.by)
