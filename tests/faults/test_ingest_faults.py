"""Ingest under faults: killed mid-run, read while it writes, started twice at once, refused while another writes.

Each order is written in one transaction and every writer holds one advisory lock (app.ingest.lock), so a reader
only ever sees whole orders, and any sequence of killed and repeated imports ends where one clean import does.
"""

import asyncio
import os
import shutil
import signal
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import Executable, text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.ext.asyncio import AsyncEngine

from app.cli import EXIT_BUSY, migrate_to_head
from app.db import make_engine
from app.ingest.first_run import fill_if_empty
from app.ingest.lock import writer_active, writer_lock
from app.settings import Settings
from tests.cli.test_import import EOKB, run_import
from tests.conftest import CORPUS, DUMP, SUMMARY, Databases, clean_corpus_import, corpus_order_count

needs_corpus = pytest.mark.skipif(
    not (CORPUS / "documents.jsonl").is_file(), reason=f"corpus not available at {CORPUS}"
)
BUSY = "another import or sync is writing to this database; run again when it has finished"
KILL_AT = (1, 300, 800)  # visible orders: during the first orders, then twice mid-way
LARGE_FOLDER_ORDERS = 600
STOP_AFTER_ORDERS = 5

# Everything stored for each order, in one statement: one READ COMMITTED snapshot, as the API reads.
PER_ORDER = text(
    """
    SELECT o.eo_number, o.content_hash,
           (SELECT count(*) FROM provisions p WHERE p.order_id = o.id) AS provisions,
           (SELECT count(*) FROM obligations b WHERE b.order_id = o.id) AS obligations,
           (SELECT count(*) FROM obligation_actors a JOIN obligations b ON b.id = a.obligation_id
            WHERE b.order_id = o.id) AS actors,
           (SELECT count(*) FROM order_relations r WHERE r.order_id = o.id) AS relations,
           (SELECT count(*) FROM order_agencies l WHERE l.order_id = o.id) AS agency_links
    FROM orders o
    """
)
TOTALS = text(
    """
    SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM provisions) AS provisions,
           (SELECT count(*) FROM obligations) AS obligations, (SELECT count(*) FROM obligation_actors) AS actors,
           (SELECT count(*) FROM order_relations) AS relations, (SELECT count(*) FROM order_agencies) AS agency_links,
           (SELECT count(*) FROM agencies) AS agencies
    """
)
STATUSES = text("SELECT eo_number, status FROM orders")
# The other sessions on the database: the import's own, once this reader is the only client left.
OTHER_CLIENTS = """
    SELECT count(*) FROM pg_stat_activity
    WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()
"""
IMPORT_CONNECTED = text(OTHER_CLIENTS)
IMPORT_IN_TRANSACTION = text(OTHER_CLIENTS + " AND xact_start IS NOT NULL")
UNDEFINED_TABLE = "42P01"


@pytest.fixture(scope="session")
def clean_db(databases: Databases) -> Iterator[str]:
    """The clean corpus import (shared with tests/corpus) every run here must end equal to."""
    url = clean_corpus_import(databases)
    yield url
    databases.drop(url)


@dataclass
class Clean:
    orders: dict[int, tuple[Any, ...]]
    totals: dict[str, int]
    statuses: dict[int, str]


@pytest.fixture(scope="session")
async def clean(clean_db: str) -> Clean:
    engine = make_engine(Settings(database_url=clean_db))
    try:
        return Clean(await per_order(engine), await totals(engine), dict(await rows(engine, STATUSES)))
    finally:
        await engine.dispose()


@pytest.fixture
def fresh_db(databases: Databases) -> Iterator[str]:
    """A database without even a schema, as a first import finds it."""
    url = databases.create(migrated=False)
    yield url
    databases.drop(url)


@pytest.fixture
async def reader(fresh_db: str) -> AsyncIterator[AsyncEngine]:
    """An engine reading the fresh database as the API does."""
    engine = make_engine(Settings(database_url=fresh_db))
    yield engine
    await engine.dispose()


