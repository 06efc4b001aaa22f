"""`eokb serve` in a subprocess on a free loopback port, for the tests that need a real server."""

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.cli.test_import import EOKB


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def eokb_serve(settings: dict[str, str], log: Path, ready_within: float = 30) -> Iterator[str]:
    """The base URL of a server started with these EOKB_* settings, once /ready answers; its log goes to `log`."""
    port = free_port()
    with log.open("wb") as stderr:
        server = subprocess.Popen(
            [EOKB, "serve", "--port", str(port)], env={**os.environ, **settings}, stdout=stderr, stderr=stderr
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_ready(base_url, server, log, ready_within)
        yield base_url
    finally:
        server.terminate()
        server.wait(10)


def _wait_until_ready(base_url: str, server: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"eokb serve exited:\n{log.read_text()[-3000:]}")
        try:
            if httpx.get(f"{base_url}/ready").status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"eokb serve did not become ready:\n{log.read_text()[-3000:]}")
