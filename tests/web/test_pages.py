"""The explorer's pages over the fixture import: each shows what its JSON link returns, in the API's order."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from lxml import html

from app.web.rendering import CONTENT_SECURITY_POLICY as PAGE_CONTENT_SECURITY_POLICY
from app.web.rendering import anchor
from tests.paging import walk


async def page(client: httpx.AsyncClient, url: str, status: int = 200) -> html.HtmlElement:
    response = await client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    return html.fromstring(response.text)


def json_link(document: html.HtmlElement) -> str:
    [link] = document.xpath("//p[@class='json']/a/@href")
    return str(link)


async def test_the_front_page_lists_the_latest_orders_as_the_api_does(client: httpx.AsyncClient) -> None:
    document = await page(client, "/")
    shown = [int(href.rsplit("/", 1)[1]) for href in document.xpath("//ol[@class='orders']/li/a/@href")]
    api = (await client.get(json_link(document))).json()["data"]
    assert shown == [order["eo_number"] for order in api]
    assert shown == [o["eo_number"] for o in sorted(api, key=lambda o: o["signing_date"], reverse=True)]


async def test_filters_narrow_the_orders_and_the_json_link_asks_the_same(client: httpx.AsyncClient) -> None:
    document = await page(client, "/?q=&president=&agency=treasury-department&signed_from=2029-01-01&signed_to=")
    shown = [int(href.rsplit("/", 1)[1]) for href in document.xpath("//ol[@class='orders']/li/a/@href")]
    link = urlsplit(json_link(document))
    assert (link.path, parse_qs(link.query)) == (
        "/v1/orders",
        {"agency": ["treasury-department"], "signed_from": ["2029-01-01"]},
    )
    expected = await walk(client, "/v1/orders?agency=treasury-department&signed_from=2029-01-01")
    assert shown == [order["eo_number"] for order in expected]
    assert 0 < len(shown) < len(await walk(client, "/v1/orders"))


@pytest.mark.parametrize("url", ["/", "/deadlines"])
async def test_every_form_field_has_a_label(client: httpx.AsyncClient, url: str) -> None:
    document = await page(client, url)
    fields = document.xpath("//form//input[not(@type='hidden')] | //form//select")
    labelled = set(document.xpath("//label/@for"))
    assert fields and all(field.get("id") in labelled for field in fields)


async def test_a_search_shows_each_matching_provision_marked_and_linked_to_its_place(client: httpx.AsyncClient) -> None:
    document = await page(client, "/?q=treasury")
    hits = document.xpath("//ol[@class='hits']/li")
    api = await walk(client, json_link(document))
    assert len(hits) == len(api) > 0
    for hit, provision in zip(hits, api, strict=True):
        [href] = hit.xpath(".//h3/a/@href")
        assert href == f"/orders/{provision['eo_number']}#{provision['id'].split('-', 2)[2]}"
        assert [mark.text.lower() for mark in hit.xpath(".//mark")] == ["treasury"] * provision["highlight"].count(
            "<mark>"
        )
        order = await page(client, href.split("#")[0])
        assert order.get_element_by_id(href.split("#")[1]) is not None


async def test_an_order_page_has_its_outline_obligations_and_linked_relations(client: httpx.AsyncClient) -> None:
    document = await page(client, "/orders/15001")
    detail = (await client.get(json_link(document))).json()
    assert document.xpath("//h1/text()") == [detail["title"]]
    anchors = document.xpath("//div[contains(@class, 'provision')]/@id")
    assert anchors == [p["id"].removeprefix("eo-15001-") for p in detail["provisions"]]
    assert "2-a" in anchors
    rows = document.xpath("//table[@class='obligations']/tbody/tr/@id")
    assert rows == [o["id"] for o in detail["obligations"]] and rows
    relations = document.xpath("//ul[@class='relations']/li")
    assert [(li.text.strip(), li.xpath("a/@href")) for li in relations] == [
        (r["kind"].replace("_", " "), [f"/orders/{r['eo_number']}"]) for r in detail["relations"]
    ]
    assert ("revokes", ["/orders/15002"]) in [(li.text.strip(), li.xpath("a/@href")) for li in relations]


def outline_text(document: html.HtmlElement, provision_id: str) -> tuple[str, dict[str, tuple[str, int, int]]]:
    """A provision's text as its order's page shows it (without its "#" link), and where each mark in it lies."""
    [paragraph] = document.xpath(f"//div[@id='{anchor(provision_id)}']/p")
    text, marks = paragraph.text or "", {}
    for child in paragraph:
        if child.tag == "mark":
            marks[child.get("id")] = (provision_id, len(text), len(text) + len(child.text_content()))
            text += child.text_content() + (child.tail or "")
        else:  # the "#" link, which follows the text after a space
            text = text.removesuffix(" ")
    return text, marks


async def test_each_obligation_links_to_its_sentence_marked_in_the_text(client: httpx.AsyncClient) -> None:
    sentences_marked = 0
    for order in await walk(client, "/v1/orders"):
        document = await page(client, f"/orders/{order['eo_number']}")
        detail = (await client.get(json_link(document))).json()
        marks: dict[str, tuple[str, int, int]] = {}
        for provision in detail["provisions"]:
            shown, marked = outline_text(document, provision["id"])
            assert shown == provision["text"]
            marks |= marked
        first_of_sentence: dict[tuple[str, int, int], str] = {}
        for obligation in detail["obligations"]:
            sentence = (obligation["provision_id"], *obligation["span"])
            first_of_sentence.setdefault(sentence, f"ob-{obligation['id']}")
            [link] = document.xpath(f"//tr[@id='{obligation['id']}']//a[text()='(sentence)']/@href")
            assert link == f"#{first_of_sentence[sentence]}" and marks[link.removeprefix("#")] == sentence
        assert len(marks) == len(first_of_sentence)
        sentences_marked += len(marks)
    assert sentences_marked


async def test_a_relation_leads_to_the_other_order_which_names_it_back(client: httpx.AsyncClient) -> None:
    revoked = await page(client, "/orders/15002")
    back = [(li.text.strip(), li.xpath("a/@href")) for li in revoked.xpath("//ul[@class='relations']/li")]
    assert ("revoked by", ["/orders/15001"]) in back
    assert revoked.xpath("//dd[contains(@class, 'status')]/text()") == ["revoked"]


async def test_an_agency_page_lists_its_obligations_soonest_due_first(client: httpx.AsyncClient) -> None:
    document = await page(client, "/agencies/commerce-department")
    rows = document.xpath("//table[@class='obligations']/tbody/tr")
    api = await walk(client, json_link(document))
    assert [row.get("id") for row in rows] == [o["id"] for o in api] and rows
    due = [row.xpath("string(td[@class='due'])") for row in rows]
    dated = [day for day in due if day != "–"]
    assert due == sorted(dated) + ["–"] * (len(due) - len(dated))


async def test_upcoming_deadlines_start_today_unless_asked(client: httpx.AsyncClient) -> None:
    default = await page(client, "/deadlines")
    assert default.xpath("//input[@id='due_from']/@value") == [date.today().isoformat()]
    asked = await page(client, "/deadlines?due_from=2030-01-01&due_to=")
    due = [cell.text for cell in asked.xpath("//td[@class='due']/time")]
    everything = await walk(client, "/v1/obligations?sort=due_date")
    expected = sorted(d for o in everything if (d := (o["deadline"] or {}).get("due_date")) and d >= "2030-01-01")
    assert due == expected and expected


@pytest.mark.parametrize(
    ("url", "status", "named"),
    [
        ("/?bogus=1", 400, "bogus"),
        ("/?signed_from=2030-02-30", 422, "signed_from"),
        ("/deadlines?due_from=2030-01-02&due_to=2030-01-01", 422, "due_to"),
        ("/?president=nobody", 422, "president"),
        ("/?q=x&cursor=forged", 422, "cursor"),
        ("/orders/99999", 404, "executive order 99999"),
        ("/orders/abc", 422, "eo_number"),
        ("/agencies/no-such-agency", 404, "no-such-agency"),
    ],
)
async def test_bad_input_gets_a_page_naming_the_problem(
    client: httpx.AsyncClient, url: str, status: int, named: str
) -> None:
    document = await page(client, url, status)
    assert named in document.text_content()


async def test_pages_load_only_their_own_stylesheet(client: httpx.AsyncClient) -> None:
    response = await client.get("/orders/15001")
    assert response.headers["content-security-policy"] == PAGE_CONTENT_SECURITY_POLICY
    document = html.fromstring(response.text)
    assert not document.xpath("//script")
    [stylesheet] = document.xpath("//link[@rel='stylesheet']/@href")
    css = await client.get(stylesheet)
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")


@pytest.mark.parametrize("url", ["/docs", "/redoc"])
async def test_the_api_docs_need_no_internet(client: httpx.AsyncClient, url: str) -> None:
    document = await page(client, url)
    assets = document.xpath("//script/@src | //link/@href")
    assert assets and all(asset.startswith("/") for asset in assets), assets
    for asset in assets:
        assert (await client.get(asset)).status_code == 200, asset
    assert "://" not in "".join(document.xpath("//script/text()")).replace("window.location", "")


@pytest.mark.parametrize("q", ["15003", "EO 15003", "E.O. 15003", "executive order 15003"])
async def test_words_that_are_an_order_number_lead_to_that_order(client: httpx.AsyncClient, q: str) -> None:
    document = await page(client, f"/?q={q}")
    assert document.xpath("//p[@class='named']/a/@href") == ["/orders/15003"]


@pytest.mark.parametrize("q", ["15099", "treasury 15003"])
async def test_other_words_name_no_order(client: httpx.AsyncClient, q: str) -> None:
    document = await page(client, f"/?q={q}")
    assert document.xpath("//p[@class='named']") == []


async def test_an_agency_links_to_its_deadlines_still_to_come(client: httpx.AsyncClient) -> None:
    agency = await page(client, "/agencies/treasury-department")
    assert "/deadlines?agency=treasury-department" in agency.xpath("//main//a/@href")
    upcoming = await page(client, "/deadlines?agency=treasury-department&due_from=2030-01-01")
    shown = upcoming.xpath("//table[@class='obligations']/tbody/tr/@id")
    api = await walk(client, "/v1/obligations?agency=treasury-department&due_from=2030-01-01&sort=due_date")
    assert shown == [o["id"] for o in api] and shown
    everything = await walk(client, "/v1/obligations?agency=treasury-department")
    assert len(shown) < len(everything), "an obligation without a due date is not still to come"
