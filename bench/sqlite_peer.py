"""The peer: the same orders and provisions in a SQLite file, served by Datasette, the usual way to publish such data.

`build` copies eokb's order and provision records, as its exports write them, from Postgres into tables `orders`
and `provisions` (nested objects become prefixed columns, lists JSON text), indexed for the benchmark's filters
and sorts, with an FTS5 index over provision headings and text (Porter stemming, as eokb's English tsvector) that
Datasette detects. `serve` runs what `datasette serve -i` would (immutable, so no locking), through uvicorn with
as many workers as eokb gets, suggested facets off (the JSON API needs none), and a canned query `search` for
ranked search: Datasette's table `_search` filters but does not rank.

    .venv/bin/pip install datasette
    .venv/bin/python bench/sqlite_peer.py build postgresql://... /tmp/eokb-bench/db.db
    .venv/bin/python bench/sqlite_peer.py serve /tmp/eokb-bench/db.db --port 8002
"""

import asyncio
import os
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Annotated, Any

import orjson
import typer
from export_throughput import serve_factory
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, create_async_engine

from app.models import Order, Provision
from app.queries import orders, provisions
from app.queries.json_records import as_text
from app.settings import asyncpg_url

BATCH = 2000
DATABASE_ENV = "EOKB_BENCH_SQLITE"

SEARCH_SQL = """select p.id, p.eo_number, p.section, p.kind, p.heading, p.text, p.depth, p.parent_id, p.ordinal,
  p.position, snippet(provisions_fts, -1, '<mark>', '</mark>', '...', 24) as highlight,
  (select count(*) from provisions_fts where provisions_fts match escape_fts(:q)) as total
from provisions_fts join provisions p on p.rowid = provisions_fts.rowid
where provisions_fts match escape_fts(:q)
order by provisions_fts.rank
limit 20"""

INDEXES = (
    "CREATE INDEX orders_president_signing_date ON orders (president_slug, signing_date)",
    "CREATE INDEX provisions_eo_number_position ON provisions (eo_number, position)",
)

cli = typer.Typer(help=__doc__.split("\n\n")[0], no_args_is_help=True, pretty_exceptions_enable=False)
err = Console(stderr=True)


def flat(record: dict[str, Any]) -> dict[str, Any]:
    """One row per record: {"president": {"slug": ...}} becomes president_slug, a list becomes JSON text."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, dict):
            row.update({f"{key}_{inner}": nested for inner, nested in value.items()})
        elif isinstance(value, list):
            row[key] = orjson.dumps(value).decode()
        else:
            row[key] = value
    return row


def _affinity(rows: list[dict[str, Any]], column: str) -> str:
    """The column's SQLite type, so a filter given as text in a URL (eo_number=14409) compares as a number."""
    value = next((row[column] for row in rows if row[column] is not None), None)
    return "INTEGER" if isinstance(value, int) else "REAL" if isinstance(value, float) else "TEXT"


async def _copy(
    conn: AsyncConnection,
    records: Select[Any],
    sqlite: sqlite3.Connection,
    table: str,
    key: str,
    advance: Callable[[int], None],
) -> None:
    """Stream `records` (one JSON text column) into a new table, a batch at a time, in constant memory."""
    result = await conn.stream(records.execution_options(yield_per=BATCH))
    insert = None
    async for batch in result.partitions():
        rows = [flat(orjson.loads(record)) for (record,) in batch]
        if insert is None:
            columns = list(rows[0])
            declared = [f"{column} {_affinity(rows, column)}" for column in columns]
            declared[columns.index(key)] += " PRIMARY KEY"  # an INTEGER key is the rowid itself
            sqlite.execute(f"CREATE TABLE {table} ({', '.join(declared)})")
            insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(f':{c}' for c in columns)})"
        sqlite.executemany(insert, rows)
        advance(len(rows))


async def _build(url: str, path: Path) -> None:
    engine = create_async_engine(asyncpg_url(url))
    sqlite = sqlite3.connect(path)
    try:
        async with engine.connect() as conn:
            order_rows = orders.order_records().with_only_columns(as_text(orders.order_json()))
            provision_rows = provisions.provision_records().with_only_columns(as_text(provisions.provision_json()))
            total = await conn.scalar(select(func.count()).select_from(Order)) + await conn.scalar(
                select(func.count()).select_from(Provision)
            )
            with Progress(
                TextColumn("building the SQLite peer"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
                disable=not err.is_terminal,
            ) as progress:
                task = progress.add_task("build", total=total)
                advance = partial(progress.advance, task)
                await _copy(conn, order_rows.order_by(Order.eo_number), sqlite, "orders", "eo_number", advance)
                await _copy(
                    conn,
                    provision_rows.order_by(Order.eo_number, Provision.position),
                    sqlite,
                    "provisions",
                    "id",
                    advance,
                )
        for index in INDEXES:
            sqlite.execute(index)
        # Datasette finds an FTS table by its `content="provisions"`, written just so.
        sqlite.execute(
            'CREATE VIRTUAL TABLE provisions_fts USING fts5(heading, text, content="provisions", tokenize="porter")'
        )
        sqlite.execute("INSERT INTO provisions_fts (rowid, heading, text) SELECT rowid, heading, text FROM provisions")
        sqlite.execute("INSERT INTO provisions_fts (provisions_fts) VALUES ('optimize')")
        sqlite.execute("ANALYZE")
        sqlite.commit()
    finally:
        sqlite.close()
        await engine.dispose()


@cli.command()
def build(
    database_url: Annotated[str, typer.Argument(help="The eokb Postgres database to copy.")],
    path: Annotated[Path, typer.Argument(help="The SQLite file to write (replaced if it exists).")],
) -> None:
    """Copy eokb's orders and provisions into a new SQLite file with an FTS5 index on provisions."""
    path.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    asyncio.run(_build(database_url, path))


def datasette_app() -> Any:
    """The ASGI app `datasette serve -i` builds, for uvicorn to start in each worker."""
    from datasette.app import Datasette

    path = os.environ[DATABASE_ENV]
    metadata = {"databases": {Path(path).stem: {"queries": {"search": {"sql": SEARCH_SQL}}}}}
    return Datasette(immutables=[path], metadata=metadata, settings={"suggest_facets": False}).app()


@cli.command()
def serve(
    path: Annotated[Path, typer.Argument(help="A SQLite file `build` wrote; its stem names the database in URLs.")],
    port: Annotated[int, typer.Option(help="Port to listen on (127.0.0.1).")] = 8002,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes: give it as many as eokb has.")] = 1,
) -> None:
    """Serve the file with Datasette."""
    os.environ[DATABASE_ENV] = str(path.resolve())  # the workers read it
    serve_factory("sqlite_peer:datasette_app", port, workers)


if __name__ == "__main__":
    cli()
