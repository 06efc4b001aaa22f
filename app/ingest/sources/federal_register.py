"""The Federal Register API as a source of executive orders: listed by date slices, full text fetched per order.

A polite client: at most `rate` requests a second, a timeout on every request, retries with exponential backoff and
jitter on 429 (honouring Retry-After), 5xx and connection errors, and a User-Agent naming eokb. The FR API silently
caps a query at 10,000 results and turns a bad per_page into 20, so listings are sliced by date (one slice per year
holds at most a few hundred orders) and each slice's `count` is checked against what arrived.
"""

import asyncio
import random
import time
from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import httpx
from lxml import html as lxml_html

from app import __version__
from app.settings import Settings

# Every field eokb keeps (see app.ingest.document.FRDocument).
FIELDS = (
    "document_number",
    "executive_order_number",
    "title",
    "president",
    "signing_date",
    "publication_date",
    "citation",
    "executive_order_notes",
    "disposition_notes",
    "agencies",
    "html_url",
    "full_text_xml_url",
    "raw_text_url",
    "body_html_url",
)
PER_PAGE = 1000
_RETRY_STATUSES = {429, 500, 502, 503, 504}


class SourceError(Exception):
    """The FR API did not give what was asked, after retries: a listing that fell short, a document not served."""


class RateLimiter:
    """Spaces request starts at least 1/rate seconds apart, across every task using the client."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.02 / rate  # a hair over the limit, so network jitter cannot push two into one slot
        self._next = 0.0
        self._lock = asyncio.Lock()

    async def wait(self) -> None:
        async with self._lock:
            now = time.monotonic()
            if self._next > now:
                await asyncio.sleep(self._next - now)
            self._next = max(now, self._next) + self.interval


class FederalRegisterClient:
    def __init__(
        self,
        base_url: str,
        rate: float = 5.0,
        timeout: float = 30.0,
        retries: int = 6,
        backoff: float = 0.5,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.limiter = RateLimiter(rate)
        self.retries = retries
        self.backoff = backoff
        self.requests = 0
        self._http = httpx.AsyncClient(
            timeout=timeout,
            headers={"User-Agent": f"eokb/{__version__} (executive orders knowledge base)"},
            follow_redirects=True,
            transport=transport,
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> "FederalRegisterClient":
        return cls(settings.fr_api_url, rate=settings.fr_requests_per_second, timeout=settings.fr_timeout_seconds)

    async def __aenter__(self) -> "FederalRegisterClient":
        return self

    async def __aexit__(self, *_: object) -> None:
        await self._http.aclose()

    async def get(self, url: str, params: list[tuple[str, str]] | None = None) -> httpx.Response:
        """GET with the rate limit, retrying what a retry can fix; raises SourceError when it cannot."""
        reason, delay = "", 0.0
        for attempt in range(self.retries + 1):
            await asyncio.sleep(delay)
            await self.limiter.wait()
            self.requests += 1
            try:
                response = await self._http.get(url, params=params)
            except httpx.TransportError as error:
                reason = f"{type(error).__name__}: {error}"
                delay = self._delay(attempt)
            else:
                if response.status_code not in _RETRY_STATUSES:
                    if response.status_code >= 400:
                        raise SourceError(f"{response.request.url} answered {response.status_code}")
                    return response
                reason = f"{response.status_code}"
                delay = max(self._delay(attempt), _retry_after(response))
        raise SourceError(f"{url}: gave up after {self.retries + 1} attempts ({reason})")

    def _delay(self, attempt: int) -> float:
        """Exponential backoff with full jitter."""
        return random.uniform(0, self.backoff * 2**attempt)

    async def agencies(self) -> list[dict[str, Any]]:
        response = await self.get(f"{self.base_url}/agencies.json")
        return response.json()

    async def executive_orders(self, field: str, start: date) -> AsyncIterator[dict[str, Any]]:
        """Every executive order whose `field` (signing_date or publication_date) is on or after `start`: one slice
        per calendar year up to this one, the last open-ended, each checked against the count the API reports."""
        this_year = date.today().year
        for year in range(start.year, max(start.year, this_year) + 1):
            low = max(start, date(year, 1, 1))
            high = date(year, 12, 31) if year < this_year else None
            async for document in self._slice(field, low, high):
                yield document

    async def _slice(self, field: str, low: date, high: date | None) -> AsyncIterator[dict[str, Any]]:
        bounds = [(f"conditions[{field}][gte]", low.isoformat())]
        if high:
            bounds.append((f"conditions[{field}][lte]", high.isoformat()))
        params = [
            ("conditions[type][]", "PRESDOCU"),
            ("conditions[presidential_document_type][]", "executive_order"),
            *bounds,
            ("per_page", str(PER_PAGE)),
            ("order", "executive_order_number"),
            *(("fields[]", name) for name in FIELDS),
        ]
        received, page, count = 0, 1, None
        while True:
            body = (await self.get(f"{self.base_url}/documents.json", [*params, ("page", str(page))])).json()
            count = body.get("count", 0) if count is None else count
            results = body.get("results") or []
            for document in results:
                yield document
            received += len(results)
            if not results or received >= count or not body.get("next_page_url"):
                break
            page += 1
        if received < count:
            raise SourceError(f"{field} {low}..{high or ''}: the API counted {count} orders but served {received}")

    async def document(self, document_number: str) -> dict[str, Any]:
        params = [("fields[]", name) for name in FIELDS]
        return (await self.get(f"{self.base_url}/documents/{document_number}.json", params)).json()

    async def body(self, document: dict[str, Any]) -> tuple[bytes | None, str | None, str]:
        """The order's full text: FR XML first, else the raw text, else the body HTML as text; and its URL."""
        if document.get("full_text_xml_url"):
            url = document["full_text_xml_url"]
            return (await self.get(url)).content, None, url
        if document.get("raw_text_url"):
            url = document["raw_text_url"]
            return None, (await self.get(url)).text, url
        if document.get("body_html_url"):
            url = document["body_html_url"]
            return None, html_to_text((await self.get(url)).text), url
        return None, None, ""


def html_to_text(markup: str) -> str:
    """Body HTML -> one paragraph per line, as the text parser reads it."""
    tree = lxml_html.fromstring(markup or "<div></div>")
    blocks = tree.xpath("//p|//h1|//h2|//h3|//h4|//li")
    lines = [" ".join(block.text_content().split()) for block in blocks] or [" ".join(tree.text_content().split())]
    return "\n".join(line for line in lines if line) + "\n"


def _retry_after(response: httpx.Response) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return 0.0
