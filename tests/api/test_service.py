"""Service-wide behaviour: health, readiness, problems for unknown routes and methods."""

import httpx
import pytest

from app.db import make_engine
from app.main import create_app
from app.settings import Settings


async def test_health_and_ready(client: httpx.AsyncClient) -> None:
    assert (await client.get("/health")).json() == {"status": "ok"}
    ready = await client.get("/ready")
    assert ready.status_code == 200
    assert ready.json()["database"] == "ok"


async def test_ready_fails_when_the_database_is_unreachable() -> None:
    engine = make_engine(Settings(database_url="postgresql://postgres@127.0.0.1:9/nowhere"))
    app = create_app(engine=engine)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://eokb.test") as client:
        assert (await client.get("/health")).status_code == 200
        ready = await client.get("/ready")
    await engine.dispose()
    assert ready.status_code == 503
    assert ready.headers["retry-after"]


@pytest.mark.parametrize("url", ["/v2/orders", "/v1/order", "/nothing"])
async def test_unknown_route_is_a_problem(client: httpx.AsyncClient, url: str) -> None:
    response = await client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404


async def test_writes_are_refused(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/orders", json={})
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["allow"] == "GET"


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/v1/agencies?q=%00", "q"),
        ("/v1/agencies?q=%20%20", "q"),
        ("/v1/agencies/%00", "slug"),
        ("/v1/provisions/%00", "provision_id"),
        ("/v1/orders?president=%00", "president"),
        ("/v1/orders?cursor=%00", "cursor"),
        ("/v1/orders?president=", "president"),
        ("/v1/orders?eo_number=,,,", "eo_number"),
        ("/v1/obligations?modal=", "modal"),
        ("/v1/orders/15001?include=", "include"),
        ("/v1/orders?eo_number=" + ",".join(str(n) for n in range(1, 200)), "eo_number"),
        ("/v1/orders/99999999999999999999", "eo_number"),
        ("/v1/orders?limit=99999999999999999999999", "limit"),
    ],
)
async def test_hostile_values_are_refused_by_name(client: httpx.AsyncClient, url: str, parameter: str) -> None:
    response = await client.get(url)
    assert response.status_code == 422, response.text
    assert response.json()["errors"][0]["parameter"] == parameter


@pytest.mark.parametrize(
    "url",
    ["/v1/agencies?q=';drop table orders;--", "/v1/agencies?q=%E2%80%AEabc", "/v1/orders?signed_from=0001-01-01"],
)
async def test_odd_but_valid_values_are_answered(client: httpx.AsyncClient, url: str) -> None:
    assert (await client.get(url)).status_code == 200
