"""What the explorer's forms send, checked by the same rules as the API's parameters, and the API query each asks.

A form names one president and one agency where the API takes lists; everything else is the API's own parameter,
so a page's "JSON" link is the form's query string on the matching /v1 endpoint.
"""

import re
from datetime import date

from pydantic import Field

from app.schemas.params import (
    IsoDate,
    ObligationListQuery,
    ObligationSort,
    OrderListQuery,
    ProvisionListQuery,
    Searchable,
    SignedRange,
    Slug,
    StrictQuery,
    not_before,
)

_EO_NUMBER = re.compile(r"(?:(?:e\.?\s*o\.?|executive\s+order)\s*)?(\d{4,5})", re.IGNORECASE)
RESULTS_PER_PAGE = 20
OBLIGATIONS_PER_PAGE = 50


class Paged(StrictQuery):
    cursor: str | None = Field(None, min_length=1, max_length=500)


class SearchForm(SignedRange, Searchable, Paged):
    """The front page: words to find in provisions, or with none, the orders the filters leave, newest first."""

    president: Slug | None = None
    agency: Slug | None = None

    def named_order(self) -> int | None:
        """The order the words name, when they are only its number ("14409", "EO 14409", "Executive Order 14409")."""
        named = _EO_NUMBER.fullmatch(self.q.strip()) if self.q else None
        return int(named[1]) if named else None

    def provisions(self) -> ProvisionListQuery:
        return ProvisionListQuery(limit=RESULTS_PER_PAGE, **self._filters(), q=self.q)

    def orders(self) -> OrderListQuery:
        return OrderListQuery(limit=RESULTS_PER_PAGE, **self._filters())

    def _filters(self) -> dict[str, object]:
        return dict(
            president=[self.president] if self.president else None,
            agency=[self.agency] if self.agency else None,
            signed_from=self.signed_from,
            signed_to=self.signed_to,
            cursor=self.cursor,
        )


class DeadlinesForm(Paged):
    """Obligations falling due in a window, soonest first; the window opens today unless told otherwise."""

    due_from: IsoDate | None = None
    due_to: IsoDate | None = None
    agency: Slug | None = None
    _ordered = not_before("due_from")

    def obligations(self, today: date) -> ObligationListQuery:
        return ObligationListQuery(
            limit=OBLIGATIONS_PER_PAGE,
            sort=ObligationSort.due_date,
            due_from=self.due_from or today,
            due_to=self.due_to,
            agency=[self.agency] if self.agency else None,
            cursor=self.cursor,
        )


def agency_obligations(slug: str, page: Paged) -> ObligationListQuery:
    """An agency's obligations (its sub-agencies' too), soonest due first."""
    return ObligationListQuery(
        limit=OBLIGATIONS_PER_PAGE, sort=ObligationSort.due_date, agency=[slug], cursor=page.cursor
    )
