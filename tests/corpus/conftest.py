"""The corpus imported once per test session, for every corpus test to read."""

import functools
import re
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from app.db import make_engine
from app.main import create_app
from app.settings import Settings
from tests.cli.test_import import run_import
from tests.conftest import CORPUS, Databases

SUMMARY = re.compile(r"(\d+) loaded, (\d+) unchanged, (\d+) skipped")


@functools.cache
def clean_corpus_import(databases: Databases) -> str:
    """A database holding the whole corpus, imported twice: the second import must change nothing.

    Cached, so every test module that compares with a clean import (tests/faults too) shares one per session.
    """
    if not (CORPUS / "documents.jsonl").is_file():
        pytest.skip(f"corpus not available at {CORPUS}")
    url = databases.create(migrated=False)
    started = time.perf_counter()
    first = run_import(url, CORPUS)
    seconds = time.perf_counter() - started
    print(f"\ncorpus import: {seconds:.1f} s; {first.stdout.strip()}")
    assert first.returncode == 0, first.stderr
    assert SUMMARY.search(first.stdout).groups() == ("1489", "0", "0")  # type: ignore[union-attr]
    second = run_import(url, CORPUS)
    print(f"second import: {second.stdout.strip()}")
    assert SUMMARY.search(second.stdout).groups() == ("0", "1489", "0")  # type: ignore[union-attr]
    return url


@pytest.fixture(scope="session")
def corpus_db(databases: Databases) -> Iterator[str]:
    url = clean_corpus_import(databases)
    yield url
    databases.drop(url)


@pytest.fixture(scope="module")
async def corpus(corpus_db: str) -> AsyncIterator[httpx.AsyncClient]:
    """The API over the imported corpus, called in process."""
    engine = make_engine(Settings(database_url=corpus_db))
    app = create_app(engine=engine)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://eokb.test") as client:
        yield client
    await engine.dispose()
