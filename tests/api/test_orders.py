"""/v1/orders against the fixture dump: filters, sorts, cursor walks, detail, errors."""

import httpx
import pytest

from tests.paging import walk

ALL = {15001, 15002, 15003, 15004}


async def numbers(client: httpx.AsyncClient, query: str) -> list[int]:
    response = await client.get(f"/v1/orders?{query}")
    assert response.status_code == 200, response.text
    return [order["eo_number"] for order in response.json()["data"]]


async def test_list_envelope_and_default_sort(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/orders")).json()
    assert body["meta"] == {"total": 4, "next_cursor": None}
    assert body["links"] == {"next": None}
    dates = [order["signing_date"] for order in body["data"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("president=joe-biden", [15004]),
        ("president=joe-biden,donald-trump", [15003, 15001, 15002, 15004]),
        ("signed_from=2030-01-01", [15003, 15001]),
        ("signed_to=2029-12-31", [15002, 15004]),
        ("signed_from=2029-03-03&signed_to=2029-03-03", [15002]),
        ("eo_number=15001,15004", [15001, 15004]),
        ("eo_number=15001&eo_number=15002", [15001, 15002]),
        ("agency=commerce-department", [15001]),
        ("agency=justice-department", [15002, 15003]),
        ("status=revoked", [15002]),
        ("status=amended", [15004]),
        ("status=in_force", [15003, 15001]),
        ("sort=eo_number", [15001, 15002, 15003, 15004]),
        ("sort=-eo_number", [15004, 15003, 15002, 15001]),
        ("sort=signing_date", [15004, 15002, 15001, 15003]),
    ],
)
async def test_filters_and_sorts(client: httpx.AsyncClient, query: str, expected: list[int]) -> None:
    found = await numbers(client, query)
    if query.startswith(("sort=", "president=joe-biden,")):
        assert found == expected
    else:
        assert sorted(found) == sorted(expected)


@pytest.mark.parametrize("sort", ["signing_date", "-signing_date", "eo_number", "-eo_number"])
async def test_cursor_walk_returns_every_order_once_in_order(client: httpx.AsyncClient, sort: str) -> None:
    full = await numbers(client, f"sort={sort}&limit=100")
    seen = [order["eo_number"] for order in await walk(client, f"/v1/orders?sort={sort}&limit=1")]
    assert seen == full
    assert set(seen) == ALL


async def test_cursor_keeps_filters(client: httpx.AsyncClient) -> None:
    first = (await client.get("/v1/orders?president=donald-trump&limit=2")).json()
    assert "president=donald-trump" in first["links"]["next"]
    second = (await client.get(first["links"]["next"])).json()
    assert [o["eo_number"] for o in first["data"] + second["data"]] == [15003, 15001, 15002]


async def test_order_detail(client: httpx.AsyncClient) -> None:
    order = (await client.get("/v1/orders/15001")).json()
    assert order["title"] == "Measuring Federal Data Quality"
    assert order["document_number"] == "2030-00101"
    assert order["president"] == {"slug": "donald-trump", "name": "Donald Trump"}
    assert order["signing_date"] == "2030-01-05"
    assert order["citation"] == "95 FR 1001"
    assert order["status"] == "in_force"
    assert order["agencies"] == [  # NIST from the FR metadata, Commerce from the text's Secretary of Commerce
        {"slug": "commerce-department", "name": "Commerce Department"},
        {
            "slug": "national-institute-of-standards-and-technology",
            "name": "National Institute of Standards and Technology",
        },
    ]
    assert {(r["kind"], r["eo_number"]) for r in order["relations"]} == {("revokes", 15002), ("see", 14409)}
    assert order["counts"]["provisions"] > 0
    assert order["text_format"] == "fr_xml"
    assert "provisions" not in order or order["provisions"] is None


async def test_relations_are_read_from_both_sides(client: httpx.AsyncClient) -> None:
    revoked = (await client.get("/v1/orders/15002")).json()
    assert revoked["status"] == "revoked"
    assert revoked["relations"] == [{"kind": "revoked_by", "eo_number": 15001, "partial": False}]
    amended = (await client.get("/v1/orders/15004")).json()
    assert amended["status"] == "amended"
    assert {"kind": "amended_by", "eo_number": 15003, "partial": False} in amended["relations"]


async def test_include_provisions_and_obligations(client: httpx.AsyncClient) -> None:
    order = (await client.get("/v1/orders/15001?include=provisions,obligations")).json()
    sections = [p["section"] for p in order["provisions"]]
    assert sections[:4] == [None, "1", "2", "2(a)"]
    assert "2(b)(ii)" in sections
    assert len(order["provisions"]) == order["counts"]["provisions"]
    assert [o["id"] for o in order["obligations"]] == ["eo-15001-2-a-1"]
    assert order["counts"]["obligations"] == 1


async def test_order_provisions_tree_in_text_order(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/orders/15001/provisions?limit=1000")).json()
    provisions = {p["id"]: p for p in body["data"]}
    assert body["meta"]["total"] == len(provisions)
    assert [p["position"] for p in body["data"]] == list(range(1, len(provisions) + 1))
    item = provisions["eo-15001-2-b-ii"]
    assert item["section"] == "2(b)(ii)"
    assert item["parent_id"] == "eo-15001-2-b"
    assert item["depth"] == 2
    assert item["ordinal"] == 2
    assert item["text"] == "(ii) the timeliness of publication; and"
    assert provisions["eo-15001-2"]["heading"] == "Measurement"


async def test_order_provisions_paginate(client: httpx.AsyncClient) -> None:
    ids = [p["id"] for p in await walk(client, "/v1/orders/15001/provisions?limit=5")]
    whole = (await client.get("/v1/orders/15001/provisions?limit=1000")).json()
    assert ids == [p["id"] for p in whole["data"]]


async def test_order_without_text_has_no_provisions(client: httpx.AsyncClient) -> None:
    order = (await client.get("/v1/orders/15004")).json()
    assert order["counts"] == {"provisions": 0, "obligations": 0}
    assert order["text_format"] is None


@pytest.mark.parametrize(
    ("url", "status", "parameter"),
    [
        ("/v1/orders?presidnt=x", 400, "presidnt"),
        ("/v1/orders?signed_from=yesterday", 422, "signed_from"),
        ("/v1/orders?signed_from=2020-02-30", 422, "signed_from"),
        ("/v1/orders?signed_from=2030-01-01&signed_to=2029-01-01", 422, "signed_to"),
        ("/v1/orders?president=nobody-at-all", 422, "president"),
        ("/v1/orders?president=Not A Slug", 422, "president"),
        ("/v1/orders?agency=ministry-of-magic", 422, "agency"),
        ("/v1/orders?eo_number=abc", 422, "eo_number"),
        ("/v1/orders?eo_number=-5", 422, "eo_number"),
        ("/v1/orders?status=lost", 422, "status"),
        ("/v1/orders?sort=title", 422, "sort"),
        ("/v1/orders?limit=0", 422, "limit"),
        ("/v1/orders?limit=1001", 422, "limit"),
        ("/v1/orders?limit=1&limit=2", 422, "limit"),
        ("/v1/orders?cursor=not-a-cursor", 422, "cursor"),
        ("/v1/orders?cursor=WyJlb19udW1iZXIiLCJ4Il0", 422, "cursor"),
        ("/v1/orders?cursor=WyItc2lnbmluZ19kYXRlIiwiMjAyMC1XMDEtMSIsMV0", 422, "cursor"),  # a week date
        ("/v1/orders?cursor=", 422, "cursor"),
        ("/v1/orders?signed_from=86400", 422, "signed_from"),
        ("/v1/orders?signed_to=2020-01-01T00:00:00", 422, "signed_to"),
        ("/v1/orders/15001?include=everything", 422, "include"),
        ("/v1/orders/15001?limit=5", 400, "limit"),
        ("/v1/orders/abc", 422, "eo_number"),
    ],
)
async def test_bad_input_is_a_problem_naming_the_parameter(
    client: httpx.AsyncClient, url: str, status: int, parameter: str
) -> None:
    response = await client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    assert parameter in problem["detail"]
    assert parameter in [error["parameter"] for error in problem["errors"]]


async def test_cursor_of_another_sort_is_refused(client: httpx.AsyncClient) -> None:
    cursor = (await client.get("/v1/orders?sort=eo_number&limit=1")).json()["meta"]["next_cursor"]
    response = await client.get(f"/v1/orders?sort=-signing_date&cursor={cursor}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["parameter"] == "cursor"


@pytest.mark.parametrize("url", ["/v1/orders/99999", "/v1/orders/99999/provisions", "/v1/orders/99999/obligations"])
async def test_unknown_order_is_404(client: httpx.AsyncClient, url: str) -> None:
    response = await client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert "99999" in response.json()["detail"]
