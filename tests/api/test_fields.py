"""`fields=` on lists: records cut down to the fields asked for, the envelope unchanged."""

import httpx
import pytest


@pytest.mark.parametrize(
    ("path", "query", "fields"),
    [
        ("/v1/orders", "", "fields=eo_number,title"),
        ("/v1/provisions", "q=shall", "fields=id&fields=text"),
        ("/v1/obligations", "", "fields=id,deadline,actors"),
        ("/v1/agencies", "q=department", "fields=slug"),
    ],
)
async def test_records_hold_only_the_fields_asked_for(
    client: httpx.AsyncClient, path: str, query: str, fields: str
) -> None:
    whole = (await client.get(f"{path}?limit=3&{query}")).json()
    cut = (await client.get(f"{path}?limit=3&{query}&{fields}")).json()
    names = {name for part in fields.split("&") for name in part.removeprefix("fields=").split(",")}
    assert cut["meta"] == whole["meta"] and whole["data"]
    assert cut["data"] == [{name: record[name] for name in names} for record in whole["data"]]


async def test_an_unknown_field_is_named(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/orders?fields=eo_number,sponsor")
    assert response.status_code == 422
    [error] = response.json()["errors"]
    assert error["parameter"] == "fields" and "sponsor" in error["message"]
