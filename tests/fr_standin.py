"""A stand-in for the Federal Register API on loopback, serving a corpus-format folder in the FR response shape.

It keeps the FR's rules that a client must cope with: `per_page` above 1000 or not a number silently becomes 20,
`page` is clamped, a query yields at most 10,000 results while `count` tells the true total. Faults can be injected:
every Nth request fails (500 and 503 in turn), a request beyond the rate limit in any one second gets 429 with
Retry-After, and
orders signed after a date can be hidden and then revealed. Every request is logged for the tests to inspect.
"""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

CAP = 10_000


@dataclass
class Request:
    at: float
    path: str
    status: int


@dataclass
class StandIn:
    folder: Path
    fail_every: int = 0
    rate_limit: float | None = None
    hidden_after: str | None = None  # ISO date: orders signed later are not served
    requests: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.documents: list[dict[str, Any]] = []
        for line in (self.folder / "documents.jsonl").read_bytes().splitlines():
            try:
                self.documents.append(json.loads(line))
            except ValueError:
                continue  # the FR never serves a broken record
        self.documents.sort(key=lambda d: d.get("executive_order_number") or 0)
        self._lock = threading.Lock()
        self._accepted: list[float] = []  # when the requests of the last second arrived
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/api/v1"

    def __enter__(self) -> "StandIn":
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def reveal(self) -> None:
        self.hidden_after = None

    # -- what the API answers ----------------------------------------------------------------------------------------

    def answer(self, target: str) -> tuple[int, dict[str, str], bytes]:
        """The answer to one request; `target` is the path with its query, as logged.

        A request takes its place in the log as it arrives, so the numbering that picks the failing ones holds
        even when a client that gave up on a slow answer asks again while the first is still being served.
        """
        url = urlparse(target)
        path, query = url.path, parse_qs(url.query)
        with self._lock:
            now = time.monotonic()
            logged = Request(now, target, 0)
            self.requests.append(logged)
            number = len(self.requests)
            recent = [at for at in self._accepted if now - at < 1.0]
            if self.rate_limit and len(recent) >= self.rate_limit:
                logged.status = 429
                return 429, {"Retry-After": "1"}, b'{"status": 429}'
            self._accepted = [*recent, now]
            if self.fail_every and number % self.fail_every == 0:
                logged.status = 500 if (number // self.fail_every) % 2 else 503
                return logged.status, {}, b"{}"
        logged.status, body = self._route(path.removeprefix("/api/v1"), query)
        return logged.status, {}, body

    def _route(self, path: str, query: dict[str, list[str]]) -> tuple[int, bytes]:
        if path == "/agencies.json":
            return 200, (self.folder / "agencies.json").read_bytes()
        if path == "/documents.json":
            return 200, json.dumps(self._search(query)).encode()
        if path.startswith("/documents/") and path.endswith(".json"):
            key = path.removeprefix("/documents/").removesuffix(".json")
            found = [d for d in self._visible() if _key(d) == key]
            return (200, json.dumps(self._shape(found[0], query.get("fields[]"))).encode()) if found else (404, b"{}")
        for prefix, kind in (("/full_text/", "xml"), ("/raw_text/", "text")):
            if path.startswith(prefix):
                key = path.removeprefix(prefix).rsplit(".", 1)[0]
                found = [d for d in self._visible() if _key(d) == key and (d.get("corpus") or {}).get(kind)]
                file = self.folder / found[0]["corpus"][kind] if found else None
                return (200, file.read_bytes()) if file and file.is_file() else (404, b"not found")
        return 404, b"{}"

    def _visible(self) -> list[dict[str, Any]]:
        return [
            d for d in self.documents if not self.hidden_after or (d.get("signing_date") or "") <= self.hidden_after
        ]

    def _search(self, query: dict[str, list[str]]) -> dict[str, Any]:
        if query.get("conditions[presidential_document_type][]") != ["executive_order"]:
            return {"count": 0, "results": []}
        matches = self._visible()
        for name in ("signing_date", "publication_date"):
            low, high = query.get(f"conditions[{name}][gte]"), query.get(f"conditions[{name}][lte]")
            if low:
                matches = [d for d in matches if _date_of(d, name) >= low[0]]
            if high:
                matches = [d for d in matches if _date_of(d, name) and _date_of(d, name) <= high[0]]
        per_page = _int(query.get("per_page"), 20)
        per_page = per_page if 1 <= per_page <= 1000 else 20
        retrievable = matches[:CAP]
        pages = max(1, -(-len(retrievable) // per_page))
        page = min(max(_int(query.get("page"), 1), 1), pages)
        results = retrievable[(page - 1) * per_page : page * per_page]
        body: dict[str, Any] = {
            "count": len(matches),
            "total_pages": pages,
            "results": [self._shape(d, query.get("fields[]")) for d in results],
        }
        if page < pages:
            body["next_page_url"] = "next"  # the client follows page numbers; the FR gives a full URL here
        return body

    def _shape(self, document: dict[str, Any], fields: list[str] | None) -> dict[str, Any]:
        """The FR shape: this server's full-text URLs, only the fields asked for."""
        corpus = document.get("corpus") or {}
        key = _key(document)
        shaped = {k: v for k, v in document.items() if k != "corpus"}
        shaped["full_text_xml_url"] = f"{self.base_url}/full_text/{key}.xml" if corpus.get("xml") else None
        shaped["raw_text_url"] = f"{self.base_url}/raw_text/{key}.txt" if corpus.get("text") else None
        shaped["body_html_url"] = None
        return {k: v for k, v in shaped.items() if not fields or k in fields}


def _date_of(document: dict[str, Any], name: str) -> str:
    """A document's date for filtering; the FR publishes every order, so one the corpus lacks a publication date
    for is taken as published when signed."""
    return document.get(name) or (document.get("signing_date") if name == "publication_date" else None) or ""


def _key(document: dict[str, Any]) -> str:
    return document.get("document_number") or f"EO-{document.get('executive_order_number')}"


def _int(values: list[str] | None, default: int) -> int:
    try:
        return int(values[0]) if values else default
    except ValueError:
        return default


def _handler(stand_in: StandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            status, headers, body = stand_in.answer(self.path)
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    return Handler
