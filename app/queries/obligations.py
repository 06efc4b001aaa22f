"""SQL for obligations: who must do what by when, filtered by order, agency, modal and due date."""

from functools import cache
from typing import Any

from sqlalchemy import (
    ARRAY,
    Boolean,
    ColumnElement,
    Date,
    Integer,
    Select,
    Text,
    any_,
    case,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncConnection

from app.models import Agency, Obligation, ObligationActor, Order, Provision
from app.queries import agencies, facets, orders, search
from app.queries.compiled import bind
from app.queries.facets import Dimension, FacetCounts
from app.queries.filters import agency_ids_under, any_of, require_known_agencies
from app.queries.json_records import as_text, constant, json_object
from app.queries.pagination import Page, Sort, paginate
from app.schemas.obligations import Obligation as ObligationSchema
from app.schemas.params import ObligationFacetQuery, ObligationFilters, ObligationListQuery, PageQuery

TEXT_ORDER = Sort("text_order", (Order.eo_number, Provision.position, Obligation.ordinal))
NO_DUE_DATE = literal_column("DATE '9999-12-31'", Date)
"""Where an obligation without a due date sorts by due date: last, and as a value a cursor can carry (NULL
cannot be compared, 'infinity' does not survive the round trip through Python's dates)."""
DUE_DATE = Sort("due_date", (func.coalesce(Obligation.due_date, NO_DUE_DATE), *TEXT_ORDER.columns))
SORTS = {"text_order": TEXT_ORDER, "due_date": DUE_DATE}


def _actors() -> ColumnElement[Any]:
    return (
        select(
            func.coalesce(
                func.jsonb_agg(
                    aggregate_order_by(
                        func.jsonb_build_object(
                            constant("name"),
                            ObligationActor.name,
                            constant("agency_slug"),
                            Agency.slug,
                            constant("as_written"),
                            ObligationActor.as_written,
                            constant("acting_through"),
                            ObligationActor.acting_through,
                        ),
                        ObligationActor.position,
                    )
                ),
                literal_column("'[]'::jsonb"),
            )
        )
        .outerjoin(Agency, Agency.id == ObligationActor.agency_id)
        .where(ObligationActor.obligation_id == Obligation.id)
        .scalar_subquery()
    )


@cache
def obligation_records() -> Select[Any]:
    return (
        select(
            Obligation.id,
            Order.eo_number,
            Obligation.provision_id,
            Obligation.section,
            _actors().label("actors"),
            Obligation.modal,
            Obligation.action,
            Obligation.text,
            Obligation.span_start,
            Obligation.span_end,
            Obligation.deadline_kind,
            Obligation.deadline_days,
            Obligation.due_date,
            Obligation.recurrence,
            Obligation.deadline_event,
            Order.status.label("order_status"),
        )
        .join(Provision, Provision.id == Obligation.provision_id)
        .join(Order, Order.id == Obligation.order_id)
    )


@cache
def obligation_json() -> ColumnElement[Any]:
    """The obligation record as JSON built by Postgres, in the shape of schemas.obligations.Obligation."""
    return json_object(**obligation_fields())


@cache
def obligation_rows() -> Select[Any]:
    """Each obligation's record as JSON text, what the API's lists send as it is."""
    return obligation_records().with_only_columns(as_text(obligation_json()).label("record"))


def obligation_fields() -> dict[str, ColumnElement[Any]]:
    deadline = json_object(
        kind=Obligation.deadline_kind,
        days=Obligation.deadline_days,
        due_date=Obligation.due_date,
        recurrence=Obligation.recurrence,
        event=Obligation.deadline_event,
    )
    return dict(
        id=Obligation.id,
        eo_number=Order.eo_number,
        provision_id=Obligation.provision_id,
        section=Obligation.section,
        actors=_actors(),
        modal=Obligation.modal,
        action=Obligation.action,
        text=Obligation.text,
        deadline=case((Obligation.deadline_kind.is_(None), None), else_=deadline),
        order_status=Order.status,
        span=func.json_build_array(Obligation.span_start, Obligation.span_end),
    )


def _matching() -> Select[Any]:
    return (
        select(Obligation.id)
        .join(Provision, Provision.id == Obligation.provision_id)
        .join(Order, Order.id == Obligation.order_id)
    )


async def conditions(conn: AsyncConnection, filters: ObligationFilters) -> list[ColumnElement[bool]]:
    """The WHERE clauses for `filters` over obligation_records(); an unknown agency slug is refused."""
    await require_known_agencies(conn, filters.agency)
    where: list[ColumnElement[bool]] = []
    if filters.eo_number:
        where.append(Order.eo_number == any_(bind("eo_number", filters.eo_number, ARRAY(Integer))))
    if filters.agency:
        actors = select(ObligationActor.obligation_id).where(
            ObligationActor.agency_id == any_of(agency_ids_under(filters.agency))
        )
        where.append(Obligation.id == any_of(actors))
    if filters.modal:
        where.append(Obligation.modal == any_(bind("modal", [modal.value for modal in filters.modal], ARRAY(Text))))
    if filters.due_from:
        where.append(Obligation.due_date >= bind("due_from", filters.due_from, Date))
    if filters.due_to:
        where.append(Obligation.due_date <= bind("due_to", filters.due_to, Date))
    if filters.has_deadline is not None:
        where.append(Obligation.deadline_kind.is_not(None) == bind("has_deadline", filters.has_deadline, Boolean))
    if filters.order_status:
        statuses = [status.value for status in filters.order_status]
        where.append(Order.status == any_(bind("order_status", statuses, ARRAY(Text))))
    if filters.q:
        where.append(search.matches(Obligation.search, filters.q))
    return where


def _relevance(q: str) -> Sort:
    return Sort("relevance", (search.rank(Obligation.search, q), Obligation.id), descending=True)


async def list_obligations(conn: AsyncConnection, query: ObligationListQuery) -> Page:
    where = await conditions(conn, query)
    sort = search.sort_for(query.sort, bool(query.q), SORTS, "text_order", lambda: _relevance(query.q or ""))
    columns = search.highlight_source(Obligation.text, query.q) if query.q else []
    return await paginate(
        conn, "obligations", obligation_rows(), _matching(), where, sort, query.limit, query.cursor, columns
    )


async def every_match(conn: AsyncConnection, filters: ObligationFilters) -> Select[Any]:
    """Every obligation the filters match, in text order: what an export or a calendar streams."""
    return obligation_records().where(*await conditions(conn, filters)).order_by(*TEXT_ORDER.order_by())


async def list_agency_obligations(conn: AsyncConnection, slug: str, query: PageQuery) -> Page:
    """Obligations whose actors are the agency or an agency below it."""
    await agencies.get_agency(conn, slug)
    return await list_obligations(conn, ObligationListQuery(agency=[slug], limit=query.limit, cursor=query.cursor))


async def list_order_obligations(conn: AsyncConnection, eo_number: int, query: PageQuery) -> Page:
    order_id = await orders.order_id(conn, eo_number)
    where = [Obligation.order_id == bind("order_id", order_id, Integer)]
    return await paginate(
        conn, "order obligations", obligation_rows(), _matching(), where, TEXT_ORDER, query.limit, query.cursor
    )


async def all_order_obligations(conn: AsyncConnection, order_id: int) -> list[Any]:
    query = obligation_records().where(Obligation.order_id == order_id).order_by(*TEXT_ORDER.order_by())
    return list((await conn.execute(query)).mappings().all())


async def stored_obligations(conn: AsyncConnection, eo_number: int) -> list[ObligationSchema]:
    """Every obligation of one order in its public shape, as the API serves it."""
    order_id = await orders.order_id(conn, eo_number)
    return [ObligationSchema.from_row(row) for row in await all_order_obligations(conn, order_id)]


def _with_actor_agencies(query: Select[Any]) -> Select[Any]:
    return query.outerjoin(ObligationActor, ObligationActor.obligation_id == Obligation.id).outerjoin(
        Agency, Agency.id == ObligationActor.agency_id
    )


OBLIGATION_DIMENSIONS = {
    "president": orders.ORDER_DIMENSIONS["president"],
    "year": orders.ORDER_DIMENSIONS["year"],
    "agency": Dimension(Agency.slug, Agency.name, _with_actor_agencies),
    "modal": Dimension(Obligation.modal),
    "order_status": Dimension(Order.status),
    "deadline_kind": Dimension(Obligation.deadline_kind),
    "due_year": Dimension(orders.year_of(Obligation.due_date)),
}


async def facet_counts(conn: AsyncConnection, query: ObligationFacetQuery) -> FacetCounts:
    where = await conditions(conn, query)
    return await facets.count(conn, _matching().where(*where), Obligation.id, OBLIGATION_DIMENSIONS, query.by)
