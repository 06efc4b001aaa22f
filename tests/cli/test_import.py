"""`eokb import` as a user runs it: bad documents named and skipped, re-import idempotent, no half orders."""

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select, text

from app.db import make_engine
from app.ingest.pipeline import IngestSummary, ingest
from app.ingest.sources import dump
from app.models import Order, OrderRelation, Provision
from app.settings import Settings
from tests.conftest import DUMP, Databases, query
from tests.sync.helpers import holdings

EOKB = str(Path(sys.executable).parent / "eokb")


def run_import(url: str, folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EOKB_DATABASE_URL": url}
    return subprocess.run([EOKB, "import", str(folder)], env=env, capture_output=True, text=True, timeout=300)


def snapshot(url: str) -> dict[str, Any]:
    """Every id and timestamp the import wrote, to compare one import with the next."""

    orders, provisions, relations = query(
        url,
        select(Order.eo_number, Order.id, Order.updated_at),
        select(Provision.id, Provision.order_id, Provision.text),
        select(OrderRelation.id, OrderRelation.kind),
    )
    return {"orders": sorted(orders), "provisions": sorted(provisions), "relations": sorted(relations)}


def test_import_names_bad_documents_and_loads_the_rest(empty_db: str) -> None:
    result = run_import(empty_db, DUMP)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "4 loaded, 0 unchanged, 4 skipped" in result.stdout
    assert sorted(statuses(empty_db)) == [15001, 15002, 15003, 15004]
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 4
    assert any("documents.jsonl line 5" in line and "not JSON" in line for line in skipped)
    assert any("EO 15006" in line and "signing_date" in line for line in skipped)
    assert any("EO 15007" in line and "2030-00107.txt" in line for line in skipped)
    assert any("EO 15005" in line and "XML" in line for line in skipped)


def test_second_import_changes_nothing_and_keeps_every_id(empty_db: str) -> None:
    assert run_import(empty_db, DUMP).returncode == 0
    before = snapshot(empty_db)
    again = run_import(empty_db, DUMP)
    assert again.returncode == 0
    assert "0 loaded, 4 unchanged, 4 skipped" in again.stdout
    assert snapshot(empty_db) == before


def test_an_import_leaves_the_planner_statistics_of_what_it_loaded(empty_db: str) -> None:
    run_import(empty_db, DUMP)
    [[(estimated,)], [(held,)]] = query(
        empty_db,
        text("SELECT reltuples::int FROM pg_class WHERE relname = 'provisions'"),
        text("SELECT count(*) FROM provisions"),
    )
    assert estimated == held > 0


def test_changed_order_is_reloaded_with_the_same_ids(empty_db: str, tmp_path: Path) -> None:
    assert run_import(empty_db, DUMP).returncode == 0
    before = snapshot(empty_db)
    folder = tmp_path / "dump"
    shutil.copytree(DUMP, folder)
    text_file = folder / "text" / "EO-15003.txt"
    text_file.write_text(text_file.read_text().replace("shall be made public", "shall be published"))
    result = run_import(empty_db, folder)
    assert "1 loaded, 3 unchanged" in result.stdout
    after = snapshot(empty_db)
    assert [row[:2] for row in after["orders"]] == [row[:2] for row in before["orders"]]
    assert [row[:2] for row in after["provisions"]] == [row[:2] for row in before["provisions"]]
    changed = {row[0]: row[2] for row in after["orders"]}[15003]
    assert changed > {row[0]: row[2] for row in before["orders"]}[15003]


def test_an_order_the_database_refuses_leaves_nothing_behind(empty_db: str, tmp_path: Path) -> None:
    folder = tmp_path / "dump"
    shutil.copytree(DUMP, folder)
    lines = (folder / "documents.jsonl").read_bytes().splitlines()
    clash = orjson.loads(lines[2])  # EO 15003, with text
    clash["document_number"] = "2030-00101"  # already EO 15001's: a unique violation mid-order
    (folder / "documents.jsonl").write_bytes(b"\n".join([lines[0], orjson.dumps(clash)]) + b"\n")
    result = run_import(empty_db, folder)
    assert "1 loaded, 0 unchanged, 1 skipped" in result.stdout
    assert "EO 15003" in result.stderr and "uq_orders_document_number" in result.stderr

    [[(leftovers,)]] = query(empty_db, text("SELECT count(*) FROM provisions WHERE id LIKE 'eo-15003-%'"))
    assert leftovers == 0


def test_a_folder_without_documents_is_an_error(empty_db: str, tmp_path: Path) -> None:
    result = run_import(empty_db, tmp_path)
    assert result.returncode == 2
    assert "documents.jsonl" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql://postgres@127.0.0.1:9/nowhere", "cannot use the database"),
        ("mysql://root@127.0.0.1/eokb", "bad configuration"),
    ],
)
def test_an_unusable_database_is_one_clear_line(url: str, message: str) -> None:
    result = run_import(url, DUMP)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def dump_copy(tmp_path: Path, lines: list[int] | None = None) -> Path:
    """A copy of the fixture dump, optionally keeping only some documents.jsonl lines (0-based)."""
    folder = tmp_path / "dump"
    shutil.copytree(DUMP, folder)
    if lines is not None:
        kept = [(DUMP / "documents.jsonl").read_bytes().splitlines()[index] for index in lines]
        (folder / "documents.jsonl").write_bytes(b"\n".join(kept) + b"\n")
    return folder


