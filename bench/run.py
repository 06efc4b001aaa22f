"""The benchmark: eokb against a hand-written ceiling and a Datasette peer, on the same data, on this machine.

Creates a fresh database (eokb_bench_*), imports the corpus (or a synthetic one `--scale` times larger, see
synthesize.py) and times the import, then serves the same data three ways, one at a time, each with `--workers`
worker processes, and drives each with wrk (`--connections` over loopback, a short warm-up, then `--duration`
seconds):

- eokb (`eokb serve`): list, detail, search, obligations, and the provisions NDJSON export (MB/s, peak RSS);
- the ceiling (ceiling.py): the same list and detail written by hand, so eokb's share of it says what its layers
  cost;
- Datasette (sqlite_peer.py) over a SQLite copy: list, detail and search, the usual way such data is published.

Every figure, with the machine and versions, goes to `--out` as JSON; a table of them is printed at the end.

    .venv/bin/python bench/run.py [--scale 1] [--duration 10] [--connections 32] [--out bench/results.json]

Needs wrk (`apt-get install wrk`) and Datasette (`.venv/bin/pip install datasette`).
"""

import asyncio
import os
import platform
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any

import asyncpg
import httpx
import orjson
import synthesize
import typer
from export_throughput import download, free_port, peak_rss_mb, wait_ready
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results.json"
POSTGRES = "postgresql://postgres@127.0.0.1:5432"
WARMUP_SECONDS = 2
EXPORT = "/v1/export/provisions.ndjson"
EXPORT_RUNS = 3
PACKAGES = ("eokb", "fastapi", "starlette", "uvicorn", "sqlalchemy", "asyncpg", "orjson", "datasette")

out = Console()
err = Console(stderr=True)


@dataclass(frozen=True)
class Scenario:
    """One kind of request, as each server spells it (None: that server does not serve it)."""

    name: str
    eokb: str
    ceiling: str | None = None
    datasette: str | None = None


SCENARIOS = (
    Scenario(
        "list",
        "/v1/orders?president=barack-obama",
        ceiling="/v1/orders?president=barack-obama",
        datasette="/db/orders.json?president_slug=barack-obama&_size=20&_sort_desc=signing_date",
    ),
    Scenario(
        "detail",
        "/v1/orders/14409?include=provisions",
        ceiling="/v1/orders/14409?include=provisions",
        # Datasette has no order-with-provisions view: its closest is the order's provisions alone.
        datasette="/db/provisions.json?eo_number=14409&_size=max&_sort=position",
    ),
    Scenario(
        "search",
        "/v1/provisions?q=artificial%20intelligence",
        datasette="/db/search.json?q=artificial%20intelligence",
    ),
    Scenario("obligations", "/v1/obligations?agency=treasury-department&due_from=2020-01-01&due_to=2026-12-31"),
)

_TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}


def parse_wrk(output: str) -> dict[str, Any]:
    """Requests/s, median and 99th percentile latency, and anything that went wrong, from `wrk --latency`."""

    def latency_ms(percentile: int) -> float:
        found = re.search(rf"^\s*{percentile}%\s+([\d.]+)(us|ms|s|m|h)\s*$", output, re.MULTILINE)
        if not found:
            raise ValueError(f"no {percentile}% latency in wrk's output:\n{output}")
        return float(found[1]) * _TO_MS[found[2]]

    rate = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.MULTILINE)
    done = re.search(r"^\s*(\d+) requests in", output, re.MULTILINE)
    if not rate or not done:
        raise ValueError(f"no request rate in wrk's output:\n{output}")
    failed = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "requests_per_s": float(rate[1]),
        "p50_ms": latency_ms(50),
        "p99_ms": latency_ms(99),
        "requests": int(done[1]),
        "non_2xx": int(failed[1]) if failed else 0,
        "socket_errors": sum(int(count) for count in sockets.groups()) if sockets else 0,
    }


