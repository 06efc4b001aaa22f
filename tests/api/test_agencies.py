"""/v1/agencies: the FR agency list with parents and counts."""

import httpx
import pytest

from tests.paging import walk


async def test_list_sorted_by_slug(client: httpx.AsyncClient) -> None:
    body = (await client.get("/v1/agencies")).json()
    slugs = [a["slug"] for a in body["data"]]
    assert body["meta"]["total"] == 5
    assert slugs == sorted(slugs)


async def test_one_agency_with_parent_and_counts(client: httpx.AsyncClient) -> None:
    nist = (await client.get("/v1/agencies/national-institute-of-standards-and-technology")).json()
    assert nist["short_name"] == "NIST"
    assert nist["parent_slug"] == "commerce-department"
    assert nist["federal_register_id"] == 352
    assert nist["counts"] == {"orders": 1, "obligations": 0}
    commerce = (await client.get("/v1/agencies/commerce-department")).json()
    assert commerce["parent_slug"] is None
    assert commerce["url"] == "https://www.federalregister.gov/agencies/commerce-department"


async def test_empty_url_is_null(client: httpx.AsyncClient) -> None:
    assert (await client.get("/v1/agencies/homeland-security-department")).json()["url"] is None


@pytest.mark.parametrize(
    ("q", "slugs"),
    [
        ("standards", ["national-institute-of-standards-and-technology"]),
        ("DOJ", ["justice-department"]),
        ("department treasury", ["treasury-department"]),
        ("100%", []),
    ],
)
async def test_name_search(client: httpx.AsyncClient, q: str, slugs: list[str]) -> None:
    body = (await client.get("/v1/agencies", params={"q": q})).json()
    assert [a["slug"] for a in body["data"]] == slugs


async def test_cursor_walk(client: httpx.AsyncClient) -> None:
    walked = [a["slug"] for a in await walk(client, "/v1/agencies?limit=2")]
    assert len(walked) == 5 and walked == sorted(walked)


async def test_unknown_agency_is_404(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/agencies/ministry-of-magic")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
