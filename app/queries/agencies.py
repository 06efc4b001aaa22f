"""SQL for agencies, with how many orders and obligations each is tied to."""

from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import aliased

from app.models import Agency, ObligationActor, OrderAgency
from app.queries.errors import NotFound
from app.queries.pagination import Page, Sort, paginate
from app.schemas.params import AgencyListQuery

BY_SLUG = Sort("slug", (Agency.slug,))
_parent = aliased(Agency)


def agency_records() -> Select[Any]:
    orders = select(func.count()).where(OrderAgency.agency_id == Agency.id).scalar_subquery()
    obligations = (
        select(func.count(func.distinct(ObligationActor.obligation_id)))
        .where(ObligationActor.agency_id == Agency.id)
        .scalar_subquery()
    )
    return select(
        Agency.slug,
        Agency.name,
        Agency.short_name,
        _parent.slug.label("parent_slug"),
        Agency.id.label("federal_register_id"),
        Agency.url,
        orders.label("order_count"),
        obligations.label("obligation_count"),
    ).outerjoin(_parent, _parent.id == Agency.parent_id)


def _name_matches(q: str) -> list[ColumnElement[bool]]:
    """Every word of q appears in the name or the short name."""
    words = [word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for word in q.split()]
    return [or_(Agency.name.ilike(f"%{word}%"), Agency.short_name.ilike(f"%{word}%")) for word in words]


async def list_agencies(conn: AsyncConnection, query: AgencyListQuery) -> Page:
    where = _name_matches(query.q) if query.q else []
    return await paginate(
        conn, agency_records().where(*where), select(Agency.id).where(*where), BY_SLUG, query.limit, query.cursor
    )


async def get_agency(conn: AsyncConnection, slug: str) -> Any:
    row = (await conn.execute(agency_records().where(Agency.slug == slug))).mappings().first()
    if row is None:
        raise NotFound(f"agency {slug}")
    return row
