"""/v1/export: every matching record as NDJSON or CSV, the same records as the lists."""

import csv
import io
import json

import httpx
import pytest

from tests.paging import walk


@pytest.mark.parametrize(
    ("resource", "filters"),
    [
        ("orders", ""),
        ("provisions", ""),
        ("provisions", "q=shall&eo_number=15003"),
        ("obligations", "agency=treasury-department"),
    ],
)
async def test_ndjson_holds_the_lists_records(client: httpx.AsyncClient, resource: str, filters: str) -> None:
    response = await client.get(f"/v1/export/{resource}.ndjson?{filters}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/x-ndjson"
    assert response.headers["content-disposition"] == f'attachment; filename="eokb-{resource}.ndjson"'
    exported = [json.loads(line) for line in response.text.splitlines()]
    listed = await walk(client, f"/v1/{resource}?limit=1000&{filters}")
    key = "eo_number" if resource == "orders" else "id"
    by_key = {record[key]: record for record in listed}
    assert len(exported) == len(listed) > 0
    for record in exported:
        assert record == {name: value for name, value in by_key[record[key]].items() if name != "highlight"}


def table(response: httpx.Response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.text)))


async def test_orders_csv_has_a_header_and_a_row_per_order(client: httpx.AsyncClient) -> None:
    rows = table(await client.get("/v1/export/orders.csv?president=donald-trump"))
    assert len(rows) == (await client.get("/v1/orders?president=donald-trump")).json()["meta"]["total"]
    revoking = next(row for row in rows if row["eo_number"] == "15001")
    assert revoking["president_slug"] == "donald-trump" and revoking["title"] == "Measuring Federal Data Quality"
    assert "revokes" in revoking["relations_kind"].split("; ")


async def test_obligations_csv_joins_actors_and_spreads_the_deadline(client: httpx.AsyncClient) -> None:
    rows = {row["id"]: row for row in table(await client.get("/v1/export/obligations.csv?eo_number=15003"))}
    listed = {o["id"]: o for o in (await client.get("/v1/obligations?eo_number=15003&limit=1000")).json()["data"]}
    assert rows.keys() == listed.keys()
    for id_, row in rows.items():
        obligation = listed[id_]
        assert row["actors_name"] == "; ".join(actor["name"] for actor in obligation["actors"])
        deadline = obligation["deadline"] or {}
        assert row["deadline_kind"] == (deadline.get("kind") or "")
        assert row["deadline_due_date"] == (deadline.get("due_date") or "")


async def test_an_empty_export_still_has_its_header(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/export/provisions.csv?q=zzzyzzx")
    assert response.text.splitlines() == [response.text.splitlines()[0]]
    assert response.text.startswith("id,eo_number,section,")


@pytest.mark.parametrize(
    ("url", "status", "parameter"),
    [
        ("/v1/export/orders.xml", 422, "format"),
        ("/v1/export/orders.csv?president=nobody", 422, "president"),
        ("/v1/export/provisions.ndjson?limit=10", 400, "limit"),
        ("/v1/export/obligations.csv?due_from=2030-02-30", 422, "due_from"),
    ],
)
async def test_bad_exports_are_refused_before_streaming(
    client: httpx.AsyncClient, url: str, status: int, parameter: str
) -> None:
    response = await client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert parameter in response.json()["detail"]
