"""`eokb sync` against a stand-in for the Federal Register API serving the fixture dump."""

import asyncio
import os
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from app.ingest.sources.federal_register import FederalRegisterClient, SourceError, html_to_text
from tests.cli.test_import import EOKB, statuses
from tests.conftest import DUMP, Databases
from tests.fr_standin import StandIn
from tests.serving import eokb_serve
from tests.sync.helpers import changed_since, holdings, read_meta, sync


@pytest.fixture
def migrated_db(databases: Databases) -> str:
    url = databases.create()
    yield url
    databases.drop(url)


def test_sync_holds_what_import_holds(fixture_db: str, migrated_db: str) -> None:
    with StandIn(DUMP) as stand_in:
        summary = sync(migrated_db, stand_in)
    assert (summary.ingest.loaded, len(summary.ingest.skipped)) == (4, 3)  # 15005 XML, 15006 date, 15007 text
    assert holdings(migrated_db) == holdings(fixture_db)


def test_faults_and_a_rate_limit_change_nothing_and_no_request_is_early(fixture_db: str, migrated_db: str) -> None:
    with StandIn(DUMP, fail_every=7, rate_limit=5) as stand_in:
        sync(migrated_db, stand_in, rate=5)
    statuses = [request.status for request in stand_in.requests]
    assert statuses.count(500) and statuses.count(503)
    assert 429 not in statuses
    starts = [request.at for request in stand_in.requests]
    assert min(b - a for a, b in zip(starts, starts[1:], strict=False)) >= 0.2 - 0.01
    assert holdings(migrated_db) == holdings(fixture_db)


def test_second_run_fetches_only_what_is_new_and_reports_it_as_changed(migrated_db: str) -> None:
    with StandIn(DUMP, hidden_after="2030-02-15") as stand_in:
        sync(migrated_db, stand_in)
        assert sorted(holdings(migrated_db)["orders"])[-1][0] == 15004
        stand_in.reveal()
        before_second_run = datetime.now(UTC)
        already = len(stand_in.requests)
        sync(migrated_db, stand_in)
        texts = [p for p in (r.path for r in stand_in.requests[already:]) if "/full_text/" in p or "/raw_text/" in p]
    # newly visible: 15003 (loaded), 15007 (its text file is missing); 15005 failed last time and is retried
    assert sorted(texts) == [
        "/api/v1/full_text/2030-00105.xml",
        "/api/v1/raw_text/2030-00107.txt",
        "/api/v1/raw_text/EO-15003.txt",
    ]

    assert changed_since(migrated_db, before_second_run) == [15003]
    meta = read_meta(migrated_db)
    assert meta["orders"] == 4 and meta["sync_in_progress"] is False
    assert meta["last_sync"]["status"] == "succeeded" and meta["last_sync"]["loaded"] == 1


def test_an_order_revealed_later_changes_the_status_of_the_order_it_revokes(migrated_db: str) -> None:
    with StandIn(DUMP, hidden_after="2030-01-01") as stand_in:
        sync(migrated_db, stand_in)
        assert statuses(migrated_db)[15002] == "in_force"
        stand_in.reveal()
        before_second_run = datetime.now(UTC)
        sync(migrated_db, stand_in)
    assert statuses(migrated_db)[15002] == "revoked"  # EO 15001's notes revoke it
    assert sorted(changed_since(migrated_db, before_second_run)) == [15001, 15003]
    assert sorted(changed_since(migrated_db, before_second_run, status_changes=True)) == [15001, 15002, 15003]


class ShortStandIn(StandIn):
    """While `short`, says every listing that has orders holds one more than it serves."""

    short = True

    def _search(self, query: dict[str, list[str]]) -> dict[str, object]:
        body = super()._search(query)
        if body["results"] and self.short:
            body["count"] = int(body["count"]) + 1
        return body


def test_a_listing_that_falls_short_is_an_error(migrated_db: str) -> None:
    with ShortStandIn(DUMP) as stand_in, pytest.raises(SourceError, match="counted"):
        sync(migrated_db, stand_in)


def test_a_run_after_a_failed_one_keeps_what_that_loaded(fixture_db: str, migrated_db: str) -> None:
    with ShortStandIn(DUMP) as stand_in:
        with pytest.raises(SourceError):
            sync(migrated_db, stand_in)  # loads the orders it was served, then fails on the count
        stand_in.short = False
        already = len(stand_in.requests)
        sync(migrated_db, stand_in)
    texts = sorted(r.path for r in stand_in.requests[already:] if "_text/" in r.path)
    assert texts == ["/api/v1/full_text/2030-00105.xml", "/api/v1/raw_text/2030-00107.txt"]  # the two that failed
    assert holdings(migrated_db) == holdings(fixture_db)


