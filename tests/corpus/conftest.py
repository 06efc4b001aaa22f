"""The API over the corpus database (tests/conftest.py imports it once per session), called in process."""

from collections.abc import AsyncIterator

import httpx
import pytest

from app.db import make_engine
from app.main import create_app
from app.settings import Settings


@pytest.fixture(scope="module")
async def corpus(corpus_db: str) -> AsyncIterator[httpx.AsyncClient]:
    """The API over the imported corpus, called in process."""
    engine = make_engine(Settings(database_url=corpus_db))
    app = create_app(engine=engine)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://eokb.test") as client:
        yield client
    await engine.dispose()
