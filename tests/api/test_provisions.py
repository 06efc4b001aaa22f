"""/v1/provisions: across orders, filtered by order, and one by id."""

import httpx
import pytest

from tests.paging import walk


async def test_list_in_text_order(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/provisions?limit=1000")).json()
    keys = [(p["eo_number"], p["position"]) for p in body["data"]]
    assert keys == sorted(keys)
    assert body["meta"]["total"] == len(keys)
    assert {eo for eo, _ in keys} == {15001, 15002, 15003}


@pytest.mark.parametrize(
    ("query", "orders"),
    [
        ("eo_number=15003", {15003}),
        ("president=donald-trump", {15001, 15002, 15003}),
        ("signed_from=2030-01-01", {15001, 15003}),
        ("signed_to=2029-12-31", {15002}),
        ("agency=commerce-department", {15001}),
        ("president=joe-biden", set()),
    ],
)
async def test_filters(client: httpx.AsyncClient, query: str, orders: set[int]) -> None:
    body = (await client.get(f"/v1/provisions?{query}&limit=1000")).json()
    assert {p["eo_number"] for p in body["data"]} == orders
    assert body["meta"]["total"] == len(body["data"])


async def test_cursor_walk(client: httpx.AsyncClient) -> None:
    whole = [p["id"] for p in (await client.get("/v1/provisions?limit=1000")).json()["data"]]
    walked = [p["id"] for p in await walk(client, "/v1/provisions?limit=7")]
    assert walked == whole


async def test_one_provision(client: httpx.AsyncClient) -> None:
    provision = (await client.get("/v1/provisions/eo-15003-2-a")).json()
    assert provision["section"] == "2(a)"
    assert provision["eo_number"] == 15003
    assert provision["parent_id"] == "eo-15003-2"
    assert provision["text"].startswith("(a) Within 30 days of the date of this order, the Secretary of the Treasury")
    assert provision["highlight"] is None


async def test_inline_reference_does_not_start_a_paragraph(client: httpx.AsyncClient) -> None:
    provision = (await client.get("/v1/provisions/eo-15003-2-b")).json()
    assert provision["text"] == "(b) The report described in section 2(a) of this order shall be made public."


@pytest.mark.parametrize(
    ("url", "status", "parameter"),
    [
        ("/v1/provisions?eo_number=x", 422, "eo_number"),
        ("/v1/provisions?president=nobody-at-all", 422, "president"),
        ("/v1/provisions/eo-15003-2-a?fields=text", 400, "fields"),
    ],
)
async def test_bad_input(client: httpx.AsyncClient, url: str, status: int, parameter: str) -> None:
    response = await client.get(url)
    assert response.status_code == status
    assert response.json()["errors"][0]["parameter"] == parameter


async def test_unknown_provision_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/provisions/eo-15003-9-z")
    assert response.status_code == 404
    assert "eo-15003-9-z" in response.json()["detail"]
