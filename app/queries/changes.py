"""SQL for the changes feed: orders added or changed after a moment, oldest change first."""

from sqlalchemy import DateTime, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from app.models import Order
from app.queries.compiled import bind
from app.queries.orders import order_rows
from app.queries.pagination import Page, Sort, paginate
from app.schemas.params import ChangesQuery

OWN_CHANGE = Sort("updated_at", (Order.updated_at, Order.eo_number))
ANY_CHANGE = Sort(
    "changed_at",
    (func.greatest(Order.updated_at, Order.status_changed_at, type_=DateTime(timezone=True)), Order.eo_number),
)


async def list_changes(conn: AsyncConnection, query: ChangesQuery) -> Page:
    sort = ANY_CHANGE if query.status_changes else OWN_CHANGE
    where = [sort.columns[0] > bind("since", query.since, DateTime(timezone=True))]
    return await paginate(conn, "changes", order_rows(), select(Order.id), where, sort, query.limit, query.cursor)
