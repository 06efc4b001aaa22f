"""A list's statement is compiled once per shape: later requests of that shape must get their own values' answer."""

import httpx
import pytest


@pytest.mark.parametrize(
    ("parameter", "first", "second", "field"),
    [
        ("president", "donald-trump", "joe-biden", lambda order: order["president"]["slug"]),
        ("eo_number", "15001", "15004", lambda order: str(order["eo_number"])),
    ],
)
async def test_the_same_filter_with_another_value_answers_for_that_value(
    client: httpx.AsyncClient, parameter: str, first: str, second: str, field: object
) -> None:
    for value in (first, second, first):
        body = (await client.get("/v1/orders", params={parameter: value})).json()
        assert body["data"], value
        assert {field(order) for order in body["data"]} == {value}  # type: ignore[operator]
        assert body["meta"]["total"] == len(body["data"])


async def test_each_search_ranks_and_marks_its_own_words(client: httpx.AsyncClient) -> None:
    for word in ("quality", "liaison", "records", "quality"):
        found = (await client.get("/v1/provisions", params={"q": word})).json()["data"]
        assert found, word
        assert all(f"<mark>{word}" in provision["highlight"].lower() for provision in found), word


async def test_a_cursor_continues_from_its_own_page(client: httpx.AsyncClient) -> None:
    seen: list[tuple[str, int]] = []
    url: str | None = "/v1/orders?limit=1"
    while url:
        body = (await client.get(url)).json()
        seen += [(order["signing_date"], order["eo_number"]) for order in body["data"]]
        url = body["links"]["next"]
    assert len(set(seen)) == (await client.get("/v1/orders")).json()["meta"]["total"]
    assert seen == sorted(seen, reverse=True)  # newest first, each page after the one before


async def test_title_words_of_other_lengths_are_other_shapes(client: httpx.AsyncClient) -> None:
    """A short word must appear as written, a long one may be misspelt: the two compile to different SQL."""
    long_word = (await client.get("/v1/orders", params={"title": "Treasuy"})).json()["data"]
    short_word = (await client.get("/v1/orders", params={"title": "Open"})).json()["data"]
    assert [order["eo_number"] for order in long_word] == [15004]
    assert [order["eo_number"] for order in short_word] == [15002]
