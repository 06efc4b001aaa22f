"""/v1/{orders,provisions,obligations}/facets: counts by dimension that agree with the lists."""

import httpx
import pytest


async def facets(client: httpx.AsyncClient, url: str) -> dict:
    response = await client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


async def total(client: httpx.AsyncClient, url: str) -> int:
    return (await client.get(url)).json()["meta"]["total"]


@pytest.mark.parametrize(
    ("resource", "by", "filters"),
    [
        ("orders", "president,year,status", ""),
        ("orders", "status,year", "&signed_from=2030-01-01"),
        ("provisions", "president,year,kind", ""),
        ("provisions", "kind", "&q=shall"),
        ("obligations", "modal,order_status,deadline_kind,due_year,year,president", ""),
        ("obligations", "modal,due_year", "&agency=treasury-department&has_deadline=true"),
    ],
)
async def test_single_valued_facets_add_up_to_the_lists_total(
    client: httpx.AsyncClient, resource: str, by: str, filters: str
) -> None:
    counted = await facets(client, f"/v1/{resource}/facets?by={by}{filters}")
    listed = await total(client, f"/v1/{resource}?limit=1{filters}")
    assert counted["total"] == listed > 0
    assert list(counted["facets"]) == by.split(",")
    for values in counted["facets"].values():
        assert sum(value["count"] for value in values) == listed
        assert [v["count"] for v in values] == sorted((v["count"] for v in values), reverse=True)


async def test_each_value_counts_what_filtering_by_it_lists(client: httpx.AsyncClient) -> None:
    counted = await facets(client, "/v1/orders/facets?by=president,agency")
    for value in counted["facets"]["president"]:
        assert value["count"] == await total(client, f"/v1/orders?president={value['value']}")
    assert {"value": "donald-trump", "label": "Donald Trump", "count": 3} in counted["facets"]["president"]
    agencies = {value["value"]: value for value in counted["facets"]["agency"]}
    assert agencies["justice-department"]["label"] == "Justice Department"
    assert agencies["justice-department"]["count"] == await total(client, "/v1/orders?agency=justice-department")


async def test_obligation_agencies_and_due_years(client: httpx.AsyncClient) -> None:
    counted = await facets(client, "/v1/obligations/facets?by=agency,due_year&eo_number=15003")
    agencies = {value["value"]: value["count"] for value in counted["facets"]["agency"]}
    assert agencies["treasury-department"] >= 2 and agencies["justice-department"] >= 1
    years = {value["value"]: value["count"] for value in counted["facets"]["due_year"]}
    assert years[2030] == await total(client, "/v1/obligations?eo_number=15003&due_from=2030-01-01&due_to=2030-12-31")
    assert years[None] == await total(client, "/v1/obligations?eo_number=15003&has_deadline=false")


@pytest.mark.parametrize(
    ("url", "status", "parameter"),
    [
        ("/v1/orders/facets", 422, "by"),
        ("/v1/orders/facets?by=modal", 422, "by"),
        ("/v1/obligations/facets?by=modal&limit=5", 400, "limit"),
        ("/v1/provisions/facets?by=kind&president=nobody", 422, "president"),
    ],
)
async def test_bad_facet_requests_are_named(client: httpx.AsyncClient, url: str, status: int, parameter: str) -> None:
    response = await client.get(url)
    assert response.status_code == status
    assert parameter in response.json()["detail"]
