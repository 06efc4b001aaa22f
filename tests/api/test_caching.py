"""HTTP caching under /v1: ETags that change with the data and the encoding, 304s, and nothing on errors."""

import re
import shutil
from collections.abc import AsyncIterator, Iterator
from email.utils import parsedate_to_datetime
from pathlib import Path

import httpx
import orjson
import pytest
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import make_engine
from app.ingest.pipeline import IngestSummary, ingest
from app.ingest.sources import dump
from app.main import create_app
from app.models import DataState
from app.settings import Settings
from tests.conftest import DUMP, Databases

ORDER = "/v1/orders/15001"
WITH_TEXT = "/v1/orders/15003?include=provisions"
STRONG_ETAG = re.compile(r'^"[0-9a-f]{32}"$')


async def etag_of(client: httpx.AsyncClient, url: str, **headers: str) -> str:
    response = await client.get(url, headers=headers)
    assert response.status_code == 200, response.text
    return response.headers["etag"]


async def test_a_200_carries_a_strong_etag_and_cache_lifetime(client: httpx.AsyncClient) -> None:
    response = await client.get(ORDER)
    assert STRONG_ETAG.match(response.headers["etag"])
    assert response.headers["cache-control"] == "public, max-age=60"
    assert parsedate_to_datetime(response.headers["last-modified"]).tzinfo is not None


