"""EOKB_DATABASE_REPLICA_URL: the API reads from the replica, writers and the writer check use the primary."""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from app.db import make_engine
from app.ingest.lock import writer_lock
from app.main import create_app
from app.settings import Settings
from tests.conftest import Databases


@pytest.fixture
def primary(databases: Databases) -> Iterator[str]:
    """A migrated, empty database standing in for the primary, beside the fixture database as the replica."""
    url = databases.create()
    yield url
    databases.drop(url)


async def serve(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://eokb.test") as client:
            yield client


async def test_reads_come_from_the_replica_and_the_writer_check_from_the_primary(primary: str, fixture_db: str) -> None:
    settings = Settings(database_url=primary, database_replica_url=fixture_db, sync_on_start=False)
    async for client in serve(settings):
        assert (await client.get("/v1/orders?limit=1")).json()["meta"]["total"] == 4  # the primary holds none
        ready = (await client.get("/ready")).json()
        assert ready == {"status": "ok", "database": "ok", "replica": "ok"}
        engine = make_engine(Settings(database_url=primary))
        async with writer_lock(engine):
            assert (await client.get("/v1/meta")).json()["sync_in_progress"] is True
        await engine.dispose()
        assert (await client.get("/v1/meta")).json()["sync_in_progress"] is False


async def test_an_unreachable_replica_makes_the_service_unready(primary: str) -> None:
    dead = "postgresql://postgres@127.0.0.1:9/eokb"
    settings = Settings(database_url=primary, database_replica_url=dead, sync_on_start=False)
    async for client in serve(settings):
        response = await client.get("/ready")
        assert response.status_code == 503
        assert response.json() == {"status": "unavailable", "database": "ok", "replica": "unreachable"}


async def test_without_a_replica_readiness_names_only_the_database(primary: str) -> None:
    async for client in serve(Settings(database_url=primary, sync_on_start=False)):
        assert (await client.get("/ready")).json() == {"status": "ok", "database": "ok", "replica": None}
