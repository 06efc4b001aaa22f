"""The async engine and the connection dependency the API reads through."""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from app import local_postgres
from app.settings import Settings, asyncpg_url


def database_url(settings: Settings) -> str:
    """The configured server, or the embedded one started on demand."""
    return settings.database_url or asyncpg_url(local_postgres.start(settings.data_dir))


def make_engine(settings: Settings, url: str | None = None) -> AsyncEngine:
    return create_async_engine(
        url or database_url(settings),
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_pre_ping=True,
        connect_args={
            "server_settings": {
                "application_name": "eokb",
                "statement_timeout": str(settings.statement_timeout_ms),
                "pg_trgm.word_similarity_threshold": "0.5",  # one typo in a short word still resembles
                "jit": "off",  # compiling costs more than it saves on queries that return in milliseconds
            }
        },
    )


async def connection(request: Request) -> AsyncIterator[AsyncConnection]:
    """One read connection per request, returned to the pool afterwards."""
    engine: AsyncEngine = request.app.state.engine
    async with engine.connect() as conn:
        yield conn


Conn = Annotated[AsyncConnection, Depends(connection)]
