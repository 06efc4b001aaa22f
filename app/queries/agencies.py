"""SQL for agencies, with how many orders and obligations each is tied to."""

from functools import cache
from typing import Any

from sqlalchemy import REAL, ColumnElement, Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.orm import aliased

from app.models import Agency, ObligationActor, OrderAgency
from app.queries import search
from app.queries.errors import NotFound
from app.queries.pagination import Page, Sort, paginate
from app.schemas.params import AgencyListQuery

BY_SLUG = Sort("slug", (Agency.slug,))
_parent = aliased(Agency)


@cache
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


def _name_matches(q: str) -> ColumnElement[bool]:
    """Every word of q appears, exactly or nearly, in the name or the short name."""
    return and_(
        *(
            or_(
                search.resembles(Agency.name, word, f"q_{index}"),
                search.resembles(Agency.short_name, word, f"q_{index}"),
            )
            for index, word in enumerate(q.split())
        )
    )


def _by_resemblance(q: str) -> Sort:
    score = func.greatest(
        search.resemblance(Agency.name, q, "q"), search.resemblance(Agency.short_name, q, "q"), type_=REAL
    )
    return Sort("relevance", (score, Agency.slug), descending=True)


async def list_agencies(conn: AsyncConnection, query: AgencyListQuery) -> Page:
    where = [_name_matches(query.q)] if query.q else []
    sort = _by_resemblance(query.q) if query.q else BY_SLUG
    return await paginate(conn, "agencies", agency_records(), select(Agency.id), where, sort, query.limit, query.cursor)


async def get_agency(conn: AsyncConnection, slug: str) -> Any:
    row = (await conn.execute(agency_records().where(Agency.slug == slug))).mappings().first()
    if row is None:
        raise NotFound(f"agency {slug}")
    return row
