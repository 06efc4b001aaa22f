"""/v1/obligations, /v1/orders/{n}/obligations and /v1/agencies/{slug}/obligations over what the fixture
import extracted from the fixture texts."""

import httpx
import pytest

from tests.paging import walk

ALL = ["eo-15001-2-a-1", "eo-15002-2-a-1", "eo-15002-2-b-1", "eo-15003-2-a-1", "eo-15003-2-c-1", "eo-15003-2-d-1"]


async def ids(client: httpx.AsyncClient, query: str) -> list[str]:
    response = await client.get(f"/v1/obligations?{query}")
    assert response.status_code == 200, response.text
    return [o["id"] for o in response.json()["data"]]


async def test_every_fixture_directive_is_extracted_in_text_order(client: httpx.AsyncClient) -> None:
    assert await ids(client, "limit=100") == ALL


async def test_shape(client: httpx.AsyncClient) -> None:
    [first] = (await client.get("/v1/obligations?eo_number=15001")).json()["data"]
    assert first == {
        "id": "eo-15001-2-a-1",
        "eo_number": 15001,
        "provision_id": "eo-15001-2-a",
        "section": "2(a)",
        "actors": [
            {
                "name": "Secretary of Commerce",
                "agency_slug": "commerce-department",
                "as_written": "the Secretary of Commerce",
                "acting_through": "Director of the National Institute of Standards and Technology",
            }
        ],
        "modal": "shall",
        "action": "publish a data quality framework.",
        "text": first["text"],
        "deadline": {
            "kind": "days_after_signing",
            "days": 90,
            "due_date": "2030-04-05",
            "recurrence": None,
            "event": None,
        },
        "order_status": "in_force",
        "span": first["span"],
        "highlight": None,
    }
    assert first["text"].startswith("Within 90 days of the date of this order, the Secretary of Commerce, through")
    provision = (await client.get(f"/v1/provisions/{first['provision_id']}")).json()
    start, end = first["span"]
    assert provision["text"][start:end] == first["text"]


async def test_deadline_kinds(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/obligations?eo_number=15003")).json()
    deadlines = {o["id"]: o["deadline"] for o in body["data"]}
    assert deadlines["eo-15003-2-a-1"]["due_date"] == "2030-07-09"
    assert deadlines["eo-15003-2-c-1"] is None
    assert deadlines["eo-15003-2-d-1"] == {
        "kind": "date",
        "days": None,
        "due_date": "2030-12-31",
        "recurrence": "annually",
        "event": None,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("eo_number=15002", ["eo-15002-2-a-1", "eo-15002-2-b-1"]),
        ("agency=treasury-department", ["eo-15003-2-a-1", "eo-15003-2-c-1"]),
        ("agency=justice-department", ["eo-15002-2-b-1", "eo-15003-2-d-1"]),
        ("agency=commerce-department", ["eo-15001-2-a-1"]),
        ("agency=treasury-department,commerce-department", ["eo-15001-2-a-1", "eo-15003-2-a-1", "eo-15003-2-c-1"]),
        ("modal=may", ["eo-15003-2-c-1"]),
        ("modal=must", []),
        ("due_from=2030-07-01", ["eo-15003-2-a-1", "eo-15003-2-d-1"]),
        ("due_from=2030-07-01&due_to=2030-12-01", ["eo-15003-2-a-1"]),
        ("due_to=2030-05-01", ["eo-15001-2-a-1", "eo-15002-2-a-1"]),
        ("has_deadline=false", ["eo-15002-2-b-1", "eo-15003-2-c-1"]),
        ("has_deadline=true&modal=shall", ["eo-15001-2-a-1", "eo-15002-2-a-1", "eo-15003-2-a-1", "eo-15003-2-d-1"]),
        ("order_status=revoked", ["eo-15002-2-a-1", "eo-15002-2-b-1"]),
    ],
)
async def test_filters(client: httpx.AsyncClient, query: str, expected: list[str]) -> None:
    assert await ids(client, query) == expected


async def test_consulted_parties_are_not_actors(client: httpx.AsyncClient) -> None:
    [published] = (await client.get("/v1/obligations?eo_number=15003&modal=shall&due_from=2030-12-01")).json()["data"]
    assert [actor["name"] for actor in published["actors"]] == ["Attorney General"]


async def test_order_obligations(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/orders/15003/obligations")).json()
    assert [o["id"] for o in body["data"]] == ["eo-15003-2-a-1", "eo-15003-2-c-1", "eo-15003-2-d-1"]
    included = (await client.get("/v1/orders/15003?include=obligations")).json()
    assert [o["id"] for o in included["obligations"]] == [o["id"] for o in body["data"]]
    assert included["counts"]["obligations"] == 3


async def test_agency_obligations_include_sub_agencies(client: httpx.AsyncClient) -> None:
    treasury = (await client.get("/v1/agencies/treasury-department/obligations")).json()
    assert [o["id"] for o in treasury["data"]] == ["eo-15003-2-a-1", "eo-15003-2-c-1"]
    assert (await client.get("/v1/agencies/ministry-of-magic/obligations")).status_code == 404


async def test_agency_counts_obligations(client: httpx.AsyncClient) -> None:
    doj = (await client.get("/v1/agencies/justice-department")).json()
    assert doj["counts"] == {"orders": 2, "obligations": 2}


async def test_directed_agencies_link_the_order(client: httpx.AsyncClient) -> None:
    order = (await client.get("/v1/orders/15003")).json()
    assert [agency["slug"] for agency in order["agencies"]] == ["justice-department", "treasury-department"]
    found = (await client.get("/v1/orders?agency=treasury-department")).json()["data"]
    assert sorted(o["eo_number"] for o in found) == [15003, 15004]


async def test_cursor_walk(client: httpx.AsyncClient) -> None:
    walked = [o["id"] for o in await walk(client, "/v1/obligations?limit=1")]
    assert walked == ALL


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("modal=might", "modal"),
        ("agency=ministry-of-magic", "agency"),
        ("due_from=2030-05-01&due_to=2030-01-01", "due_to"),
        ("has_deadline=maybe", "has_deadline"),
        ("order_status=gone", "order_status"),
        ("due_from=2030-13-01", "due_from"),
    ],
)
async def test_bad_values(client: httpx.AsyncClient, query: str, parameter: str) -> None:
    response = await client.get(f"/v1/obligations?{query}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["parameter"] == parameter


async def test_by_due_date_soonest_first_and_undated_last_across_pages(client: httpx.AsyncClient) -> None:
    walked = await walk(client, "/v1/obligations?sort=due_date&limit=2")
    due = [(o["deadline"] or {}).get("due_date") for o in walked]
    dated = [day for day in due if day]
    assert dated and len(dated) < len(due), "the fixtures hold obligations with and without a due date"
    assert due == sorted(dated) + [None] * (len(due) - len(dated))
    undated = [o["id"] for o in walked if not (o["deadline"] or {}).get("due_date")]
    assert undated == [i for i in ALL if i in undated], "without a due date, in text order"


async def test_by_due_date_within_a_window(client: httpx.AsyncClient) -> None:
    everything = await walk(client, "/v1/obligations?sort=due_date")
    dates = sorted(day for o in everything if (day := (o["deadline"] or {}).get("due_date")))
    window = await walk(client, f"/v1/obligations?sort=due_date&due_from={dates[1]}&limit=1")
    assert [o["deadline"]["due_date"] for o in window] == dates[1:]
