"""The explorer: pages for people, built from the same queries as the API, each linking to the JSON behind it."""

from collections.abc import Callable, Coroutine
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

import orjson
from fastapi import APIRouter, Path, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncConnection
from starlette.responses import HTMLResponse

from app.api import problems
from app.api.listing import query_of, record
from app.db import Conn
from app.queries import agencies, obligations, orders, provisions
from app.queries.order_detail import order_detail
from app.queries.pagination import Page
from app.schemas.agencies import Agency
from app.schemas.params import OrderFacetQuery, OrderListQuery, StrictQuery
from app.web.forms import DeadlinesForm, Paged, SearchForm, agency_obligations
from app.web.rendering import marked_sentences, render

EoNumber = Annotated[int, Path(gt=0, lt=100000)]
AgencySlug = Annotated[str, Path(pattern=r"^[a-z0-9-]{1,200}$")]


class PageRoute(APIRoute):
    """A page answers a problem (bad parameter, unknown order, database down) with an HTML page saying what the
    API would say, with the API's status code and headers."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def handle_as_page(request: Request) -> Response:
            try:
                return await handle(request)
            except Exception as exc:
                answer = await problems.problem_for(request, exc)
                headers = {name: value for name, value in answer.headers.items() if name == "retry-after"}
                problem = orjson.loads(answer.body)
                return render(request, "problem.html", {"problem": problem}, answer.status_code, headers)

        return handle_as_page


router = APIRouter(route_class=PageRoute, include_in_schema=False, default_response_class=HTMLResponse)


def _records(page: Page) -> list[dict[str, Any]]:
    return [orjson.loads(record(row)) for row in page.rows]


async def _orders_numbered(conn: AsyncConnection, numbers: set[int]) -> dict[int, dict[str, Any]]:
    """The order records of these numbers (those that exist), by number."""
    if not numbers:
        return {}
    page = await orders.list_orders(conn, OrderListQuery(eo_number=sorted(numbers), limit=len(numbers)))
    return {order["eo_number"]: order for order in _records(page)}


def _api_url(path: str, query: StrictQuery) -> str:
    """The API request that answers the same query as the page: its "JSON" link."""
    given = query.model_dump(mode="json", exclude_defaults=True)
    values = {name: ",".join(map(str, value)) if isinstance(value, list) else value for name, value in given.items()}
    return f"{path}?{urlencode(values)}" if values else path


def _listing(request: Request, page: Page, json_url: str) -> dict[str, Any]:
    """What every list page shows around its records: the total, the next page's link and the JSON's."""
    given = {name: value for name, value in request.query_params.items() if value and name != "cursor"}
    next_page = f"?{urlencode(given | {'cursor': page.next_cursor})}" if page.next_cursor else None
    return {"total": page.total, "next_page": next_page, "json_url": json_url}


@router.get("/")
async def search(request: Request, conn: Conn, form: Annotated[SearchForm, query_of(SearchForm, True)]) -> Response:
    """Provisions matching the words, or without words the orders the filters leave, newest first."""
    counted = await orders.facet_counts(conn, OrderFacetQuery(by=["president", "agency"]))
    context: dict[str, Any] = {"form": form, "facets": counted.facets}
    if form.q:
        query = form.provisions()
        page = await provisions.list_provisions(conn, query)
        hits, named = _records(page), form.named_order()
        numbers = sorted({hit["eo_number"] for hit in hits} | ({named} if named else set()))
        found = (
            await orders.list_orders(conn, OrderListQuery(eo_number=numbers, limit=len(numbers))) if numbers else None
        )
        titles = {order["eo_number"]: order for order in _records(found)} if found else {}
        context |= {"hits": hits, "titles": titles, "named_order": titles.get(named) if named else None}
        context |= _listing(request, page, _api_url("/v1/provisions", query))
    else:
        query = form.orders()
        page = await orders.list_orders(conn, query)
        context |= {"orders": _records(page)} | _listing(request, page, _api_url("/v1/orders", query))
    return render(request, "search.html", context)


@router.get("/orders/{eo_number}")
async def order(
    request: Request, eo_number: EoNumber, conn: Conn, _: Annotated[StrictQuery, query_of(StrictQuery, True)]
) -> Response:
    """An order: its metadata, relations, provisions as an outline with anchors, and its obligations, each linked
    to its sentence, marked in the outline."""
    detail = orjson.loads(await order_detail(conn, eo_number, provisions=True, obligations=True))
    json_url = f"/v1/orders/{eo_number}?include=provisions,obligations"
    sentences = marked_sentences(detail["provisions"], detail["obligations"])
    return render(request, "order.html", {"order": detail, "sentences": sentences, "json_url": json_url})


@router.get("/agencies/{slug}")
async def agency(
    request: Request, slug: AgencySlug, conn: Conn, form: Annotated[Paged, query_of(Paged, True)]
) -> Response:
    """An agency and the obligations orders gave it (or an office under it), soonest due first."""
    found = Agency.from_row(await agencies.get_agency(conn, slug))
    query = agency_obligations(slug, form)
    page = await obligations.list_obligations(conn, query)
    context = {"agency": found, "obligations": _records(page)} | _listing(
        request, page, _api_url("/v1/obligations", query)
    )
    return render(request, "agency.html", context)


@router.get("/deadlines")
async def deadlines(
    request: Request, conn: Conn, form: Annotated[DeadlinesForm, query_of(DeadlinesForm, True)]
) -> Response:
    """Obligations falling due from today (or the date asked), soonest first."""
    query = form.obligations(date.today())
    page = await obligations.list_obligations(conn, query)
    context = {"form": form, "due_from": query.due_from, "obligations": _records(page)}
    context |= _listing(request, page, _api_url("/v1/obligations", query))
    return render(request, "deadlines.html", context)
