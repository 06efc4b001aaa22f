"""Request ids, the access log, /metrics and the log format: how an operator follows a request and the service."""

import json
import logging
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import delete, insert
from sqlalchemy.ext.asyncio import AsyncEngine

from app.db import make_engine
from app.logs import HANDLER_NAME
from app.main import create_app
from app.models import SyncRun
from app.settings import Settings

ORDER = "/v1/orders/15001"
GENERATED_ID = re.compile(r"^[0-9a-f]{32}$")
ROOT = Path(__file__).resolve().parents[2]


async def test_each_request_gets_a_fresh_id(client: httpx.AsyncClient) -> None:
    first, second = (await client.get(ORDER)).headers["x-request-id"], (await client.get(ORDER)).headers["x-request-id"]
    assert GENERATED_ID.match(first) and GENERATED_ID.match(second)
    assert first != second


@pytest.mark.parametrize("given", ["edge-7f3a.01_b", "x" * 200])
async def test_a_well_formed_id_from_the_client_is_kept(client: httpx.AsyncClient, given: str) -> None:
    response = await client.get(ORDER, headers={"X-Request-ID": given})
    assert response.headers["x-request-id"] == given


@pytest.mark.parametrize("given", ["", "x" * 201, "two words", 'forged" level="error', "a/b"])
async def test_an_ill_formed_id_is_replaced(client: httpx.AsyncClient, given: str) -> None:
    response = await client.get(ORDER, headers={"X-Request-ID": given})
    assert GENERATED_ID.match(response.headers["x-request-id"])


@pytest.mark.parametrize("url", ["/v1/orders/99999", "/v1/orders?limit=0", "/v1/orders?presidnt=x", "/nowhere"])
async def test_problems_carry_the_id_in_the_header_only(client: httpx.AsyncClient, url: str) -> None:
    response = await client.get(url, headers={"X-Request-ID": "problem-1"})
    assert response.status_code >= 400
    assert response.headers["x-request-id"] == "problem-1"
    assert "problem-1" not in response.text


async def test_a_304_and_a_stream_carry_the_id(client: httpx.AsyncClient) -> None:
    etag = (await client.get(ORDER)).headers["etag"]
    not_modified = await client.get(ORDER, headers={"If-None-Match": etag, "X-Request-ID": "cached-1"})
    assert not_modified.status_code == 304
    assert not_modified.headers["x-request-id"] == "cached-1"
    async with client.stream("GET", "/v1/export/provisions.ndjson", headers={"X-Request-ID": "stream-1"}) as stream:
        assert stream.status_code == 200
        assert stream.headers["x-request-id"] == "stream-1"
        assert [line async for line in stream.aiter_lines() if line]


async def test_an_unhandled_error_carries_the_id_and_is_counted(engine: AsyncEngine) -> None:
    app = create_app(engine=engine)

    async def fail() -> None:
        raise RuntimeError("a bug")

    app.add_api_route("/failing", fail)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://eokb.test") as own:
        failed = await own.get("/failing", headers={"X-Request-ID": "failed-1"})
        samples = await scrape(own)
    assert failed.status_code == 500
    assert failed.headers["x-request-id"] == "failed-1"
    assert requests_counted(samples, "/failing", "500") == 1


async def test_a_scrape_survives_a_database_that_is_gone() -> None:
    engine = make_engine(Settings(database_url="postgresql://postgres@127.0.0.1:9/nowhere"))
    transport = httpx.ASGITransport(app=create_app(engine=engine))
    async with httpx.AsyncClient(transport=transport, base_url="http://eokb.test") as unreachable:
        samples = await scrape(unreachable)
    await engine.dispose()
    assert "eokb_orders" not in samples
    assert samples["eokb_db_pool_checked_out"] == [({}, 0.0)]


def samples_of(exposition: str) -> dict[str, list[tuple[dict[str, str], float]]]:
    """Each sample name with its (labels, value) pairs."""
    samples: dict[str, list[tuple[dict[str, str], float]]] = {}
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            samples.setdefault(sample.name, []).append((sample.labels, sample.value))
    return samples


async def scrape(client: httpx.AsyncClient) -> dict[str, list[tuple[dict[str, str], float]]]:
    response = await client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    return samples_of(response.text)


def requests_counted(samples: dict[str, list[tuple[dict[str, str], float]]], route: str, status: str) -> float:
    wanted = {"method": "GET", "route": route, "status": status}
    return sum(value for labels, value in samples.get("eokb_http_requests_total", []) if labels == wanted)


