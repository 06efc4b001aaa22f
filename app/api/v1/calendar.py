"""/v1/obligations.ics: obligation deadlines as a calendar a reporter can subscribe to."""

from typing import Annotated

from fastapi import APIRouter, Request, Response

from app import models
from app.api.listing import query_of
from app.api.problems import ERROR_RESPONSES
from app.db import Conn
from app.formats.icalendar import obligations_calendar
from app.queries import obligations
from app.schemas.obligations import Obligation
from app.schemas.params import ObligationFilters

CALENDAR_MEDIA_TYPE = "text/calendar; charset=utf-8"
FEED_DESCRIPTION = """\
One all-day event per obligation with a due date, on that date, with the same filters as `/v1/obligations`.
Every matching obligation is in the feed (no paging), so a calendar app can subscribe to the URL. Event UIDs are
`<obligation id>@eokb` and stay the same across requests, so a subscribed calendar updates events rather than
duplicating them; each event links to the JSON of the provision that sets the obligation.
"""

router = APIRouter(tags=["obligations"], responses=ERROR_RESPONSES)


@router.get(
    "/obligations.ics",
    operation_id="listObligationDeadlinesCalendar",
    summary="Obligation deadlines as an iCalendar feed",
    description=FEED_DESCRIPTION,
    # The plain Response class: one with a text/calendar media type would make FastAPI list the errors under it too.
    response_class=Response,
    responses={
        200: {
            "description": "An iCalendar (RFC 5545) feed.",
            "content": {"text/calendar": {"schema": {"type": "string"}}},
        }
    },
)
async def obligation_deadlines_calendar(
    request: Request, conn: Conn, filters: Annotated[ObligationFilters, query_of(ObligationFilters)]
) -> Response:
    where = await obligations.conditions(conn, filters)
    due_first = (
        obligations.obligation_records()
        .where(*where, models.Obligation.due_date.is_not(None))
        .order_by(models.Obligation.due_date, *obligations.TEXT_ORDER.order_by())
    )
    records = [Obligation.from_row(row) for row in (await conn.execute(due_first)).mappings()]
    return Response(
        obligations_calendar(records, str(request.base_url)),
        media_type=CALENDAR_MEDIA_TYPE,
        headers={"Content-Disposition": 'inline; filename="eokb-obligations.ics"'},
    )
