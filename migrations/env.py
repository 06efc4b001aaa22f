"""Alembic environment: async, against the configured (or embedded) database, checked against app.models."""

import asyncio

from alembic import context
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from app.db import database_url
from app.models import Base
from app.settings import Settings, asyncpg_url

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    configured = config.get_main_option("sqlalchemy.url")
    return asyncpg_url(configured) if configured else database_url(Settings())


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, compare_server_default=True)
    with context.begin_transaction():
        # Two processes migrating one new database at once would both create the schema: the second waits here,
        # then finds it at head. The lock ends with the transaction, even if the process dies.
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('eokb migrations'))"))
        context.run_migrations()


async def _run_online() -> None:
    engine = create_async_engine(_url())
    async with engine.connect() as connection:
        await connection.run_sync(_run)
    await engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_online())
