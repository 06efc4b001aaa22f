"""/v1/obligations.ics over the fixture database: the feed a calendar app subscribes to."""

from datetime import date

import httpx
import pytest
from icalendar import Calendar, Event

from tests.paging import walk


async def feed(client: httpx.AsyncClient, query: str = "") -> list[Event]:
    response = await client.get(f"/v1/obligations.ics?{query}")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content).events


def uids(events: list[Event]) -> list[str]:
    return [str(event["UID"]) for event in events]


async def test_one_event_per_obligation_with_a_due_date_soonest_first(client: httpx.AsyncClient) -> None:
    listed = await walk(client, "/v1/obligations?has_deadline=true&limit=1")
    dated = sorted(
        (o for o in listed if o["deadline"]["due_date"] is not None), key=lambda o: o["deadline"]["due_date"]
    )
    events = await feed(client)
    assert uids(events) == [f"{o['id']}@eokb" for o in dated]
    assert [event.start for event in events] == [date.fromisoformat(o["deadline"]["due_date"]) for o in dated]
    assert len(events) == 4


async def test_event_fields(client: httpx.AsyncClient) -> None:
    [event] = await feed(client, "eo_number=15001")
    assert event["UID"] == "eo-15001-2-a-1@eokb"
    assert event.start == date(2030, 4, 5)
    assert event["SUMMARY"] == "EO 15001 2(a): Secretary of Commerce — publish a data quality framework"
    assert event["URL"] == "http://eokb.test/v1/provisions/eo-15001-2-a"
    assert event["DESCRIPTION"].startswith("Within 90 days of the date of this order, the Secretary of Commerce")
    assert "Provision: eo-15001-2-a" in event["DESCRIPTION"]
    provision = await client.get(event["URL"])
    assert provision.status_code == 200
    assert provision.json()["id"] == "eo-15001-2-a"


async def test_the_feed_is_the_same_on_every_request(client: httpx.AsyncClient) -> None:
    first, second = (await client.get("/v1/obligations.ics")), (await client.get("/v1/obligations.ics"))
    assert first.content == second.content
    assert first.headers["content-disposition"] == 'inline; filename="eokb-obligations.ics"'


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("eo_number=15003", ["eo-15003-2-a-1", "eo-15003-2-d-1"]),
        ("agency=justice-department", ["eo-15003-2-d-1"]),
        ("agency=treasury-department&due_to=2030-07-31", ["eo-15003-2-a-1"]),
        ("has_deadline=false", []),
    ],
)
async def test_filters_narrow_the_feed(client: httpx.AsyncClient, query: str, expected: list[str]) -> None:
    assert uids(await feed(client, query)) == [f"{obligation_id}@eokb" for obligation_id in expected]


async def test_an_unknown_parameter_is_a_400(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/obligations.ics?limit=10")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"] == [{"parameter": "limit", "message": "unknown parameter"}]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("due_from=2030-13-01", "due_from"), ("agency=ministry-of-magic", "agency")],
)
async def test_bad_values_are_a_422(client: httpx.AsyncClient, query: str, parameter: str) -> None:
    response = await client.get(f"/v1/obligations.ics?{query}")
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["parameter"] == parameter
