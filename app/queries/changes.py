"""SQL for the changes feed: orders added or changed after a moment, oldest change first."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection

from app.models import Order
from app.queries.orders import order_records
from app.queries.pagination import Page, Sort, paginate
from app.schemas.params import ChangesQuery

BY_CHANGE = Sort("updated_at", (Order.updated_at, Order.eo_number))


async def list_changes(conn: AsyncConnection, query: ChangesQuery) -> Page:
    where = [Order.updated_at > query.since]
    return await paginate(
        conn, order_records().where(*where), select(Order.id).where(*where), BY_CHANGE, query.limit, query.cursor
    )