async def rows(engine: AsyncEngine, statement: Executable) -> list[Any]:
    async with engine.connect() as conn:
        return list((await conn.execute(statement)).all())


async def per_order(engine: AsyncEngine) -> dict[int, tuple[Any, ...]]:
    """Each visible order's content hash and row counts; none before the import has created the schema."""
    try:
        return {row[0]: tuple(row[1:]) for row in await rows(engine, PER_ORDER)}
    except ProgrammingError as error:
        if getattr(error.orig, "sqlstate", None) != UNDEFINED_TABLE:
            raise
        return {}


async def totals(engine: AsyncEngine) -> dict[str, int]:
    [row] = await rows(engine, TOTALS)
    return dict(row._mapping)


async def scalar(engine: AsyncEngine, statement: Executable) -> Any:
    [(value,)] = await rows(engine, statement)
    return value


@dataclass
class Watch:
    """What readers saw while imports ran; every order read is checked against the clean import."""

    expected: dict[int, tuple[Any, ...]]
    reads: int = 0
    order_counts: set[int] = field(default_factory=set)
    partial: list[str] = field(default_factory=list)

    async def read(self, engine: AsyncEngine) -> int:
        seen = await per_order(engine)
        self.reads += 1
        self.order_counts.add(len(seen))
        expected = self.expected
        self.partial += [f"EO {eo}: {got} != {expected[eo]}" for eo, got in seen.items() if got != expected[eo]]
        return len(seen)


def start_import(url: str, logs: Path) -> subprocess.Popen[bytes]:
    """`eokb import` of the corpus as an operator runs it; output to files, as a pipe nobody drains can stall it."""
    env = {**os.environ, "EOKB_DATABASE_URL": url}
    with logs.with_suffix(".out").open("wb") as out, logs.with_suffix(".err").open("wb") as err:
        return subprocess.Popen([EOKB, "import", str(CORPUS)], env=env, stdout=out, stderr=err)


def output(logs: Path) -> tuple[str, str]:
    return logs.with_suffix(".out").read_text(), logs.with_suffix(".err").read_text()


def busy_lines(stderr: str) -> list[str]:
    """The lines saying another writer holds the lock, whatever else (log lines) stderr carries."""
    return [line for line in stderr.splitlines() if BUSY in line]


async def read_while_running(processes: list[subprocess.Popen[bytes]], engine: AsyncEngine, watch: Watch) -> None:
    while any(process.poll() is None for process in processes):
        await watch.read(engine)
        await asyncio.sleep(0.05)  # often enough to see hundreds of states, rarely enough not to slow the import


async def kill_mid_order(process: subprocess.Popen[bytes], engine: AsyncEngine, watch: Watch, orders: int) -> bool:
    """SIGKILL once `orders` orders are visible and, if within 5 s, the import is seen inside a transaction: that is
    when a kill can cut an order short. Returns whether it was, once the server has ended the dead import's sessions.
    """
    while await watch.read(engine) < orders:
        assert process.poll() is None, "the import finished before it could be killed"
        await asyncio.sleep(0.02)
    deadline = time.monotonic() + 5
    while not (in_transaction := bool(await scalar(engine, IMPORT_IN_TRANSACTION))) and time.monotonic() < deadline:
        pass
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 10
    while await scalar(engine, IMPORT_CONNECTED):
        assert time.monotonic() < deadline, "the killed import's sessions outlived it"
        await asyncio.sleep(0.01)
    return in_transaction