async def test_the_current_etag_answers_304_with_no_body(client: httpx.AsyncClient) -> None:
    etag = await etag_of(client, ORDER)
    response = await client.get(ORDER, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == etag
    assert response.headers["cache-control"] == "public, max-age=60"
    assert "content-length" not in response.headers


async def test_another_query_string_is_another_etag(client: httpx.AsyncClient) -> None:
    assert await etag_of(client, ORDER) != await etag_of(client, f"{ORDER}?include=provisions")


@pytest.mark.parametrize(
    "condition", ["W/{etag}", '"older", {etag}', 'W/"older",W/{etag}', "*"], ids=["weak", "list", "weak-list", "any"]
)
async def test_weak_and_list_forms_match(client: httpx.AsyncClient, condition: str) -> None:
    etag = await etag_of(client, ORDER)
    response = await client.get(ORDER, headers={"If-None-Match": condition.format(etag=etag)})
    assert response.status_code == 304
    assert response.headers["etag"] == etag


async def test_another_etag_gets_the_full_response(client: httpx.AsyncClient) -> None:
    response = await client.get(ORDER, headers={"If-None-Match": '"0123456789abcdef0123456789abcdef"'})
    assert response.status_code == 200
    assert response.json()["eo_number"] == 15001


async def test_any_etag_is_no_304_where_nothing_exists(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/orders/99999", headers={"If-None-Match": "*"})
    assert response.status_code == 404


async def test_gzip_and_identity_are_told_apart(client: httpx.AsyncClient) -> None:
    url = "/v1/provisions?limit=1000"
    gzipped = await client.get(url, headers={"Accept-Encoding": "gzip"})
    plain = await client.get(url, headers={"Accept-Encoding": "identity"})
    assert gzipped.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert gzipped.json() == plain.json()
    assert gzipped.headers["etag"] != plain.headers["etag"]
    identity_etag_under_gzip = await client.get(
        url, headers={"Accept-Encoding": "gzip", "If-None-Match": plain.headers["etag"]}
    )
    assert identity_etag_under_gzip.status_code == 200
    not_modified = await client.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": gzipped.headers["etag"]})
    assert not_modified.status_code == 304
    assert not_modified.headers["vary"] == "Accept-Encoding"


@pytest.mark.parametrize("url", ["/v1/changes?since=2020-01-01", "/v1/meta"])
async def test_what_mirrors_poll_is_revalidated_every_time(client: httpx.AsyncClient, url: str) -> None:
    response = await client.get(url)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=0, must-revalidate"


async def test_meta_has_no_etag_as_it_also_reports_syncs(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/meta")
    assert "etag" not in response.headers
    assert "last-modified" not in response.headers


@pytest.mark.parametrize("url", ["/v1/orders/99999", "/v1/orders?limit=0", "/v1/orders?presidnt=x", "/health"])
async def test_errors_and_what_is_outside_v1_carry_no_validators(client: httpx.AsyncClient, url: str) -> None:
    response = await client.get(url)
    assert "etag" not in response.headers
    assert "cache-control" not in response.headers


async def test_an_unreachable_database_is_left_to_the_handler() -> None:
    engine = make_engine(Settings(database_url="postgresql://postgres@127.0.0.1:9/nowhere"))
    app = create_app(engine=engine)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app, raise_app_exceptions=False)) as client:
        response = await client.get(f"http://eokb.test{ORDER}", headers={"If-None-Match": "*"})
    await engine.dispose()
    assert response.status_code >= 500
    assert "etag" not in response.headers


@pytest.fixture
def own_db(databases: Databases) -> Iterator[str]:
    """A database of this test's own, for tests that change the data."""
    url = databases.create()
    yield url
    databases.drop(url)


@pytest.fixture
async def own_engine(own_db: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(Settings(database_url=own_db))
    await load(engine, DUMP)
    yield engine
    await engine.dispose()


@pytest.fixture
async def own_client(own_engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app that reads the data version afresh for every request."""
    async with client_of(create_app(Settings(data_version_reuse_seconds=0), engine=own_engine)) as client:
        yield client


def client_of(app: FastAPI) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://eokb.test")


async def load(engine: AsyncEngine, folder: Path) -> IngestSummary:
    return await ingest(engine, dump.read_documents(folder), agencies=dump.read_agencies(folder)[0])


async def data_version(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return (await conn.scalar(select(DataState.version))) or 0


def changed_dump(tmp_path: Path) -> Path:
    """The fixture dump with one sentence of EO 15003 reworded."""
    folder = tmp_path / "dump"
    shutil.copytree(DUMP, folder)
    text_file = folder / "text" / "EO-15003.txt"
    text_file.write_text(text_file.read_text().replace("shall be made public", "shall be published"))
    return folder


async def test_a_changed_order_moves_every_etag(
    own_client: httpx.AsyncClient, own_engine: AsyncEngine, tmp_path: Path
) -> None:
    before = {url: await etag_of(own_client, url) for url in ("/v1/orders/15003", ORDER)}
    summary = await load(own_engine, changed_dump(tmp_path))
    assert summary.loaded == 1
    for url, etag in before.items():
        response = await own_client.get(url, headers={"If-None-Match": etag})
        assert response.status_code == 200
        assert STRONG_ETAG.match(response.headers["etag"])
        assert response.headers["etag"] != etag


async def test_a_version_read_moments_ago_is_reused_and_labels_newer_data_older(
    own_engine: AsyncEngine, tmp_path: Path
) -> None:
    async with client_of(create_app(Settings(data_version_reuse_seconds=60), engine=own_engine)) as client:
        before = await client.get(WITH_TEXT)
        assert (await load(own_engine, changed_dump(tmp_path))).loaded == 1
        after = await client.get(WITH_TEXT)
    assert after.headers["etag"] == before.headers["etag"]
    assert "shall be published" in after.text and "shall be published" not in before.text
    # Revalidating with that ETag gets the new data once the version is read again: never stale data kept.
    async with client_of(create_app(Settings(data_version_reuse_seconds=0), engine=own_engine)) as client:
        fresh = await client.get(WITH_TEXT, headers={"If-None-Match": after.headers["etag"]})
    assert fresh.status_code == 200


async def test_an_import_that_changes_nothing_keeps_the_version(
    own_client: httpx.AsyncClient, own_engine: AsyncEngine
) -> None:
    version = await data_version(own_engine)
    etag = await etag_of(own_client, ORDER)
    summary = await load(own_engine, DUMP)
    assert (summary.loaded, summary.unchanged) == (0, 4)
    assert await data_version(own_engine) == version
    assert (await own_client.get(ORDER, headers={"If-None-Match": etag})).status_code == 304


async def test_a_changed_agency_list_moves_the_version(own_engine: AsyncEngine, tmp_path: Path) -> None:
    folder = tmp_path / "dump"
    shutil.copytree(DUMP, folder)
    agencies = orjson.loads((folder / "agencies.json").read_bytes())
    agencies[0]["url"] = "https://www.commerce.gov"
    (folder / "agencies.json").write_bytes(orjson.dumps(agencies))
    version = await data_version(own_engine)
    assert (await load(own_engine, folder)).loaded == 0
    assert await data_version(own_engine) == version + 1