async def test_requests_are_counted_under_their_route_template(client: httpx.AsyncClient) -> None:
    route = "/v1/orders/{eo_number}"
    before = await scrape(client)
    for url in (ORDER, ORDER, "/v1/orders/99999", "/no/such/page"):
        await client.get(url)
    after = await scrape(client)
    assert requests_counted(after, route, "200") - requests_counted(before, route, "200") == 2
    assert requests_counted(after, route, "404") - requests_counted(before, route, "404") == 1
    assert requests_counted(after, "unmatched", "404") - requests_counted(before, "unmatched", "404") == 1
    assert not any("15001" in labels["route"] for labels, _ in after["eokb_http_requests_total"])
    timed = {"method": "GET", "route": route}
    assert any(labels == timed for labels, _ in after["eokb_http_request_duration_seconds_count"])


async def test_the_scrape_reads_the_pool_and_the_data(client: httpx.AsyncClient, engine: AsyncEngine) -> None:
    samples = await scrape(client)
    assert samples["eokb_orders"] == [({}, 4.0)]
    assert samples["eokb_db_pool_size"] == [({}, 20.0)]
    assert {"eokb_db_pool_checked_out", "eokb_db_pool_overflow"} <= samples.keys()
    assert "eokb_last_sync_finished_timestamp_seconds" not in samples  # the fixture data was imported, never synced
    finished = datetime(2030, 2, 1, 12, tzinfo=UTC)
    async with engine.begin() as conn:
        await conn.execute(insert(SyncRun), [{"full": True, "status": "succeeded", "finished_at": finished}])
        await conn.execute(insert(SyncRun), [{"full": False, "status": "running"}])
    try:
        synced = await scrape(client)
    finally:
        async with engine.begin() as conn:
            await conn.execute(delete(SyncRun))
    assert synced["eokb_last_sync_finished_timestamp_seconds"] == [({"status": "succeeded"}, finished.timestamp())]


async def test_metrics_stay_out_of_the_spec(client: httpx.AsyncClient) -> None:
    assert "/metrics" not in (await client.get("/openapi.json")).json()["paths"]


async def test_each_request_is_logged_once_as_json_with_its_id(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(Settings(log_format="json"), engine=engine)
    installed = next(handler for handler in logging.getLogger().handlers if handler.get_name() == HANDLER_NAME)
    caplog.handler.setFormatter(installed.formatter)  # what the installed handler writes to stderr
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://eokb.test") as own:
        await own.get(f"{ORDER}?include=provisions", headers={"X-Request-ID": "logged-1"})
    lines = [json.loads(line) for line in caplog.text.splitlines()]
    [access] = [line for line in lines if line.get("request_id") == "logged-1"]
    assert access == {
        "event": "request",
        "method": "GET",
        "path": ORDER,
        "query": "include=provisions",
        "route": "/v1/orders/{eo_number}",
        "status": 200,
        "duration_ms": access["duration_ms"],
        "client": "127.0.0.1",
        "request_id": "logged-1",
        "logger": "eokb.access",
        "level": "info",
        "timestamp": access["timestamp"],
    }
    assert isinstance(access["duration_ms"], float) and access["duration_ms"] >= 0
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$", access["timestamp"])


LOG_TWO_LINES = """
import logging, structlog
from app.logs import configure_logging
from app.settings import Settings
configure_logging(Settings())
structlog.get_logger("eokb.test").info("synced", orders=4)
logging.getLogger("uvicorn.error").info("Started server process [%d]", 42)
"""


def logged(log_format: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EOKB_LOG_FORMAT": log_format}
    return subprocess.run(
        [sys.executable, "-c", LOG_TWO_LINES], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_every_line_on_stderr_is_one_json_object() -> None:
    result = logged("json")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    ours, uvicorns = (json.loads(line) for line in result.stderr.splitlines())
    assert ours.pop("timestamp")
    assert ours == {"event": "synced", "orders": 4, "level": "info", "logger": "eokb.test"}
    assert uvicorns["event"] == "Started server process [42]" and uvicorns["level"] == "info"
    assert {"timestamp", "logger"} <= uvicorns.keys()


def test_the_console_format_is_for_people() -> None:
    result = logged("console")
    assert result.returncode == 0, result.stderr
    assert "synced" in result.stderr and "orders=4" in result.stderr
    assert not result.stderr.lstrip().startswith("{")