def statuses(url: str) -> dict[int, str]:
    [rows] = query(url, select(Order.eo_number, Order.status))
    return dict(rows)


def test_a_repeated_eo_number_is_skipped_and_reimport_stays_unchanged(empty_db: str, tmp_path: Path) -> None:
    folder = dump_copy(tmp_path, [0, 1, 1])
    first = run_import(empty_db, folder)
    assert "2 loaded, 0 unchanged, 1 skipped" in first.stdout
    assert "EO 15002" in first.stderr and "came earlier" in first.stderr
    assert "0 loaded, 2 unchanged, 1 skipped" in run_import(empty_db, folder).stdout


def test_status_follows_revocations_stated_by_other_orders(empty_db: str, tmp_path: Path) -> None:
    target_only = dump_copy(tmp_path / "a", [1])  # EO 15002 alone: nothing revokes it yet
    assert run_import(empty_db, target_only).returncode == 0
    assert statuses(empty_db)[15002] == "in_force"
    both = dump_copy(tmp_path / "b", [0, 1])  # EO 15001's notes: "Revokes: EO 15002"
    assert run_import(empty_db, both).returncode == 0
    assert statuses(empty_db)[15002] == "revoked"
    withdrawn = dump_copy(tmp_path / "c", [0, 1])
    lines = (withdrawn / "documents.jsonl").read_bytes().splitlines()
    revoker = orjson.loads(lines[0])
    revoker["disposition_notes"] = revoker["executive_order_notes"] = None  # neither the notes ...
    (withdrawn / "documents.jsonl").write_bytes(orjson.dumps(revoker) + b"\n" + lines[1] + b"\n")
    xml = withdrawn / "xml" / "2030-00101.xml"  # ... nor the text say it any more
    xml.write_text(xml.read_text().replace("is hereby revoked", "is hereby praised"))
    assert "1 loaded, 1 unchanged" in run_import(empty_db, withdrawn).stdout
    assert statuses(empty_db)[15002] == "in_force"


def test_a_cycle_in_the_agency_tree_is_broken_on_import(empty_db: str, tmp_path: Path) -> None:
    folder = dump_copy(tmp_path)
    agencies = orjson.loads((folder / "agencies.json").read_bytes())
    for agency in agencies:
        if agency["slug"] == "commerce-department":
            agency["parent_id"] = 352  # NIST, whose parent is Commerce
    (folder / "agencies.json").write_bytes(orjson.dumps(agencies))
    assert run_import(empty_db, folder).returncode == 0

    [rows] = query(empty_db, text("SELECT slug, parent_id FROM agencies"))
    found = dict(rows)
    assert found["commerce-department"] is None and found["national-institute-of-standards-and-technology"] is None


def metadata_only_dump(folder: Path, notes: dict[int, str]) -> Path:
    """A dump of orders with no text, each with the given FR notes."""
    folder.mkdir(parents=True)
    lines = [
        orjson.dumps(
            {
                "executive_order_number": number,
                "title": f"Order {number}",
                "president": {"identifier": "donald-trump", "name": "Donald Trump"},
                "signing_date": f"2030-01-{index + 1:02d}",
                "disposition_notes": note or None,
            }
        )
        for index, (number, note) in enumerate(notes.items())
    ]
    (folder / "documents.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    return folder


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ({15030: "", 15031: "Revokes: EO 15030"}, "revoked"),
        ({15030: "", 15031: "Revokes: EO 15030", 15032: "Reinstates: EO 15030"}, "in_force"),
        ({15030: "Revoked by: EO 15031\nReinstated by: EO 15032", 15031: "", 15032: ""}, "in_force"),
        ({15030: "", 15031: "Reinstates: EO 15030", 15032: "Revokes: EO 15030"}, "revoked"),
        ({15030: "Revoked in part by: EO 15031", 15031: ""}, "amended"),
        ({15030: "", 15031: "Supersedes: EO 15030"}, "revoked"),
        ({15030: "Terminated by: EO 15031", 15031: ""}, "revoked"),
    ],
)
def test_status_weighs_the_latest_order(empty_db: str, tmp_path: Path, notes: dict[int, str], expected: str) -> None:
    assert run_import(empty_db, metadata_only_dump(tmp_path / "dump", notes)).returncode == 0
    assert statuses(empty_db)[15030] == expected


def test_orders_parsed_in_worker_processes_load_as_those_parsed_here(databases: Databases) -> None:
    """A large folder is parsed in worker processes (below PARALLEL_FROM_DOCUMENTS, here): the same holdings,
    the same bad documents named for the same reasons, in the folder's order."""

    async def load(url: str, workers: int) -> IngestSummary:
        engine = make_engine(Settings(database_url=url))
        try:
            return await ingest(engine, dump.read_documents(DUMP), dump.read_agencies(DUMP)[0], workers=workers)
        finally:
            await engine.dispose()

    here, in_workers = databases.create(), databases.create()
    try:
        expected, summary = asyncio.run(load(here, 0)), asyncio.run(load(in_workers, 2))
        assert (summary.loaded, len(summary.skipped)) == (4, 4)
        assert summary.skipped == expected.skipped
        assert holdings(in_workers) == holdings(here)
    finally:
        databases.drop(here)
        databases.drop(in_workers)