@pytest.mark.corpus
@needs_corpus
async def test_killed_imports_leave_only_whole_orders_and_reruns_end_as_a_clean_import(
    clean: Clean, fresh_db: str, reader: AsyncEngine, tmp_path: Path
) -> None:
    url, engine = fresh_db, reader
    watch = Watch(clean.orders)
    print(f"\nclean import: {clean.totals}")
    for run, kill_at in enumerate(KILL_AT, start=1):
        started = time.perf_counter()
        in_transaction = await kill_mid_order(start_import(url, tmp_path / f"run{run}"), engine, watch, kill_at)
        during = " during a transaction" if in_transaction else ""
        visible = await watch.read(engine)
        print(f"run {run}: SIGKILL{during} after {time.perf_counter() - started:.1f} s, {visible} orders visible")
        assert watch.partial == [], watch.partial[:5]
        assert not await writer_active(engine), "a killed import's lock must die with it"

    rerun = tmp_path / "rerun"
    process = start_import(url, rerun)
    await read_while_running([process], engine, watch)
    stdout, stderr = output(rerun)
    assert process.returncode == 0 and "Traceback" not in stderr, stderr
    loaded, unchanged, skipped = (int(n) for n in SUMMARY.search(stdout).groups())  # type: ignore[union-attr]
    assert (loaded + unchanged, skipped) == (corpus_order_count(), 0) and unchanged == visible
    after_rerun = await totals(engine)
    print(f"rerun: {stdout.strip()}; {after_rerun}")
    assert after_rerun == clean.totals

    again = await asyncio.to_thread(run_import, url, CORPUS)
    after_again = await totals(engine)
    print(f"again: {again.stdout.strip()}; {after_again}")
    print(f"readers: {watch.reads} reads of {len(watch.order_counts)} different order counts, none partial")
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    assert SUMMARY.search(again.stdout).groups() == ("0", str(corpus_order_count()), "0")  # type: ignore[union-attr]
    assert after_again == clean.totals
    assert await per_order(engine) == clean.orders
    assert dict(await rows(engine, STATUSES)) == clean.statuses
    assert watch.partial == [], watch.partial[:5]


@dataclass
class Race:
    """Two imports started together on an empty database, with readers reading throughout."""

    exits: list[int]
    outputs: list[tuple[str, str]]
    watch: Watch
    holdings: tuple[dict[int, tuple[Any, ...]], dict[str, int], dict[int, str]]


@pytest.fixture(scope="module")
def race_db(databases: Databases) -> Iterator[str]:
    url = databases.create(migrated=False)
    yield url
    databases.drop(url)


@pytest.fixture(scope="module")
async def race(clean: Clean, race_db: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Race]:
    url = race_db
    engine = make_engine(Settings(database_url=url))
    logs = tmp_path_factory.mktemp("race")
    try:
        started = time.perf_counter()
        processes = [start_import(url, logs / name) for name in ("first", "second")]
        watch = Watch(clean.orders)
        await asyncio.gather(*(read_while_running(processes, engine, watch) for _ in range(2)))
        exits = [process.returncode for process in processes]
        print(f"\ntwo imports at once: {time.perf_counter() - started:.1f} s, exits {exits}")
        print(f"readers: {watch.reads} reads of {len(watch.order_counts)} different order counts")
        holdings = (await per_order(engine), await totals(engine), dict(await rows(engine, STATUSES)))
        yield Race(exits, [output(logs / name) for name in ("first", "second")], watch, holdings)
    finally:
        await engine.dispose()


@pytest.mark.corpus
@needs_corpus
def test_two_imports_at_once_one_refuses_and_the_other_loads_what_a_clean_import_does(race: Race, clean: Clean) -> None:
    assert sorted(race.exits) == [0, EXIT_BUSY]
    (stdout, _), (refused_out, refused_err) = sorted(race.outputs, key=lambda out: BUSY in out[1])
    assert SUMMARY.search(stdout).groups() == (str(corpus_order_count()), "0", "0")  # type: ignore[union-attr]
    assert refused_out == "" and busy_lines(refused_err) == [f"cannot import: {BUSY}"]
    assert not any("Traceback" in text for out in race.outputs for text in out)
    assert race.holdings == (clean.orders, clean.totals, clean.statuses)


@pytest.mark.corpus
@needs_corpus
def test_readers_during_an_import_see_only_whole_orders(race: Race) -> None:
    assert race.watch.partial == [], race.watch.partial[:5]
    assert len(race.watch.order_counts) > 20, "the readers must have seen the import under way"


