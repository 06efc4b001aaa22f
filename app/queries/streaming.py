"""Reading a whole result in constant memory: a server-side cursor a batch at a time, or COPY for text."""

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import Select, text
from sqlalchemy.ext.asyncio import AsyncConnection

COPY_CHUNKS_AHEAD = 8


async def snapshot(conn: AsyncConnection, milliseconds: int) -> None:
    """A bulk read sees one snapshot of the data however long it streams (a transaction, which its server-side
    cursor needs too), and may run longer than a request's statement timeout, up to its own."""
    if conn.in_transaction():  # statements before ran each on its own: this only closes SQLAlchemy's record of them
        await conn.commit()
    await conn.execution_options(isolation_level="REPEATABLE READ")
    await conn.execute(text(f"SET LOCAL statement_timeout = {int(milliseconds)}"))


async def batches(conn: AsyncConnection, statement: Select[Any], size: int) -> AsyncIterator[list[dict[str, Any]]]:
    result = await conn.stream(statement.execution_options(yield_per=size))
    keys = list(result.keys())  # plain dicts: a RowMapping rebuilds its keys on every access
    async for rows in result.partitions():
        yield [dict(zip(keys, row, strict=True)) for row in rows]


async def copy_lines(conn: AsyncConnection, statement: Select[Any]) -> AsyncIterator[bytes]:
    """The one text column of `statement`, a line per row, as Postgres streams it with COPY.

    CSV format with control characters for quote and delimiter writes each value unquoted, which is exact for
    JSON text: Postgres escapes every control character inside JSON strings. The COPY waits while the client
    reads, so memory holds at most a few chunks.
    """
    compiled = statement.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    arguments = [compiled.params[name] for name in compiled.positiontup or ()]
    driver = (await conn.get_raw_connection()).driver_connection
    chunks: asyncio.Queue[bytes | None] = asyncio.Queue(maxsize=COPY_CHUNKS_AHEAD)

    async def keep(data: bytes | bytearray) -> None:
        await chunks.put(bytes(data))  # the driver may reuse its buffer

    async def copy() -> None:
        try:
            await driver.copy_from_query(
                str(compiled), *arguments, output=keep, format="csv", delimiter="\x02", quote="\x01"
            )
        finally:
            await chunks.put(None)

    task = asyncio.create_task(copy())
    try:
        while (chunk := await chunks.get()) is not None:
            yield chunk
        await task
    finally:
        if not task.done():
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def started(chunks: AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    """`chunks` with the first one already read: a database that fails the first read fails the request, as a
    503 before any byte is sent, rather than a response cut off after its headers."""
    first = await anext(chunks, None)

    async def rest() -> AsyncIterator[bytes]:
        if first is not None:
            yield first
        async for chunk in chunks:
            yield chunk

    return rest()
