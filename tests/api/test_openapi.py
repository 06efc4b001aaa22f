"""The committed spec (openapi/v1.json) is exactly what the server serves, and typed enough for generated clients."""

import json
from pathlib import Path

import httpx

from app.cli import spec_json

COMMITTED = Path(__file__).resolve().parents[2] / "openapi" / "v1.json"


async def test_served_spec_equals_committed_spec(client: httpx.AsyncClient) -> None:
    served = (await client.get("/openapi.json")).json()
    assert COMMITTED.read_text(encoding="utf-8") == spec_json(served), (
        "openapi/v1.json is stale: regenerate it with `eokb openapi`"
    )


def test_every_operation_is_named_summarised_and_typed() -> None:
    spec = json.loads(COMMITTED.read_text(encoding="utf-8"))
    operation_ids = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            operation_ids.append(operation.get("operationId"))
            assert operation.get("operationId"), where
            assert operation.get("summary"), where
            for parameter in operation.get("parameters", []):
                assert parameter.get("description"), f"{where} {parameter['name']}"
            success = operation["responses"]["200"]["content"]
            assert success and all(content["schema"] for content in success.values()), where
            for status, response in operation["responses"].items():
                if status.startswith("4"):
                    assert list(response["content"]) == ["application/problem+json"], where
    assert len(operation_ids) == len(set(operation_ids))


def test_bulk_and_calendar_formats_are_declared() -> None:
    paths = json.loads(COMMITTED.read_text(encoding="utf-8"))["paths"]
    export = paths["/v1/export/provisions.{format}"]["get"]["responses"]["200"]["content"]
    assert set(export) == {"application/x-ndjson", "text/csv; charset=utf-8"}
    assert list(paths["/v1/obligations.ics"]["get"]["responses"]["200"]["content"]) == ["text/calendar"]
    assert "304" in paths["/v1/orders/{eo_number}"]["get"]["responses"]


def test_optional_query_parameters_are_left_out_rather_than_null() -> None:
    """A generated client types them `str | Unset`, not `None | str | Unset`."""
    spec = json.loads(COMMITTED.read_text(encoding="utf-8"))
    parameters = [
        p for operations in spec["paths"].values() for op in operations.values() for p in op.get("parameters", [])
    ]
    assert parameters
    for parameter in parameters:
        assert {"type": "null"} not in parameter["schema"].get("anyOf", []), parameter["name"]


def test_enum_members_are_named_for_generated_clients() -> None:
    schemas = json.loads(COMMITTED.read_text(encoding="utf-8"))["components"]["schemas"]
    sort = schemas["OrderSort"]
    assert dict(zip(sort["enum"], sort["x-enum-varnames"], strict=True))["-signing_date"] == "signing_date_desc"
