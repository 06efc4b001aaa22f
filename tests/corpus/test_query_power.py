"""Search, facets, exports and caching over the whole corpus: the questions users ask, one request each."""

import csv
import io

import httpx
import pytest

from tests.conftest import CORPUS, corpus_order_count, corpus_orders_by_president

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "documents.jsonl").is_file(), reason=f"corpus not available at {CORPUS}"),
]


async def test_a_phrase_finds_eo_14409_first_with_a_highlight(corpus: httpx.AsyncClient) -> None:
    body = (await corpus.get("/v1/provisions", params={"q": '"covered frontier model"'})).json()
    first = body["data"][0]
    print(f"\n{body['meta']['total']} provisions; first {first['id']}: {first['highlight'][:120]}")
    assert first["eo_number"] == 14409
    assert "<mark>frontier</mark>" in first["highlight"]


async def test_an_excluded_word_and_a_president_filter_combine(corpus: httpx.AsyncClient) -> None:
    params = {"q": "artificial intelligence -cybersecurity", "president": "joe-biden", "limit": 1000}
    body = (await corpus.get("/v1/provisions", params=params)).json()
    biden = await corpus.get("/v1/orders", params={"president": "joe-biden", "fields": "eo_number", "limit": 1000})
    biden_orders = {order["eo_number"] for order in biden.json()["data"]}
    print(f"\n{body['meta']['total']} Biden provisions on AI without cybersecurity")
    assert body["meta"]["total"] == len(body["data"]) > 0
    assert all(provision["eo_number"] in biden_orders for provision in body["data"])
    assert all("cybersecurity" not in provision["text"].lower() for provision in body["data"])
    assert all("intelligence" in provision["text"].lower() for provision in body["data"])


async def test_orders_by_president_add_up(corpus: httpx.AsyncClient) -> None:
    body = (await corpus.get("/v1/orders/facets?by=president,year")).json()
    presidents = {value["value"]: value["count"] for value in body["facets"]["president"]}
    assert presidents == dict(corpus_orders_by_president())
    assert sum(presidents.values()) == body["total"] == corpus_order_count()
    assert sum(value["count"] for value in body["facets"]["year"]) == corpus_order_count()


async def test_the_provisions_export_holds_every_provision(corpus: httpx.AsyncClient) -> None:
    total = (await corpus.get("/v1/provisions?limit=1")).json()["meta"]["total"]
    async with corpus.stream("GET", "/v1/export/provisions.ndjson") as response:
        lines = sum([chunk.count(b"\n") async for chunk in response.aiter_bytes()])
    assert lines == total


async def test_obamas_orders_as_csv(corpus: httpx.AsyncClient) -> None:
    response = await corpus.get("/v1/export/orders.csv?president=barack-obama")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == corpus_orders_by_president()["barack-obama"] and {row["president_slug"] for row in rows} == {
        "barack-obama"
    }


async def test_an_unchanged_order_is_not_sent_again(corpus: httpx.AsyncClient) -> None:
    first = await corpus.get("/v1/orders/14409")
    again = await corpus.get("/v1/orders/14409", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
