"""Export throughput and the server's memory while exporting.

Starts `eokb serve` against EOKB_DATABASE_URL (a database already holding orders), downloads each export a few
times, and prints the size, rows, MB/s of the best run, and the server's peak RSS before and after: an export
streams in constant memory, so the peak should barely move however large the export is.

    EOKB_DATABASE_URL=postgresql://... .venv/bin/python bench/export_throughput.py [--runs 5]
"""

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import uvicorn

EXPORTS = (
    "provisions.ndjson",
    "obligations.ndjson",
    "orders.ndjson",
    "provisions.csv",
    "obligations.csv",
    "orders.csv",
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_factory(target: str, port: int, workers: int) -> None:
    """Serve a `module:factory` app from bench/ with uvicorn, quietly: how the harness runs every server but eokb."""
    uvicorn.run(
        target,
        factory=True,
        app_dir=str(Path(__file__).parent),
        host="127.0.0.1",
        port=port,
        workers=workers,
        log_level="warning",
        access_log=False,
    )


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def wait_ready(url: str, server: subprocess.Popen[bytes]) -> None:
    """Until `url` answers 200; a server that exits first or never answers stops the benchmark."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server for {url} exited with status {server.returncode}")
        try:
            if httpx.get(url).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"the server for {url} did not become ready")


def download(client: httpx.Client, url: str) -> tuple[int, int, float]:
    started, size, lines = time.perf_counter(), 0, 0
    with client.stream("GET", url, headers={"Accept-Encoding": "identity"}) as response:
        response.raise_for_status()
        for chunk in response.iter_raw():
            size += len(chunk)
            lines += chunk.count(b"\n")
    return size, lines, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not os.environ.get("EOKB_DATABASE_URL"):
        raise SystemExit("set EOKB_DATABASE_URL to a database holding orders")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "EOKB_SYNC_ON_START": "false"}
    eokb = Path(sys.executable).with_name("eokb")
    server = subprocess.Popen([str(eokb), "serve", "--port", str(port)], env=env, stderr=subprocess.DEVNULL)
    try:
        wait_ready(f"{base}/ready", server)
        print(f"{'export':<20} {'MB':>8} {'lines':>8} {'MB/s':>8} {'peak RSS MB':>16}")
        with httpx.Client(base_url=base, timeout=600) as client:
            for export in EXPORTS:
                before = peak_rss_mb(server.pid)
                runs = [download(client, f"/v1/export/{export}") for _ in range(args.runs)]
                size, lines, best = min(runs, key=lambda run: run[2])
                after = peak_rss_mb(server.pid)
                rss = f"{before:.0f} -> {after:.0f}"
                print(f"{export:<20} {size / 1e6:>8.1f} {lines:>8} {size / 1e6 / best:>8.1f} {rss:>16}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
