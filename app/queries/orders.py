"""SQL for orders: filters, keyset sorts, and the order record built in one query (no N+1)."""

from functools import cache
from typing import Any

from sqlalchemy import (
    ARRAY,
    REAL,
    ColumnElement,
    Date,
    Integer,
    Select,
    Subquery,
    Text,
    any_,
    case,
    cast,
    func,
    literal_column,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.dialects.postgresql import JSONB, aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncConnection

from app.ingest.relations import INVERSE
from app.models import Agency, Obligation, Order, OrderAgency, President, Provision
from app.queries import facets, search
from app.queries.compiled import bind
from app.queries.errors import NotFound
from app.queries.facets import Dimension, FacetCounts
from app.queries.filters import any_of, order_ids_for_agencies, require_known_agencies, require_known_presidents
from app.queries.json_records import as_text, constant, iso_utc, json_object
from app.queries.pagination import Page, Sort, paginate
from app.schemas.params import OrderFacetQuery, OrderFilters, OrderListQuery, OrderScope

SORTS = {
    "signing_date": Sort("signing_date", (Order.signing_date, Order.eo_number)),
    "-signing_date": Sort("-signing_date", (Order.signing_date, Order.eo_number), descending=True),
    "eo_number": Sort("eo_number", (Order.eo_number,)),
    "-eo_number": Sort("-eo_number", (Order.eo_number,), descending=True),
}

_INVERSE_KIND = (
    "CASE r.kind " + " ".join(f"WHEN '{kind}' THEN '{inverse}'" for kind, inverse in INVERSE.items()) + " END"
)

# Relations as this order states them plus those other orders state about it, turned around.
_RELATIONS = literal_column(
    f"""(SELECT coalesce(jsonb_agg(jsonb_build_object('kind', rel.kind, 'eo_number', rel.eo_number,
                                                      'partial', rel.partial) ORDER BY rel.eo_number, rel.kind),
                         '[]'::jsonb)
         FROM (SELECT r.kind, r.target_eo_number AS eo_number, r.partial
               FROM order_relations r WHERE r.order_id = orders.id
               UNION
               SELECT {_INVERSE_KIND}, source.eo_number, r.partial
               FROM order_relations r JOIN orders source ON source.id = r.order_id
               WHERE r.target_eo_number = orders.eo_number
                 AND NOT EXISTS (SELECT 1 FROM order_relations own
                                 WHERE own.order_id = orders.id AND own.target_eo_number = source.eo_number
                                   AND own.kind = {_INVERSE_KIND})) rel)""",
    type_=JSONB,
)


def _agencies() -> ColumnElement[Any]:
    return (
        select(
            func.coalesce(
                func.jsonb_agg(
                    aggregate_order_by(
                        func.jsonb_build_object(constant("slug"), Agency.slug, constant("name"), Agency.name),
                        Agency.slug,
                    )
                ),
                literal_column("'[]'::jsonb"),
            )
        )
        .join(OrderAgency, OrderAgency.agency_id == Agency.id)
        .where(OrderAgency.order_id == Order.id)
        .scalar_subquery()
    )


def _count(model: type[Provision] | type[Obligation]) -> ColumnElement[int]:
    return select(func.count()).select_from(model).where(model.order_id == Order.id).scalar_subquery()


@cache
def order_records() -> Select[Any]:
    """Every column of the public order record, agencies, relations and counts included."""
    return select(
        Order.id,
        Order.eo_number,
        Order.document_number,
        Order.title,
        Order.president_slug,
        President.name.label("president_name"),
        Order.signing_date,
        Order.publication_date,
        Order.citation,
        Order.status,
        Order.disposition_notes,
        Order.html_url,
        Order.full_text_xml_url,
        Order.body_html_url,
        Order.raw_text_url,
        Order.text_format,
        Order.text_source,
        Order.updated_at,
        Order.status_changed_at,
        _agencies().label("agencies"),
        _RELATIONS.label("relations"),
        _count(Provision).label("provision_count"),
        _count(Obligation).label("obligation_count"),
    ).join(President, President.slug == Order.president_slug)


@cache
def order_json() -> ColumnElement[Any]:
    """The order record as JSON built by Postgres, in the shape of schemas.orders.Order."""
    return json_object(**order_fields())


@cache
def order_rows() -> Select[Any]:
    """Each order's record as JSON text, what the API's lists send as it is."""
    return order_records().with_only_columns(as_text(order_json()).label("record"))


def order_fields() -> dict[str, ColumnElement[Any]]:
    """The fields of the order record, in the schema's order, as SQL over orders joined to presidents."""
    return dict(
        eo_number=Order.eo_number,
        document_number=Order.document_number,
        title=Order.title,
        president=json_object(slug=Order.president_slug, name=President.name),
        signing_date=Order.signing_date,
        publication_date=Order.publication_date,
        citation=Order.citation,
        status=Order.status,
        disposition_notes=Order.disposition_notes,
        relations=_RELATIONS,
        agencies=_agencies(),
        counts=json_object(provisions=_count(Provision), obligations=_count(Obligation)),
        urls=json_object(
            federal_register=Order.html_url,
            full_text_xml=Order.full_text_xml_url,
            body_html=Order.body_html_url,
            raw_text=Order.raw_text_url,
        ),
        text_format=Order.text_format,
        text_source=Order.text_source,
        updated_at=iso_utc(Order.updated_at),
        status_changed_at=iso_utc(Order.status_changed_at),
    )


def scope_conditions(scope: OrderScope) -> list[ColumnElement[bool]]:
    """The SQL for the order filters that orders and provisions share."""
    where: list[ColumnElement[bool]] = []
    if scope.president:
        where.append(Order.president_slug == any_(bind("president", scope.president, ARRAY(Text))))
    if scope.signed_from:
        where.append(Order.signing_date >= bind("signed_from", scope.signed_from, Date))
    if scope.signed_to:
        where.append(Order.signing_date <= bind("signed_to", scope.signed_to, Date))
    if scope.eo_number:
        where.append(Order.eo_number == any_(bind("eo_number", scope.eo_number, ARRAY(Integer))))
    if scope.agency:
        where.append(Order.id == any_of(order_ids_for_agencies(scope.agency)))
    return where


async def check_scope(conn: AsyncConnection, scope: OrderScope) -> None:
    await require_known_presidents(conn, scope.president)
    await require_known_agencies(conn, scope.agency)


async def conditions(conn: AsyncConnection, filters: OrderFilters) -> list[ColumnElement[bool]]:
    """The WHERE clauses for `filters` over order_records(); unknown slugs are refused."""
    await check_scope(conn, filters)
    where = scope_conditions(filters)
    if filters.status:
        where.append(Order.status == any_(bind("status", [status.value for status in filters.status], ARRAY(Text))))
    if filters.q:
        in_text = select(Provision.order_id).where(search.matches(Provision.search, filters.q))
        where.append(or_(search.matches(Order.search, filters.q), Order.id.in_(in_text)))
    if filters.title:
        where.append(search.resembles(Order.title, filters.title, "title"))
    return where


def _best_provisions(q: str) -> Subquery:
    """Each order's best provision rank for `q`, from one scan of the provisions' index: ranking each order's
    provisions in a subquery of its own read that index once per matching order (400 ms for `q=security`)."""
    return (
        select(Provision.order_id, func.max(search.rank(Provision.search, q)).label("rank"))
        .where(search.matches(Provision.search, q))
        .group_by(Provision.order_id)
        .subquery("best_provisions")
    )


def _relevance(filters: OrderFilters, best_provisions: Subquery | None) -> Sort:
    """With q: the title's rank, doubled, plus the best-matching provision's; with only title: its resemblance."""
    if filters.q and best_provisions is not None:
        twice = literal_column("2") * search.rank(Order.search, filters.q)
        score = type_coerce(twice + func.coalesce(best_provisions.c.rank, literal_column("0")), REAL)
    else:
        score = search.resemblance(Order.title, filters.title or "", "title")
    return Sort("relevance", (score, Order.eo_number), descending=True)


def _highlight_source(q: str) -> list[ColumnElement[Any]]:
    """The title, marked whole, when it matches; else the best-matching provision's text, for passages."""
    best_provision = (
        select(Provision.text)
        .where(Provision.order_id == Order.id, search.matches(Provision.search, q))
        .order_by(search.rank(Provision.search, q).desc(), Provision.position)
        .limit(literal_column("1"))  # written into the SQL, not bound: it never varies
        .scalar_subquery()
    )
    in_title = search.matches(Order.search, q)
    return search.highlight_source(case((in_title, Order.title), else_=best_provision), q, whole=in_title)


async def list_orders(conn: AsyncConnection, query: OrderListQuery) -> Page:
    where = await conditions(conn, query)
    best = _best_provisions(query.q) if query.q else None
    searching = bool(query.q or query.title)
    sort = search.sort_for(query.sort, searching, SORTS, "-signing_date", lambda: _relevance(query, best))
    matching = select(Order.id)
    if sort.name == "relevance" and best is not None:
        matching = matching.outerjoin(best, best.c.order_id == Order.id)
    columns = _highlight_source(query.q) if query.q else []
    return await paginate(conn, "orders", order_rows(), matching, where, sort, query.limit, query.cursor, columns)


async def every_match(conn: AsyncConnection, filters: OrderFilters) -> Select[Any]:
    """Every order the filters match, by EO number: what an export streams."""
    return order_records().where(*await conditions(conn, filters)).order_by(Order.eo_number)


async def order_id(conn: AsyncConnection, eo_number: int) -> int:
    found = await conn.scalar(select(Order.id).where(Order.eo_number == eo_number))
    if found is None:
        raise NotFound(f"executive order {eo_number}")
    return found


def year_of(column: ColumnElement[Any]) -> ColumnElement[int]:
    return cast(func.extract("year", column), Integer)


def _with_president(query: Select[Any]) -> Select[Any]:
    return query.join(President, President.slug == Order.president_slug)


def _with_agencies(query: Select[Any]) -> Select[Any]:
    return query.outerjoin(OrderAgency, OrderAgency.order_id == Order.id).outerjoin(
        Agency, Agency.id == OrderAgency.agency_id
    )


# Dimensions of an order, reachable from any resource whose rows join orders.
ORDER_DIMENSIONS = {
    "president": Dimension(Order.president_slug, President.name, _with_president),
    "year": Dimension(year_of(Order.signing_date)),
    "status": Dimension(Order.status),
    "agency": Dimension(Agency.slug, Agency.name, _with_agencies),
}


async def facet_counts(conn: AsyncConnection, query: OrderFacetQuery) -> FacetCounts:
    where = await conditions(conn, query)
    return await facets.count(conn, select(Order.id).where(*where), Order.id, ORDER_DIMENSIONS, query.by)
