"""/v1/obligations and /v1/orders/{n}/obligations, over obligations written straight into the fixture database."""

from collections.abc import AsyncIterator
from datetime import date

import httpx
import pytest
from sqlalchemy import delete, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from app.models import Agency, Obligation, ObligationActor, Order
from tests.paging import walk


def row(**values: object) -> dict[str, object]:
    deadline = {"deadline_kind": None, "deadline_days": None, "due_date": None, "recurrence": None}
    return {**deadline, "deadline_event": None, **values}


@pytest.fixture(scope="module", autouse=True)
async def obligations(engine: AsyncEngine) -> AsyncIterator[None]:
    async with engine.begin() as conn:
        orders = dict((await conn.execute(select(Order.eo_number, Order.id))).all())
        agencies = dict((await conn.execute(select(Agency.slug, Agency.id))).all())
        await conn.execute(
            insert(Obligation),
            [
                row(
                    id="eo-15001-2-1",
                    order_id=orders[15001],
                    provision_id="eo-15001-2",
                    ordinal=1,
                    modal="shall",
                    action="publish a data quality framework",
                    text="the Secretary of Commerce ... shall publish a data quality framework.",
                    deadline_kind="days_after_signing",
                    deadline_days=90,
                    due_date=date(2030, 4, 5),
                ),
                row(
                    id="eo-15002-2-b-1",
                    order_id=orders[15002],
                    provision_id="eo-15002-2-b",
                    ordinal=1,
                    modal="shall",
                    action="issue guidance on retention",
                    text="The Attorney General shall issue guidance on retention.",
                ),
                row(
                    id="eo-15003-2-a-1",
                    order_id=orders[15003],
                    provision_id="eo-15003-2-a",
                    ordinal=1,
                    modal="shall",
                    action="report on outstanding deadlines",
                    text="the Secretary of the Treasury shall report on outstanding deadlines.",
                    deadline_kind="days_after_signing",
                    deadline_days=30,
                    due_date=date(2030, 7, 9),
                ),
            ],
        )
        await conn.execute(
            insert(ObligationActor),
            [
                {
                    "obligation_id": "eo-15001-2-1",
                    "position": 1,
                    "name": "Secretary of Commerce",
                    "agency_id": agencies["national-institute-of-standards-and-technology"],
                },
                {
                    "obligation_id": "eo-15002-2-b-1",
                    "position": 1,
                    "name": "Attorney General",
                    "agency_id": agencies["justice-department"],
                },
                {
                    "obligation_id": "eo-15003-2-a-1",
                    "position": 1,
                    "name": "Secretary of the Treasury",
                    "agency_id": None,
                },
                {"obligation_id": "eo-15003-2-a-1", "position": 2, "name": "Treasury Liaison", "agency_id": None},
            ],
        )
    yield
    async with engine.begin() as conn:
        await conn.execute(delete(Obligation))


async def ids(client: httpx.AsyncClient, query: str) -> list[str]:
    response = await client.get(f"/v1/obligations?{query}")
    assert response.status_code == 200, response.text
    return [o["id"] for o in response.json()["data"]]


async def test_shape(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/obligations")).json()
    assert body["meta"]["total"] == 3
    first = body["data"][0]
    assert first == {
        "id": "eo-15001-2-1",
        "eo_number": 15001,
        "provision_id": "eo-15001-2",
        "section": "2",
        "actors": [{"name": "Secretary of Commerce", "agency_slug": "national-institute-of-standards-and-technology"}],
        "modal": "shall",
        "action": "publish a data quality framework",
        "text": "the Secretary of Commerce ... shall publish a data quality framework.",
        "deadline": {
            "kind": "days_after_signing",
            "days": 90,
            "due_date": "2030-04-05",
            "recurrence": None,
            "event": None,
        },
        "order_status": "in_force",
    }
    assert body["data"][1]["deadline"] is None
    assert [a["name"] for a in body["data"][2]["actors"]] == ["Secretary of the Treasury", "Treasury Liaison"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("eo_number=15002", ["eo-15002-2-b-1"]),
        ("agency=commerce-department", ["eo-15001-2-1"]),
        ("agency=justice-department,commerce-department", ["eo-15001-2-1", "eo-15002-2-b-1"]),
        ("modal=shall", ["eo-15001-2-1", "eo-15002-2-b-1", "eo-15003-2-a-1"]),
        ("modal=may", []),
        ("due_from=2030-05-01", ["eo-15003-2-a-1"]),
        ("due_to=2030-05-01", ["eo-15001-2-1"]),
        ("has_deadline=true", ["eo-15001-2-1", "eo-15003-2-a-1"]),
        ("has_deadline=false", ["eo-15002-2-b-1"]),
        ("order_status=revoked", ["eo-15002-2-b-1"]),
    ],
)
async def test_filters(client: httpx.AsyncClient, query: str, expected: list[str]) -> None:
    assert await ids(client, query) == expected


async def test_order_obligations(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/orders/15003/obligations")).json()
    assert [o["id"] for o in body["data"]] == ["eo-15003-2-a-1"]
    included = (await client.get("/v1/orders/15003?include=obligations")).json()
    assert [o["id"] for o in included["obligations"]] == ["eo-15003-2-a-1"]
    assert included["counts"]["obligations"] == 1


async def test_agency_counts_obligations(client: httpx.AsyncClient) -> None:
    doj = (await client.get("/v1/agencies/justice-department")).json()
    assert doj["counts"] == {"orders": 1, "obligations": 1}


async def test_cursor_walk(client: httpx.AsyncClient) -> None:
    walked = [o["id"] for o in await walk(client, "/v1/obligations?limit=1")]
    assert walked == await ids(client, "limit=100")


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
