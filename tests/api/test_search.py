"""Full-text search (`q`, websearch syntax, ranked, highlighted) and typo-tolerant names and titles."""

import httpx
import pytest

from tests.paging import walk


async def search(client: httpx.AsyncClient, url: str) -> list[dict]:
    response = await client.get(url)
    assert response.status_code == 200, response.text
    return response.json()["data"]


async def test_a_phrase_ranks_the_provision_holding_it_first_with_a_highlight(client: httpx.AsyncClient) -> None:
    found = await search(client, '/v1/provisions?q="data quality framework"')
    assert found[0]["id"] == "eo-15001-2-a"
    assert "<mark>quality</mark>" in found[0]["highlight"]
    assert all("quality" in p["text"].lower() for p in found)


async def test_words_are_stemmed_and_can_be_excluded_or_alternated(client: httpx.AsyncClient) -> None:
    published = await search(client, "/v1/provisions?q=publishing&limit=100")
    assert published and all("publi" in p["text"].lower() for p in published)
    without = await search(client, "/v1/provisions?q=deadlines -treasury&limit=100")
    assert without and all("treasury" not in p["text"].lower() for p in without)
    either = await search(client, "/v1/provisions?q=guidance or framework&limit=100")
    assert {p["eo_number"] for p in either} == {15001, 15002}


async def test_search_combines_with_filters_and_every_hit_is_reachable(client: httpx.AsyncClient) -> None:
    everywhere = {p["id"] for p in await search(client, "/v1/provisions?q=shall&limit=1000")}
    in_one = await walk(client, "/v1/provisions?q=shall&eo_number=15003&limit=2")
    assert in_one and {p["id"] for p in in_one} < everywhere
    assert all(p["eo_number"] == 15003 and p["highlight"] for p in in_one)
    ranked = [p["id"] for p in await walk(client, "/v1/provisions?q=shall&limit=3")]
    assert sorted(ranked) == sorted(everywhere)


async def test_text_order_can_replace_relevance(client: httpx.AsyncClient) -> None:
    found = await search(client, "/v1/provisions?q=shall&sort=text_order&limit=1000")
    keys = [(p["eo_number"], p["position"]) for p in found]
    assert keys == sorted(keys)


async def test_obligations_are_searched_and_highlighted(client: httpx.AsyncClient) -> None:
    found = await search(client, "/v1/obligations?q=framework")
    assert found[0]["id"].startswith("eo-15001-2-a")
    assert "<mark>framework</mark>" in found[0]["highlight"]
    narrowed = await search(client, "/v1/obligations?q=framework&agency=treasury-department")
    assert narrowed == []


async def test_orders_match_on_title_or_text(client: httpx.AsyncClient) -> None:
    by_title = await search(client, "/v1/orders?q=liaison")
    assert [o["eo_number"] for o in by_title][0] == 15004  # "Naming the Treasury Liaison" ranks above a mention
    assert {o["eo_number"] for o in by_title} == {15003, 15004}
    highlights = {o["eo_number"]: o["highlight"] for o in by_title}
    assert highlights[15004] == "Naming the Treasury <mark>Liaison</mark>"  # the whole title, marked
    assert "<mark>liaison</mark>" in highlights[15003] and "designate" in highlights[15003]  # its provision
    assert [o["eo_number"] for o in await search(client, "/v1/orders?q=retention")] == [15002]


@pytest.mark.parametrize(
    ("url", "first"),
    [
        ("/v1/orders?title=mesuring data qualty", 15001),
        ("/v1/orders?title=records", 15002),
        ("/v1/agencies?q=tresury", "treasury-department"),
        ("/v1/agencies?q=justice", "justice-department"),
    ],
)
async def test_misspelt_names_and_titles_still_match(client: httpx.AsyncClient, url: str, first: object) -> None:
    found = await search(client, url)
    assert found[0].get("eo_number", found[0].get("slug")) == first


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/v1/provisions?sort=relevance", "sort"),
        ("/v1/orders?sort=relevance", "sort"),
        ("/v1/provisions?q=%20", "q"),
        ("/v1/obligations?q=" + "x" * 501, "q"),
        ("/v1/orders?title=", "title"),
    ],
)
async def test_bad_searches_are_named(client: httpx.AsyncClient, url: str, parameter: str) -> None:
    response = await client.get(url)
    assert response.status_code == 422
    assert parameter in response.json()["detail"]


@pytest.mark.parametrize("q", ['"unclosed', "a & | ! b", "-", "or or", "((", ":*"])
async def test_any_websearch_text_is_a_search_not_an_error(client: httpx.AsyncClient, q: str) -> None:
    response = await client.get("/v1/provisions", params={"q": q})
    assert response.status_code == 200
