"""The ceiling: eokb's list and detail endpoints written by hand, to show how fast this machine can serve them.

A minimal FastAPI app on a raw asyncpg pool, Postgres building each record as JSON and orjson wrapping the page: no
ORM, no Pydantic models, no middleware. It serves the same records with the same fields as eokb (order records with
president, relations, agencies, counts and URLs; an order's provisions in text order), so eokb's req/s over this
one's says how much of the machine eokb's own layers cost. bench/run.py starts it; to try it alone:

    EOKB_DATABASE_URL=postgresql://... .venv/bin/python bench/ceiling.py --port 8001 [--workers 1]
"""

import base64
import os
from contextlib import asynccontextmanager
from datetime import date
from typing import Annotated

import asyncpg
import orjson
import typer
from export_throughput import serve_factory
from fastapi import FastAPI, Request
from fastapi.responses import Response

from app.ingest.relations import INVERSE

# The pool eokb's engine keeps open (EOKB_DB_POOL_SIZE by default).
POOL_SIZE = 20
SORT = "-signing_date"

_INVERSE_KIND = "CASE r.kind " + " ".join(f"WHEN '{kind}' THEN '{back}'" for kind, back in INVERSE.items()) + " END"

ORDER_FIELDS = f"""
    'eo_number', o.eo_number, 'document_number', o.document_number, 'title', o.title,
    'president', json_build_object('slug', o.president_slug, 'name', pr.name),
    'signing_date', o.signing_date, 'publication_date', o.publication_date, 'citation', o.citation,
    'status', o.status, 'disposition_notes', o.disposition_notes,
    'relations', (SELECT coalesce(json_agg(json_build_object('kind', rel.kind, 'eo_number', rel.eo_number,
                                                             'partial', rel.partial) ORDER BY rel.eo_number, rel.kind),
                                  '[]')
                  FROM (SELECT r.kind, r.target_eo_number AS eo_number, r.partial
                        FROM order_relations r WHERE r.order_id = o.id
                        UNION
                        SELECT {_INVERSE_KIND}, source.eo_number, r.partial
                        FROM order_relations r JOIN orders source ON source.id = r.order_id
                        WHERE r.target_eo_number = o.eo_number
                          AND NOT EXISTS (SELECT 1 FROM order_relations own
                                          WHERE own.order_id = o.id AND own.target_eo_number = source.eo_number
                                            AND own.kind = {_INVERSE_KIND})) rel),
    'agencies', (SELECT coalesce(json_agg(json_build_object('slug', a.slug, 'name', a.name) ORDER BY a.slug), '[]')
                 FROM order_agencies oa JOIN agencies a ON a.id = oa.agency_id WHERE oa.order_id = o.id),
    'counts', json_build_object('provisions', (SELECT count(*) FROM provisions p WHERE p.order_id = o.id),
                                'obligations', (SELECT count(*) FROM obligations ob WHERE ob.order_id = o.id)),
    'urls', json_build_object('federal_register', o.html_url, 'full_text_xml', o.full_text_xml_url,
                              'body_html', o.body_html_url, 'raw_text', o.raw_text_url),
    'text_format', o.text_format, 'text_source', o.text_source,
    'updated_at', o.updated_at, 'status_changed_at', o.status_changed_at"""

PROVISIONS_JSON = """(SELECT coalesce(json_agg(json_build_object(
        'id', p.id, 'eo_number', o.eo_number, 'section', p.section, 'kind', p.kind, 'heading', p.heading,
        'text', p.text, 'depth', p.depth, 'parent_id', p.parent_id, 'ordinal', p.ordinal, 'position', p.position)
        ORDER BY p.position), '[]')
    FROM provisions p WHERE p.order_id = o.id)"""

# A page, newest first, and the total in the same round trip (Postgres runs the uncorrelated count once).
_PAGE = f"""SELECT o.signing_date, o.eo_number, json_build_object({ORDER_FIELDS})::text AS record,
                   (SELECT count(*) FROM orders WHERE president_slug = ANY($1::text[])) AS total
            FROM orders o JOIN presidents pr ON pr.slug = o.president_slug
            WHERE o.president_slug = ANY($1::text[]) {{after}}
            ORDER BY o.signing_date DESC, o.eo_number DESC LIMIT $2"""
FIRST_PAGE = _PAGE.format(after="")
NEXT_PAGE = _PAGE.format(after="AND (o.signing_date, o.eo_number) < ($3, $4)")

DETAIL = f"""SELECT json_build_object({ORDER_FIELDS}, 'provisions', {PROVISIONS_JSON})::text
             FROM orders o JOIN presidents pr ON pr.slug = o.president_slug WHERE o.eo_number = $1"""


def _json(body: bytes | str, status: int = 200) -> Response:
    return Response(body, status_code=status, media_type="application/json")


def _cursor(signing_date: date, eo_number: int) -> str:
    """The same opaque keyset cursor eokb issues for this sort."""
    payload = orjson.dumps([SORT, signing_date.isoformat(), eo_number])
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def _after(cursor: str) -> tuple[date, int]:
    _, signing_date, eo_number = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    return date.fromisoformat(signing_date), eo_number


async def list_orders(request: Request, president: str = "", limit: int = 20, cursor: str | None = None) -> Response:
    presidents = president.split(",")
    async with request.app.state.pool.acquire() as conn:
        if cursor:
            rows = await conn.fetch(NEXT_PAGE, presidents, limit + 1, *_after(cursor))
        else:
            rows = await conn.fetch(FIRST_PAGE, presidents, limit + 1)
    next_cursor = next_url = None
    if len(rows) > limit:
        rows = rows[:limit]
        next_cursor = _cursor(rows[-1]["signing_date"], rows[-1]["eo_number"])
        next_url = str(request.url.include_query_params(cursor=next_cursor))
    page = {
        "data": [orjson.Fragment(row["record"]) for row in rows],
        "meta": {"total": rows[0]["total"] if rows else 0, "next_cursor": next_cursor},
        "links": {"next": next_url},
    }
    return _json(orjson.dumps(page))


async def get_order(request: Request, eo_number: int) -> Response:
    async with request.app.state.pool.acquire() as conn:
        detail = await conn.fetchval(DETAIL, eo_number)
    if detail is None:
        return _json(b'{"status": 404}', 404)
    return _json(detail)


def create_app() -> FastAPI:
    url = os.environ["EOKB_DATABASE_URL"].replace("postgresql+asyncpg://", "postgresql://")

    @asynccontextmanager
    async def pool(app: FastAPI):
        async with asyncpg.create_pool(url, min_size=POOL_SIZE, max_size=POOL_SIZE) as app.state.pool:
            yield

    app = FastAPI(lifespan=pool)
    app.get("/v1/orders")(list_orders)
    app.get("/v1/orders/{eo_number}")(get_order)
    return app


def main(
    port: Annotated[int, typer.Option(help="Port to listen on (127.0.0.1).")] = 8001,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes: give it as many as eokb has.")] = 1,
) -> None:
    """Serve the hand-written list and detail endpoints from EOKB_DATABASE_URL."""
    if not os.environ.get("EOKB_DATABASE_URL"):
        raise SystemExit("set EOKB_DATABASE_URL to a database holding orders")
    serve_factory("ceiling:create_app", port, workers)


if __name__ == "__main__":
    typer.run(main)
