"""Filter pieces shared by several resources."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import InstrumentedAttribute

from app.models import Agency, OrderAgency, President
from app.queries.errors import BadParameter


async def require_known(
    conn: AsyncConnection, column: InstrumentedAttribute[str], values: Sequence[str] | None, parameter: str
) -> None:
    """Refuse a slug that names nothing, so a typo is an error rather than an empty result."""
    if not values:
        return
    known = set((await conn.scalars(select(column).where(column.in_(values)))).all())
    unknown = [value for value in values if value not in known]
    if unknown:
        raise BadParameter(parameter, f"unknown {parameter}: {', '.join(unknown)}")


async def require_known_presidents(conn: AsyncConnection, slugs: Sequence[str] | None) -> None:
    await require_known(conn, President.slug, slugs, "president")


async def require_known_agencies(conn: AsyncConnection, slugs: Sequence[str] | None) -> None:
    await require_known(conn, Agency.slug, slugs, "agency")


def agency_ids_under(slugs: Sequence[str]) -> Select[Any]:
    """The ids of the named agencies and every agency below them."""
    tree = select(Agency.id).where(Agency.slug.in_(slugs)).cte("agency_tree", recursive=True)
    tree = tree.union(select(Agency.id).where(Agency.parent_id == tree.c.id))  # UNION: a cycle ends, not loops
    return select(tree.c.id)


def order_ids_for_agencies(slugs: Sequence[str]) -> Select[Any]:
    return select(OrderAgency.order_id).where(OrderAgency.agency_id.in_(agency_ids_under(slugs)))