def test_the_client_names_itself_and_gives_up_after_its_retries() -> None:
    seen: list[str] = []

    def always_503(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(503)

    async def run() -> None:
        transport = httpx.MockTransport(always_503)
        async with FederalRegisterClient(
            "http://fr.test", rate=1000, retries=2, backoff=0.01, transport=transport
        ) as c:
            await c.agencies()

    with pytest.raises(SourceError, match="gave up after 3 attempts"):
        asyncio.run(run())
    assert len(seen) == 3 and seen[0].startswith("eokb/")


def test_serve_fills_an_empty_database_while_it_serves(databases: Databases, tmp_path: Path) -> None:
    url = databases.create(migrated=False)
    with StandIn(DUMP, rate_limit=None) as stand_in:
        settings = {
            "EOKB_DATABASE_URL": url,
            "EOKB_FR_API_URL": stand_in.base_url,
            "EOKB_SYNC_ON_START": "true",
            "EOKB_FR_REQUESTS_PER_SECOND": "20",
        }
        with eokb_serve(settings, tmp_path / "serve.log") as base_url:
            meta, ready = _wait_for_orders(base_url, 4, 60)
    databases.drop(url)
    assert meta["orders"] == 4 and meta["last_sync"]["status"] == "succeeded"
    assert ready == {200}


def _wait_for_orders(base_url: str, expected: int, seconds: float) -> tuple[dict[str, object], set[int]]:
    """Poll the served API until it holds `expected` orders; every /ready answer on the way is kept."""
    deadline, ready, meta = time.monotonic() + seconds, set(), {}
    while time.monotonic() < deadline:
        ready.add(httpx.get(f"{base_url}/ready").status_code)
        meta = httpx.get(f"{base_url}/v1/meta").json()
        if meta.get("orders") == expected and not meta.get("sync_in_progress"):
            return meta, ready
        time.sleep(0.2)
    raise AssertionError(f"the server did not fill itself: {meta}")


def test_retry_after_is_honoured() -> None:
    answers = iter([httpx.Response(429, headers={"Retry-After": "0.3"}), httpx.Response(200, json=[])])

    async def run() -> float:
        transport = httpx.MockTransport(lambda request: next(answers))
        client = FederalRegisterClient("http://fr.test", rate=1000, backoff=0.001, transport=transport)
        async with client:
            started = time.monotonic()
            assert await client.agencies() == []
            return time.monotonic() - started

    assert asyncio.run(run()) >= 0.3


def test_listings_are_followed_page_by_page(fixture_db: str, migrated_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.ingest.sources.federal_register.PER_PAGE", 2)
    with StandIn(DUMP) as stand_in:
        sync(migrated_db, stand_in)
    queries = [parse_qs(urlparse(request.path).query) for request in stand_in.requests]
    pages = {query["page"][0] for query in queries if "page" in query}
    assert {"1", "2", "3"} <= pages  # the open-ended last slice holds the 7 fixture orders, 2 a page
    assert holdings(migrated_db) == holdings(fixture_db)


def test_body_html_becomes_one_paragraph_per_line() -> None:
    markup = "<div><h1>Executive Order</h1><p>Section 1. Purpose.  Widgets\n matter.</p><p>(a) Count them.</p></div>"
    assert html_to_text(markup) == "Executive Order\nSection 1. Purpose. Widgets matter.\n(a) Count them.\n"


def test_the_sync_command_reports_and_a_second_run_fetches_nothing(migrated_db: str) -> None:
    with StandIn(DUMP) as stand_in:
        env = {**os.environ, "EOKB_DATABASE_URL": migrated_db, "EOKB_FR_API_URL": stand_in.base_url}
        env["EOKB_FR_REQUESTS_PER_SECOND"] = "50"
        first = subprocess.run([EOKB, "sync"], env=env, capture_output=True, text=True, timeout=300)
        texts_before = sum("_text/" in request.path for request in stand_in.requests)
        second = subprocess.run([EOKB, "sync"], env=env, capture_output=True, text=True, timeout=300)
        texts_after = sum("_text/" in request.path for request in stand_in.requests)
    assert first.returncode == 0, first.stderr
    assert "full sync: 7 listed, 4 loaded, 0 unchanged, 3 skipped" in first.stdout
    assert "skipped EO 15006" in first.stderr
    assert second.returncode == 0, second.stderr
    assert "incremental sync:" in second.stdout and " 0 loaded" in second.stdout
    assert texts_after - texts_before == 2  # only the orders that failed (15005, 15007) are fetched again
