"""`eokb sync` of the whole corpus from the stand-in: the same holdings as `eokb import`, faults and all."""

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from tests.cli.test_import import statuses
from tests.conftest import CORPUS, Databases
from tests.fr_standin import StandIn
from tests.sync.helpers import changed_since, holdings, sync

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "documents.jsonl").is_file(), reason=f"corpus not available at {CORPUS}"),
]


@pytest.fixture
def sync_db(databases: Databases) -> Iterator[str]:
    url = databases.create()
    yield url
    databases.drop(url)


def test_a_sync_through_faults_holds_what_import_holds(corpus_db: str, sync_db: str) -> None:
    """Every seventh request fails; the retries must leave the same holdings as an import of the same folder.

    The rate limit is held on the fixture dump (tests/sync): at 5 requests a second this corpus would take six
    minutes, and a stand-in sharing this process with the sync's parsing cannot time arrivals finely enough to judge
    a limit to the millisecond.
    """
    started = time.perf_counter()
    with StandIn(CORPUS, fail_every=7) as stand_in:
        summary = sync(sync_db, stand_in)
    statuses = [request.status for request in stand_in.requests]
    print(f"\n{summary.line()} in {time.perf_counter() - started:.0f} s")
    assert statuses.count(500) + statuses.count(503) == len(statuses) // 7
    assert holdings(sync_db) == holdings(corpus_db)


def test_revealed_orders_are_the_only_full_texts_fetched_and_what_changed(sync_db: str) -> None:
    documents = [json.loads(line) for line in (CORPUS / "documents.jsonl").read_text().splitlines()]
    revealed = {d["executive_order_number"]: d for d in documents if d["signing_date"] > "2024-12-31"}
    with_text = {eo for eo, d in revealed.items() if d["corpus"]["xml"] or d["corpus"]["text"]}
    with StandIn(CORPUS, hidden_after="2024-12-31") as stand_in:
        sync(sync_db, stand_in)
        before = statuses(sync_db)
        stand_in.reveal()
        since = datetime.now(UTC)
        already = len(stand_in.requests)
        summary = sync(sync_db, stand_in)
        fetched = [r.path for r in stand_in.requests[already:] if "/full_text/" in r.path or "/raw_text/" in r.path]
    print(f"\nsecond run: {summary.line()}; {len(fetched)} full texts fetched")
    keys = {d.get("document_number") or f"EO-{d['executive_order_number']}": d for d in documents}
    fetched_orders = sorted(
        keys[path.rsplit("/", 1)[1].rsplit(".", 1)[0]]["executive_order_number"] for path in fetched
    )
    assert fetched_orders == sorted(with_text)

    after = statuses(sync_db)
    status_changed = {eo for eo, status in before.items() if after[eo] != status}
    print(f"{len(revealed)} orders revealed; {len(status_changed)} older orders changed status through them")
    assert sorted(changed_since(sync_db, since)) == sorted(revealed)
    assert sorted(changed_since(sync_db, since, status_changes=True)) == sorted(set(revealed) | status_changed)
