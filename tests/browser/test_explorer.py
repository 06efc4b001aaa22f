"""A reporter in a real browser: Debian's Chromium, driven by Playwright, against `eokb serve` over the corpus.

Every request the pages make is watched: one that leaves the server is aborted and fails the test, so the pages
are shown to work with no internet. Screenshots of each step are kept in test-artifacts/browser (or
$EOKB_TEST_ARTIFACTS/browser) for a person to look at.
"""

import os
import re
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from tests.serving import eokb_serve

playwright = pytest.importorskip("playwright.async_api", reason="playwright is not installed (the dev extra has it)")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("EOKB_TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts"))
SHOTS = ARTIFACTS / "browser"
# Headless, and nothing of Chromium's own reaching out (updates, sync, safe browsing): only the pages' requests.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def server(corpus_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with eokb_serve({"EOKB_DATABASE_URL": corpus_db}, tmp_path_factory.mktemp("serve") / "serve.log") as base_url:
        yield base_url


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator["playwright.Browser"]:
    async with playwright.async_playwright() as driver:
        launched = await driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        await launched.close()


class Offline:
    """A page whose requests may only go to the server: any other is aborted and remembered."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.left: list[str] = []

    async def route(self, route: "playwright.Route") -> None:
        if route.request.url.startswith(self.base_url):
            await route.continue_()
        else:
            self.left.append(route.request.url)
            await route.abort()


@pytest.fixture
async def tab(browser: "playwright.Browser", server: str) -> AsyncIterator[tuple["playwright.Page", Offline]]:
    context = await browser.new_context(viewport={"width": 1100, "height": 900})
    offline = Offline(server)
    await context.route("**/*", offline.route)
    page = await context.new_page()
    yield page, offline
    await context.close()
    assert offline.left == [], "a page asked for something beyond the server"


async def shot(page: "playwright.Page", name: str, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=SHOTS / f"{name}.png", full_page=full_page)


def api(server: str, path: str) -> dict:
    response = httpx.get(f"{server}{path}")
    assert response.status_code == 200, response.text
    return response.json()


async def test_a_reporter_finds_eo_14409_and_reads_every_deadline_it_set(
    tab: tuple["playwright.Page", Offline], server: str
) -> None:
    page, _ = tab
    order = api(server, "/v1/orders/14409?include=provisions,obligations")
    await page.goto(server)

    # Step 1: search the front page's box, by keyboard.
    await page.get_by_label("Search the text of every order").fill("frontier model")
    await page.keyboard.press("Enter")
    await page.wait_for_url(re.compile(r"\?q=frontier\+model"))
    await shot(page, "1-search-frontier-model")

    # Step 2: open the order from its first hit.
    await page.get_by_role("link", name=re.compile(r"^EO 14409")).first.click()
    await page.wait_for_url(re.compile(r"/orders/14409#"))
    assert await page.get_by_role("heading", level=1).inner_text() == order["title"]
    await shot(page, "2-eo-14409")

    # Every deadline, with whom it binds: the table holds each obligation of the API's answer, in its order.
    table = page.locator("table.obligations")
    rows = table.locator("tbody tr")
    assert await rows.evaluate_all("rows => rows.map(row => row.id)") == [o["id"] for o in order["obligations"]]
    thirty = [o for o in order["obligations"] if (o["deadline"] or {}).get("days") == 30]
    assert thirty, "EO 14409 sets 30-day deadlines"
    shown = rows.filter(has=page.locator("td.deadline", has_text="30 days after signing"))
    assert await shown.count() == len(thirty)
    for row, obligation in zip(await shown.all(), thirty, strict=True):
        assert await row.locator("td.due").inner_text() == obligation["deadline"]["due_date"]
        assert obligation["actors"][0]["name"] in await row.inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    await table.screenshot(path=SHOTS / "3-eo-14409-obligations.png")

    # Each obligation links to its paragraph in the outline below.
    first = order["obligations"][0]["provision_id"].removeprefix("eo-14409-")
    await rows.first.get_by_role("link", name=re.compile("in the text")).click()
    await page.wait_for_url(re.compile(f"#{first}$"))
    assert await page.locator(f"[id='{first}']").is_visible()

    # And to its sentence there, highlighted: exactly the span the API gives.
    obligation = order["obligations"][0]
    [provision] = [p for p in order["provisions"] if p["id"] == obligation["provision_id"]]
    start, end = obligation["span"]
    await rows.first.get_by_role("link", name=re.compile("sentence")).click()
    await page.wait_for_url(re.compile(f"#ob-{obligation['id']}$"))
    sentence = page.locator("mark.obligation:target")
    assert await sentence.text_content() == provision["text"][start:end]
    assert await sentence.evaluate("mark => mark.getBoundingClientRect().top < window.innerHeight")
    await shot(page, "3b-eo-14409-sentence")


async def test_a_relation_leads_to_the_order_it_names_which_names_it_back(
    tab: tuple["playwright.Page", Offline], server: str
) -> None:
    """EO 14409 has no recorded relation (no Federal Register note, and its text names no other order), so the
    relations are followed from an order the same kind of search finds: EO 14319 refers to EO 13960, which refers
    to EO 14110, which a later order revoked."""
    page, _ = tab
    await page.goto(server)
    await page.get_by_label("Search the text of every order").fill("trustworthy artificial intelligence")
    await page.get_by_role("button", name="Search").click()
    await page.get_by_role("link", name=re.compile(r"^EO 14319")).first.click()
    await page.wait_for_url(re.compile(r"/orders/14319#"))

    await page.locator("ul.relations").get_by_role("link", name="EO 13960").click()
    await page.wait_for_url(re.compile(r"/orders/13960$"))
    assert "see EO 14319" in await page.locator("ul.relations").inner_text()
    await page.locator("ul.relations").get_by_role("link", name="EO 14110").click()
    await page.wait_for_url(re.compile(r"/orders/14110$"))
    await shot(page, "4-eo-14110-relations")

    await page.locator("ul.relations li", has_text="revoked by").get_by_role("link").first.click()
    await page.wait_for_url(re.compile(r"/orders/\d+$"))
    revoking = int(page.url.rsplit("/", 1)[1])
    expected = {"kind": "revokes", "eo_number": 14110, "partial": False}
    assert expected in api(server, f"/v1/orders/{revoking}")["relations"]
    assert "revokes EO 14110" in await page.locator("ul.relations").inner_text()


async def test_upcoming_deadlines_and_an_agency_read_on_a_phone(
    tab: tuple["playwright.Page", Offline], server: str
) -> None:
    page, _ = tab
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(f"{server}/deadlines?due_from=2026-06-01&due_to=2026-12-31")
    due = await page.locator("td.due").all_inner_texts()
    assert due and due == sorted(due) and all("2026-06-01" <= day <= "2026-12-31" for day in due)
    assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    await shot(page, "5-deadlines-phone")

    await page.goto(f"{server}/orders/14409")
    assert await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    await page.get_by_role("link", name="Treasury Department").first.click()
    await page.wait_for_url(re.compile(r"/agencies/treasury-department$"))
    agency_due = [day for day in await page.locator("td.due").all_inner_texts() if day != "–"]
    assert agency_due == sorted(agency_due) and agency_due
    await shot(page, "6-treasury-phone", full_page=False)

    # The first Tab reaches the skip link, which takes the keyboard past the navigation.
    await page.keyboard.press("Tab")
    assert await page.evaluate("document.activeElement.textContent") == "Skip to content"


@pytest.mark.parametrize(("path", "operation"), [("/docs", ".opblock"), ("/redoc", "[data-section-id^='operation/']")])
async def test_the_api_docs_render_every_operation_offline(
    tab: tuple["playwright.Page", Offline], server: str, path: str, operation: str
) -> None:
    page, _ = tab
    spec = api(server, "/openapi.json")
    operations = sum(len(methods) for methods in spec["paths"].values())
    await page.goto(f"{server}{path}")
    await page.wait_for_selector(operation, timeout=30_000)
    assert await page.locator(operation).count() == operations
    await shot(page, f"7-api-docs{path.replace('/', '-')}")