def drive(url: str, duration: int, connections: int) -> dict[str, Any]:
    """wrk against one URL: a warm-up whose figures are dropped, then the measured run."""
    probe = httpx.get(url, timeout=60)
    if probe.status_code != 200:
        raise SystemExit(f"{url} answered {probe.status_code}, not 200: {probe.text[:300]}")
    threads = min(os.cpu_count() or 1, connections)
    wrk = ["wrk", f"-t{threads}", f"-c{connections}", "--timeout", "30s", "--latency"]
    subprocess.run([*wrk, f"-d{WARMUP_SECONDS}s", url], check=True, capture_output=True)
    measured = subprocess.run([*wrk, f"-d{duration}s", url], check=True, capture_output=True, text=True)
    return {"url": url, "response_bytes": len(probe.content), **parse_wrk(measured.stdout)}


@dataclass(frozen=True)
class Server:
    base: str
    pid: int

    def pids(self) -> list[int]:
        """The server and the worker processes uvicorn starts for it when given more than one."""
        found, pending = [], [self.pid]
        while pending:
            pid = pending.pop()
            found.append(pid)
            children = Path(f"/proc/{pid}/task/{pid}/children")
            if children.exists():
                pending.extend(int(child) for child in children.read_text().split())
        return found

    def peak_rss_mb(self) -> float:
        return max(peak_rss_mb(pid) for pid in self.pids())


