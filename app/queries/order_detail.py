"""One order with, on request, every provision and obligation: a single JSON document built by Postgres."""

from functools import cache, partial
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, literal_column, null, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncConnection

from app.models import Obligation, Order, Provision
from app.queries import compiled
from app.queries.errors import NotFound
from app.queries.json_records import as_text, json_object
from app.queries.obligations import TEXT_ORDER as OBLIGATIONS_IN_TEXT_ORDER
from app.queries.obligations import obligation_fields
from app.queries.orders import order_fields, order_records
from app.queries.provisions import provision_fields


def _every(record: ColumnElement[Any], in_order: list[ColumnElement[Any]]) -> ColumnElement[Any]:
    """A JSON array of `record` over the rows of this order, in order: the caller adds FROM and WHERE."""
    return func.coalesce(func.json_agg(aggregate_order_by(record, *in_order)), literal_column("'[]'::json"))


def _provisions() -> ColumnElement[Any]:
    record = json_object(**provision_fields(), highlight=null())
    return (
        select(_every(record, [Provision.position]))
        .select_from(Provision)
        .where(Provision.order_id == Order.id)
        .scalar_subquery()
    )


def _obligations() -> ColumnElement[Any]:
    record = json_object(**obligation_fields(), highlight=null())
    return (
        select(_every(record, OBLIGATIONS_IN_TEXT_ORDER.order_by()[1:]))
        .select_from(Obligation)
        .join(Provision, Provision.id == Obligation.provision_id)
        .where(Obligation.order_id == Order.id)
        .scalar_subquery()
    )


@cache
def _statement(provisions: bool, obligations: bool) -> Select[Any]:
    """Built once per combination: building it anew costs more than the database takes to run it."""
    document = json_object(
        **order_fields(),
        highlight=null(),
        provisions=_provisions() if provisions else null(),
        obligations=_obligations() if obligations else null(),
    )
    return (
        order_records()
        .with_only_columns(as_text(document).label("detail"))
        .where(Order.eo_number == bindparam("eo_number"))
    )


async def order_detail(conn: AsyncConnection, eo_number: int, provisions: bool, obligations: bool) -> str:
    """The order record (schemas.orders.OrderDetail) as JSON text; lists not asked for are null."""
    shape = ("order detail", provisions, obligations)
    found = await compiled.fetch(conn, shape, partial(_statement, provisions, obligations), {"eo_number": eo_number})
    if not found:
        raise NotFound(f"executive order {eo_number}")
    return found[0]["detail"]
