"""Security headers on every response (the docs pages may still run their scripts); CORS only where configured."""

from collections.abc import AsyncIterator

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from app.main import create_app
from app.settings import Settings

EVERYWHERE = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY"}
CSP = "default-src 'none'; frame-ancestors 'none'"
NEWSROOM = "https://newsroom.example"


def carried(response: httpx.Response) -> dict[str, str]:
    return {name: response.headers[name] for name in EVERYWHERE if name in response.headers}


@pytest.mark.parametrize(
    "url",
    [
        "/v1/orders/15001",
        "/v1/orders?limit=2",
        "/v1/orders/99999",
        "/v1/orders?presidnt=x",
        "/v1/export/orders.csv",
        "/v1/export/obligations.ndjson",
        "/v1/obligations.ics",
        "/health",
        "/openapi.json",
        "/metrics",
        "/nowhere",
    ],
)
async def test_api_responses_forbid_sniffing_framing_and_loading(client: httpx.AsyncClient, url: str) -> None:
    response = await client.get(url)
    assert carried(response) == EVERYWHERE
    assert response.headers["content-security-policy"] == CSP


async def test_a_304_carries_them_too(client: httpx.AsyncClient) -> None:
    etag = (await client.get("/v1/orders/15001")).headers["etag"]
    response = await client.get("/v1/orders/15001", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert carried(response) == EVERYWHERE
    assert response.headers["content-security-policy"] == CSP


@pytest.mark.parametrize("url", ["/docs", "/redoc"])
async def test_the_docs_pages_may_run_their_own_scripts_and_load_nothing_from_elsewhere(
    client: httpx.AsyncClient, url: str
) -> None:
    response = await client.get(url)
    assert response.status_code == 200
    assert carried(response) == EVERYWHERE
    policy = dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["script-src"] == "'self' 'unsafe-inline'"
    assert all("http" not in sources and "*" not in sources for sources in policy.values())


async def test_no_origin_may_read_by_default(client: httpx.AsyncClient) -> None:
    simple = await client.get("/v1/orders/15001", headers={"Origin": NEWSROOM})
    preflight = await client.options("/v1/orders", headers={"Origin": NEWSROOM, "Access-Control-Request-Method": "GET"})
    for response in (simple, preflight):
        assert not any(name.startswith("access-control-") for name in response.headers)


@pytest.fixture(scope="module")
async def cors_client(engine: AsyncEngine) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(cors_origins=[NEWSROOM]), engine=engine)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://eokb.test") as client:
        yield client


async def test_a_configured_origin_may_read_and_see_the_headers_the_api_sends(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.get("/v1/orders/15001", headers={"Origin": NEWSROOM})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == NEWSROOM
    exposed = {name.strip().lower() for name in response.headers["access-control-expose-headers"].split(",")}
    assert exposed == {"etag", "x-request-id", "content-disposition"}
    assert "access-control-allow-credentials" not in response.headers
    assert "Origin" in response.headers["vary"]


async def test_a_configured_origin_is_answered_on_a_304(cors_client: httpx.AsyncClient) -> None:
    etag = (await cors_client.get("/v1/orders/15001", headers={"Origin": NEWSROOM})).headers["etag"]
    response = await cors_client.get("/v1/orders/15001", headers={"Origin": NEWSROOM, "If-None-Match": etag})
    assert response.status_code == 304
    assert response.headers["access-control-allow-origin"] == NEWSROOM


async def test_a_preflight_allows_reading_only(cors_client: httpx.AsyncClient) -> None:
    asked = {"Origin": NEWSROOM, "Access-Control-Request-Headers": "if-none-match"}
    reading = await cors_client.options("/v1/orders", headers=asked | {"Access-Control-Request-Method": "GET"})
    assert reading.status_code == 200
    assert reading.headers["access-control-allow-origin"] == NEWSROOM
    assert set(reading.headers["access-control-allow-methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    writing = await cors_client.options("/v1/orders", headers=asked | {"Access-Control-Request-Method": "DELETE"})
    assert writing.status_code == 400


async def test_another_origin_is_not_allowed(cors_client: httpx.AsyncClient) -> None:
    response = await cors_client.get("/v1/orders/15001", headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