@contextmanager
def serving(command: list[str], ready_path: str, env: dict[str, str], log: Path) -> Iterator[Server]:
    """A server started on a free port, ready to answer, stopped afterwards; its output kept in `log`."""
    port = free_port()
    with log.open("wb") as written:
        server = subprocess.Popen([*command, "--port", str(port)], env=env, stdout=written, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_ready(base + ready_path, server)
        except SystemExit:
            err.print(log.read_text(errors="replace")[-3000:], markup=False, highlight=False)
            raise
        yield Server(base, server.pid)
    finally:
        server.terminate()
        server.wait(30)


async def _postgres(database_url: str, statement: str) -> Any:
    conn = await asyncpg.connect(database_url)
    try:
        return await conn.fetchval(statement)
    finally:
        await conn.close()


@contextmanager
def fresh_database(server: str) -> Iterator[str]:
    """A new, empty database on `server`, dropped afterwards however the run ends."""
    name = f"eokb_bench_{uuid.uuid4().hex[:12]}"
    asyncio.run(_postgres(f"{server}/postgres", f"CREATE DATABASE {name}"))
    try:
        yield f"{server}/{name}"
    finally:
        asyncio.run(_postgres(f"{server}/postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@contextmanager
def given_or_fresh(database: str | None, server: str) -> Iterator[str]:
    if database is not None:
        yield database
    else:
        with fresh_database(server) as url:
            yield url


def machine(postgres_version: str) -> dict[str, Any]:
    """What the figures were measured on and with."""
    cpu = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
    memory_kb = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=BENCH, capture_output=True, text=True).stdout.strip()
    changed = subprocess.run(
        ["git", "status", "--porcelain", "--", "app", "migrations"], cwd=BENCH.parent, capture_output=True, text=True
    ).stdout
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "load_average_before": os.getloadavg(),
        "cpu": cpu[1] if cpu else None,
        "memory_gib": round(int(memory_kb[1]) / 2**20, 1) if memory_kb else None,
        "kernel": platform.release(),
        "git_commit": commit,
        "app_uncommitted_changes": bool(changed),
        "versions": {
            "python": platform.python_version(),
            "postgres": postgres_version,
            "sqlite": sqlite3.sqlite_version,
            "wrk": (wrk.stdout + wrk.stderr).splitlines()[0],
            **{package: _version(package) for package in PACKAGES},
        },
    }


def _version(package: str) -> str | None:
    """The installed version; None for a peer left out of the run (Datasette with --no-datasette)."""
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def timed_import(folder: Path, env: dict[str, str]) -> dict[str, Any]:
    """`eokb import`, as an operator runs it, timed from start to exit (its progress bar shows on the terminal),
    with its peak RSS (the largest of this process's children so far, which the import is)."""
    err.print(f"importing {folder}")
    started = time.perf_counter()
    done = subprocess.run([eokb_command(), "import", str(folder)], env=env, stdout=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"eokb import failed with status {done.returncode}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"seconds": round(seconds, 1), "peak_rss_mb": round(peak_kb / 1024), "summary": done.stdout.strip()}


def eokb_command() -> str:
    return str(Path(sys.executable).with_name("eokb"))


def measure_export(server: Server) -> dict[str, Any]:
    """The provisions NDJSON export: best MB/s of a few downloads, and the server's peak RSS before and after."""
    before = server.peak_rss_mb()
    with httpx.Client(base_url=server.base, timeout=3600) as client:
        runs = [download(client, EXPORT) for _ in range(EXPORT_RUNS)]
    size, lines, best = min(runs, key=lambda run: run[2])
    return {
        "url": server.base + EXPORT,
        "megabytes": round(size / 1e6, 1),
        "lines": lines,
        "mb_per_s": round(size / 1e6 / best, 1),
        "rss_before_mb": round(before),
        "rss_peak_mb": round(server.peak_rss_mb()),
    }


def ratio(numerator: dict[str, Any] | None, denominator: dict[str, Any] | None) -> float | None:
    if not numerator or not denominator:
        return None
    return round(numerator["requests_per_s"] / denominator["requests_per_s"], 2)


def report(results: dict[str, Any]) -> None:
    title = f"scale {results['scale']}, {results['workers']} worker(s) each, {results['connections']} connections"
    columns = ("scenario", "eokb req/s", "p50 ms", "p99 ms", "ceiling req/s", "ratio", "Datasette req/s", "ratio")
    table = Table(*columns, title=title)

    def rate(figures: dict[str, Any] | None) -> str:
        return f"{figures['requests_per_s']:,.0f}" if figures else "-"

    def times(value: float | None) -> str:
        return f"{value:.2f}x" if value is not None else "-"

    for name, scenario in results["scenarios"].items():
        eokb = scenario["eokb"]
        table.add_row(
            name,
            rate(eokb),
            f"{eokb['p50_ms']:.1f}",
            f"{eokb['p99_ms']:.1f}",
            rate(scenario.get("ceiling")),
            times(scenario.get("eokb_to_ceiling")),
            rate(scenario.get("datasette")),
            times(scenario.get("eokb_to_datasette")),
        )
    out.print(table)
    export, imported = results["export"], results.get("import")
    out.print(
        f"export {EXPORT}: {export['megabytes']} MB at {export['mb_per_s']} MB/s, "
        f"server peak RSS {export['rss_peak_mb']} MB ({export['rss_before_mb']} MB before)"
    )
    if imported:
        out.print(f"import: {imported['seconds']} s, peak RSS {imported['peak_rss_mb']} MB ({imported['summary']})")
    else:
        out.print("import: not run (an imported database was given)")
    before, after = results["machine"]["load_average_before"][0], results["machine"]["load_average_after"][0]
    out.print(f"load average (1 min) on {results['machine']['cores']} cores: {before:.1f} before, {after:.1f} after")
    failures = [
        f"{name} {server}: {figures['non_2xx']} non-2xx, {figures['socket_errors']} socket errors"
        for name, scenario in results["scenarios"].items()
        for server, figures in scenario.items()
        if isinstance(figures, dict) and (figures["non_2xx"] or figures["socket_errors"])
    ]
    for failure in failures:
        out.print(f"[yellow]warning:[/yellow] {failure}", highlight=False)


def main(
    scale: Annotated[int, typer.Option(min=1, help="1: the corpus; N: a synthetic corpus N times larger.")] = 1,
    duration: Annotated[int, typer.Option(min=1, help="Seconds of measured load per scenario.")] = 10,
    connections: Annotated[int, typer.Option(min=1, help="wrk's open connections.")] = 32,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for every server.")] = 1,
    out_path: Annotated[Path, typer.Option("--out", help="Where to write every figure as JSON.")] = RESULTS,
    corpus: Annotated[Path, typer.Option(help="The corpus folder.")] = synthesize.DEFAULT_CORPUS,
    postgres: Annotated[str, typer.Option(help="A Postgres server to create the database on.")] = POSTGRES,
    database: Annotated[
        str | None, typer.Option(help="An imported database to measure instead of a fresh import (which is skipped).")
    ] = None,
    datasette: Annotated[
        bool, typer.Option(help="Also build the SQLite copy and serve it with Datasette (minutes at --scale 50).")
    ] = True,
) -> None:
    """Import, then drive eokb, the ceiling and Datasette with wrk, and write and print the figures."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    if datasette:
        try:
            metadata.version("datasette")
        except metadata.PackageNotFoundError:
            raise SystemExit("Datasette is not installed: .venv/bin/pip install datasette") from None
    folder = corpus if scale == 1 else synthesize.ensure(corpus, scale)
    results: dict[str, Any] = {
        "scale": scale,
        "corpus": str(folder),
        "duration_s": duration,
        "warmup_s": WARMUP_SECONDS,
        "connections": connections,
        "workers": workers,
    }
    scenarios: dict[str, dict[str, Any]] = {scenario.name: {} for scenario in SCENARIOS}
    runs = (
        len(SCENARIOS) + sum(bool(s.ceiling) for s in SCENARIOS) + datasette * sum(bool(s.datasette) for s in SCENARIOS)
    )
    with given_or_fresh(database, postgres) as url, tempfile.TemporaryDirectory(prefix="eokb-bench-") as work:
        env = {**os.environ, "EOKB_DATABASE_URL": url, "EOKB_SYNC_ON_START": "false", "EOKB_LOG_LEVEL": "warning"}
        results["machine"] = machine(asyncio.run(_postgres(url, "SHOW server_version")))
        if database is None:
            results["import"] = timed_import(folder, env)
        # The tables as autovacuum would soon leave them (statistics, visibility map, hint bits set), so no figure
        # depends on whether it has yet, nor pays for it running: the server measured first would otherwise share
        # the machine with the vacuum of what the import just wrote.
        asyncio.run(_postgres(url, "VACUUM (ANALYZE)"))
        servers = {
            "eokb": ([eokb_command(), "serve", "--workers", str(workers)], "/ready"),
            "ceiling": ([sys.executable, str(BENCH / "ceiling.py"), "--workers", str(workers)], SCENARIOS[0].ceiling),
        }
        if datasette:
            sqlite = Path(work) / "db.db"  # Datasette names the database by the file: /db/...
            started = time.perf_counter()
            subprocess.run([sys.executable, BENCH / "sqlite_peer.py", "build", url, sqlite], check=True)
            results["sqlite_build_seconds"] = round(time.perf_counter() - started, 1)
            serve_sqlite = [sys.executable, str(BENCH / "sqlite_peer.py"), "serve", str(sqlite)]
            servers["datasette"] = ([*serve_sqlite, "--workers", str(workers)], "/-/versions.json")
        with Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err
        ) as progress:
            task = progress.add_task("load", total=runs)
            for name, (command, ready_path) in servers.items():
                with serving(command, ready_path, env, Path(work) / f"{name}.log") as server:
                    if name == "eokb":
                        progress.update(task, description="eokb export")
                        results["export"] = measure_export(server)
                        results["counts"] = httpx.get(f"{server.base}/v1/meta").json()
                    for scenario in SCENARIOS:
                        if path := getattr(scenario, name):
                            progress.update(task, description=f"{name} {scenario.name}")
                            scenarios[scenario.name][name] = drive(server.base + path, duration, connections)
                            progress.advance(task)
    for figures in scenarios.values():
        figures["eokb_to_ceiling"] = ratio(figures["eokb"], figures.get("ceiling"))
        figures["eokb_to_datasette"] = ratio(figures["eokb"], figures.get("datasette"))
    results["scenarios"] = scenarios
    results["machine"]["load_average_after"] = os.getloadavg()
    out_path.write_bytes(orjson.dumps(results, option=orjson.OPT_INDENT_2) + b"\n")
    report(results)
    out.print(f"every figure: {out_path}")


if __name__ == "__main__":
    typer.run(main)
