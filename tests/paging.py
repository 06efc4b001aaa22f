"""Walking a list endpoint by `links.next`, as a client does, checking the envelope on every page."""

from typing import Any

import httpx


async def walk(client: httpx.AsyncClient, url: str) -> list[dict[str, Any]]:
    """Every record of the list at `url`, page by page; the total must hold on each page."""
    records: list[dict[str, Any]] = []
    total = None
    next_url: str | None = url
    while next_url:
        response = await client.get(next_url)
        assert response.status_code == 200, response.text
        body = response.json()
        total = body["meta"]["total"] if total is None else total
        assert body["meta"]["total"] == total
        assert (body["links"]["next"] is None) == (body["meta"]["next_cursor"] is None)
        records += body["data"]
        next_url = body["links"]["next"]
    assert len(records) == total
    keys = [str(record.get("id") or record.get("eo_number") or record.get("slug")) for record in records]
    assert len(set(keys)) == len(keys), "a record came twice"
    return records
