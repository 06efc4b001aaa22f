"""SQL for provisions: one order's tree in text order, and provisions across orders."""

from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import visitors

from app.models import Order, Provision
from app.queries import facets, orders, search
from app.queries.compiled import bind
from app.queries.errors import NotFound
from app.queries.facets import Dimension, FacetCounts
from app.queries.json_records import as_text, json_object
from app.queries.pagination import Page, Sort, paginate
from app.schemas.params import PageQuery, ProvisionFacetQuery, ProvisionFilters, ProvisionListQuery

TEXT_ORDER = Sort("text_order", (Order.eo_number, Provision.position))
SORTS = {"text_order": TEXT_ORDER}
WITHIN_ORDER = Sort("position", (Provision.position,))


@cache
def provision_json() -> ColumnElement[Any]:
    """The provision record as JSON built by Postgres (without highlight)."""
    return json_object(**provision_fields())


def provision_fields() -> dict[str, ColumnElement[Any]]:
    return {column.key: column for column in provision_records().selected_columns}


@cache
def provision_rows() -> Select[Any]:
    """Each provision's record as JSON text, what the API's lists send as it is."""
    return provision_records().with_only_columns(as_text(provision_json()).label("record"))


@cache
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


def _reads_orders(clauses: list[ColumnElement[Any]]) -> bool:
    """Whether any of the clauses, subqueries included, reads a column of orders."""
    return any(
        getattr(element, "table", None) is Order.__table__ for clause in clauses for element in visitors.iterate(clause)
    )


async def list_provisions(conn: AsyncConnection, query: ProvisionListQuery) -> Page:
    where = await conditions(conn, query)
    sort = search.sort_for(query.sort, bool(query.q), SORTS, "text_order", lambda: _relevance(query.q or ""))
    columns = search.highlight_source(Provision.text, query.q) if query.q else []
    matching = select(Provision.id)
    if _reads_orders([*where, *sort.columns]):
        # joined only when read: a search by relevance alone would look up every match's order twice, to no end
        matching = matching.join(Order, Order.id == Provision.order_id)
    return await paginate(
        conn, "provisions", provision_rows(), matching, where, sort, query.limit, query.cursor, columns
    )


async def every_match(conn: AsyncConnection, filters: ProvisionFilters) -> Select[Any]:
    """Every provision the filters match, in text order: what an export streams."""
    return provision_records().where(*await conditions(conn, filters)).order_by(*TEXT_ORDER.order_by())


async def list_order_provisions(conn: AsyncConnection, eo_number: int, query: PageQuery) -> Page:
    order_id = await orders.order_id(conn, eo_number)
    where = [Provision.order_id == bind("order_id", order_id, Integer)]
    return await paginate(
        conn, "order provisions", provision_rows(), select(Provision.id), where, WITHIN_ORDER, query.limit, query.cursor
    )


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
