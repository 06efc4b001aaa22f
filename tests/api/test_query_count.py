"""List endpoints run a fixed number of SQL statements whatever the page size (no N+1)."""

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


@pytest.fixture
def statements(engine: AsyncEngine) -> Iterator[list[str]]:
    """Every statement the driver sends, whether through SQLAlchemy or straight from a pooled connection."""
    seen: list[str] = []
    watched: list[Any] = []

    def record(query: Any) -> None:
        if not query.query.lstrip().upper().startswith(("SELECT 1", "SELECT DATA_STATE.")):  # pre-ping, ETag version
            seen.append(query.query)

    def watch(dbapi_connection: Any, record_: Any, proxy: Any) -> None:
        driver = dbapi_connection.driver_connection
        if driver not in watched:
            driver.add_query_logger(record)
            watched.append(driver)

    event.listen(engine.sync_engine.pool, "checkout", watch)
    yield seen
    event.remove(engine.sync_engine.pool, "checkout", watch)
    for driver in watched:
        driver.remove_query_logger(record)


@pytest.mark.parametrize(
    "url",
    [
        "/v1/orders",
        "/v1/orders?agency=commerce-department&president=donald-trump",
        "/v1/orders/15001/provisions",
        "/v1/orders/15001/obligations",
        "/v1/provisions",
        "/v1/agencies",
        "/v1/obligations",
        "/v1/obligations?q=shall&agency=treasury-department",
        "/v1/provisions?q=shall&president=donald-trump",
        "/v1/orders?q=records&title=federal",
        "/v1/orders?fields=eo_number,agencies",
        "/v1/agencies?q=tresury",
        "/v1/changes?since=2000-01-01",
    ],
)
async def test_statements_do_not_grow_with_page_size(
    client: httpx.AsyncClient, statements: list[str], url: str
) -> None:
    separator = "&" if "?" in url else "?"
    await client.get(url)  # once first: slugs it names are known from then on
    counts = []
    for limit in (1, 3, 100):
        statements.clear()
        response = await client.get(f"{url}{separator}limit={limit}")
        assert response.status_code == 200
        counts.append(len(statements))
    assert counts[0] == counts[1] == counts[2], counts
    assert counts[0] <= 2, statements


@pytest.mark.parametrize(
    "url",
    [
        "/v1/orders?president=donald-trump",
        "/v1/provisions?q=shall",
        "/v1/obligations?agency=treasury-department",
        "/v1/orders/15001?include=provisions,obligations",
    ],
)
async def test_a_page_with_its_total_or_an_order_with_everything_is_one_statement(
    client: httpx.AsyncClient, statements: list[str], url: str
) -> None:
    await client.get(url)
    statements.clear()
    assert (await client.get(url)).status_code == 200
    assert len(statements) == 1, statements