async def test_writers_refuse_in_one_line_while_a_sync_holds_the_lock(fresh_db: str, reader: AsyncEngine) -> None:
    url, engine = fresh_db, reader
    env = {**os.environ, "EOKB_DATABASE_URL": url}
    await asyncio.to_thread(migrate_to_head, url)  # a database in service, whose first-run sync finds it empty
    async with writer_lock(engine):  # as a running sync holds it
        assert await writer_active(engine)
        imported = await asyncio.to_thread(run_import, url, DUMP)
        synced = await asyncio.to_thread(
            subprocess.run, [EOKB, "sync"], env=env, capture_output=True, text=True, timeout=60
        )
        await fill_if_empty(engine, Settings(database_url=url))  # the first-run sync of `eokb serve` steps aside
        assert await per_order(engine) == {}
    for command, result in (("import", imported), ("sync", synced)):
        assert result.returncode == EXIT_BUSY and result.stdout == ""
        assert busy_lines(result.stderr) == [f"cannot {command}: {BUSY}"]
        assert "Traceback" not in result.stderr

    assert not await writer_active(engine)
    after = await asyncio.to_thread(run_import, url, DUMP)
    assert after.returncode == 0 and "4 loaded, 0 unchanged, 4 skipped" in after.stdout


@pytest.fixture
def large_folder(tmp_path: Path) -> Path:
    """The fixture dump's first order LARGE_FOLDER_ORDERS times under fresh numbers: a folder large enough to be
    parsed in worker processes (PARALLEL_FROM_DOCUMENTS)."""
    folder = tmp_path / "large"
    (folder / "xml").mkdir(parents=True)
    shutil.copy(DUMP / "agencies.json", folder)
    template = orjson.loads((DUMP / "documents.jsonl").read_bytes().splitlines()[0])
    shutil.copy(DUMP / template["corpus"]["xml"], folder / template["corpus"]["xml"])
    copies = [
        {**template, "executive_order_number": 20_000 + n, "document_number": f"2031-{n:05d}"}
        for n in range(LARGE_FOLDER_ORDERS)
    ]
    (folder / "documents.jsonl").write_bytes(b"\n".join(orjson.dumps(copy) for copy in copies) + b"\n")
    return folder


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=lambda s: s.name)
async def test_a_stopped_import_leaves_no_process_behind_and_only_whole_orders(
    stop: signal.Signals, fresh_db: str, reader: AsyncEngine, large_folder: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "EOKB_DATABASE_URL": fresh_db}
    with (tmp_path / "out").open("wb") as out, (tmp_path / "err").open("wb") as err:
        process = subprocess.Popen(
            [EOKB, "import", str(large_folder)], env=env, stdout=out, stderr=err, start_new_session=True
        )
    try:
        while len(await per_order(reader)) < STOP_AFTER_ORDERS:
            assert process.poll() is None, "the import finished before it could be stopped"
            await asyncio.sleep(0.02)
        process.send_signal(stop)
        exit_code = process.wait(timeout=30)
        deadline = time.monotonic() + 10
        while _group_alive(process.pid):  # the workers, which a SIGKILL leaves to notice by themselves
            assert time.monotonic() < deadline, "processes of the import outlived it"
            await asyncio.sleep(0.1)
    finally:
        if _group_alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
    stderr = (tmp_path / "err").read_text()
    if stop == signal.SIGKILL:
        assert exit_code == -signal.SIGKILL
    else:  # stopped between orders, and says so
        assert exit_code == 128 + stop and "Traceback" not in stderr, stderr
        assert "stopped: every order loaded so far is whole" in stderr
    loaded = await per_order(reader)
    print(f"\n{stop.name}: exit {exit_code}, {len(loaded)} of {LARGE_FOLDER_ORDERS} orders loaded")
    assert STOP_AFTER_ORDERS <= len(loaded) < LARGE_FOLDER_ORDERS
    assert len({counts[1:] for counts in loaded.values()}) == 1  # every copy whole: the same rows as the others


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True
