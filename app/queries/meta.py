"""SQL for the data's freshness: what the database holds and when it was last synced."""

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from app.models import Agency, Obligation, Order, Provision, SyncRun


async def holdings(conn: AsyncConnection) -> dict[str, Any]:
    counts = select(
        select(func.count()).select_from(Order).scalar_subquery().label("orders"),
        select(func.count()).select_from(Provision).scalar_subquery().label("provisions"),
        select(func.count()).select_from(Obligation).scalar_subquery().label("obligations"),
        select(func.count()).select_from(Agency).scalar_subquery().label("agencies"),
        select(func.max(Order.updated_at)).scalar_subquery().label("data_updated_at"),
    )
    row = (await conn.execute(counts)).mappings().one()
    last = (
        (await conn.execute(select(SyncRun).where(SyncRun.status != "running").order_by(SyncRun.id.desc()).limit(1)))
        .mappings()
        .first()
    )
    return {**row, "last_sync": dict(last) if last else None}
