"""Query parameters of each list endpoint: validated, documented, and strict.

Unknown parameters are refused (extra="forbid"; the API answers 400 naming them), never ignored.
Multi-value filters take a comma list (`eo_number=14409,14110`) or repeat the parameter.
"""

import re
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    ValidationInfo,
    field_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from app.schemas.agencies import Agency
from app.schemas.common import OrderStatus
from app.schemas.obligations import Modal, Obligation
from app.schemas.orders import Order
from app.schemas.provisions import Provision

MAX_LIST_ITEMS = 100


def _split_commas(value: object) -> object:
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) for item in values):
        return value
    items = [part.strip() for item in values for part in item.split(",") if part.strip()]
    if not items:
        raise ValueError("is empty: give at least one value, or leave the parameter out")
    if len(items) > MAX_LIST_ITEMS:
        raise ValueError(f"at most {MAX_LIST_ITEMS} values")
    return items


CommaList = BeforeValidator(_split_commas)


def field_names(name: str, record: type[BaseModel]) -> type[StrEnum]:
    """The top-level fields of a record, as the values `fields=` accepts."""
    return StrEnum(name, {field: field for field in record.model_fields})


def fields_parameter(record: type[BaseModel]) -> Any:
    names = field_names(f"{record.__name__}Field", record)
    return Annotated[
        list[names] | None,
        CommaList,
        Field(  # type: ignore[valid-type]
            None, description="Only these fields of each record (comma list), e.g. `fields=eo_number,title`."
        ),
    ]


def _calendar_date(value: object) -> object:
    """Only YYYY-MM-DD: no timestamps, week dates or seconds since 1970 read as dates."""
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be a date written YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_calendar_date)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,99}$")]


class StrictQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")


SearchText = Annotated[str, Field(min_length=1, max_length=500, pattern=r"^[^\x00]*[^\s\x00][^\x00]*$")]


class Searchable(StrictQuery):
    q: SearchText | None = Field(
        None,
        description='Full-text search in websearch syntax: words (stemmed), "a phrase", -excluded, or. '
        "Ranked: the default sort becomes `relevance`.",
        examples=['"covered frontier model"'],
    )


class PageQuery(StrictQuery):
    limit: int = Field(20, ge=1, le=1000, description="Records per page, 1 to 1000.")
    cursor: str | None = Field(
        None, min_length=1, max_length=500, description="`meta.next_cursor` of the previous page."
    )


def not_before(start_field: str) -> Any:
    """A validator for the end of a date range: it may not come before the start."""

    def check(value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get(start_field)
        if value and start and value < start:
            raise ValueError(f"is before {start_field} ({start.isoformat()})")
        return value

    return field_validator(start_field.replace("_from", "_to"))(check)


class SignedRange(StrictQuery):
    signed_from: IsoDate | None = Field(None, description="Orders signed on or after this date (YYYY-MM-DD).")
    signed_to: IsoDate | None = Field(None, description="Orders signed on or before this date (YYYY-MM-DD).")

    _ordered = not_before("signed_from")


class NamedMembers(StrEnum):
    """An enum whose schema names its members (`x-enum-varnames`): a generated client then calls "-signing_date"
    SIGNING_DATE_DESC rather than VALUE_2."""

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        schema = handler.resolve_ref_schema(handler(core_schema))
        schema["x-enum-varnames"] = [member.name for member in cls]
        return schema


class OrderSort(NamedMembers):
    relevance = "relevance"
    signing_date = "signing_date"
    signing_date_desc = "-signing_date"
    eo_number = "eo_number"
    eo_number_desc = "-eo_number"


EoNumbers = Annotated[list[Annotated[int, Field(gt=0, lt=100000)]] | None, CommaList]


class OrderScope(SignedRange):
    """Which orders: the filters that orders and their provisions share."""

    president: Annotated[list[Slug] | None, CommaList] = Field(None, description="President slugs, e.g. barack-obama.")
    eo_number: EoNumbers = Field(None, description="EO numbers.")
    agency: Annotated[list[Slug] | None, CommaList] = Field(
        None, description="Agency slugs (of the order); includes sub-agencies."
    )


class OrderFilters(OrderScope, Searchable):
    status: Annotated[list[OrderStatus] | None, CommaList] = Field(None, description="in_force, revoked, amended.")
    title: SearchText | None = Field(
        None, description="Words in the title, matched even when misspelt (`artifical inteligence`).", examples=["AI"]
    )


class OrderListQuery(OrderFilters, PageQuery):
    fields: fields_parameter(Order) = None  # type: ignore[valid-type]
    sort: OrderSort | None = Field(
        None,
        description="Sort order; `-` for descending. `relevance` (with q or title) is the default when searching, "
        "`-signing_date` otherwise.",
    )


class OrderInclude(StrEnum):
    provisions = "provisions"
    obligations = "obligations"
    relations = "relations"


class OrderQuery(StrictQuery):
    include: Annotated[list[OrderInclude] | None, CommaList] = Field(
        None, description="Embed provisions and/or obligations (relations are always included)."
    )


class TextSort(StrEnum):
    relevance = "relevance"
    text_order = "text_order"


SORT_IN_TEXT = Field(
    None,
    description="`relevance` (with q; the default when searching) or `text_order`: by EO number, then place in the "
    "order's text.",
)


class ProvisionFilters(OrderScope, Searchable):
    pass


class ProvisionListQuery(ProvisionFilters, PageQuery):
    fields: fields_parameter(Provision) = None  # type: ignore[valid-type]
    sort: TextSort | None = SORT_IN_TEXT


class AgencyListQuery(PageQuery):
    fields: fields_parameter(Agency) = None  # type: ignore[valid-type]
    q: SearchText | None = Field(
        None,
        description="Words in the name or short name, matched even when misspelt; sorts by resemblance.",
        examples=["tresury"],
    )


class ObligationFilters(Searchable):
    eo_number: EoNumbers = Field(None, description="EO numbers.")
    agency: Annotated[list[Slug] | None, CommaList] = Field(
        None, description="Agency slugs of an actor; includes sub-agencies."
    )
    modal: Annotated[list[Modal] | None, CommaList] = Field(
        None, description="shall, should, must, may, is directed to."
    )
    due_from: IsoDate | None = Field(None, description="Due on or after this date.")
    due_to: IsoDate | None = Field(None, description="Due on or before this date.")
    _ordered = not_before("due_from")
    has_deadline: bool | None = Field(None, description="Only obligations with (true) or without (false) a deadline.")
    order_status: Annotated[list[OrderStatus] | None, CommaList] = Field(
        None, description="Status of the order: in_force, revoked, amended."
    )


class ObligationSort(StrEnum):
    relevance = "relevance"
    text_order = "text_order"
    due_date = "due_date"


class ObligationListQuery(ObligationFilters, PageQuery):
    fields: fields_parameter(Obligation) = None  # type: ignore[valid-type]
    sort: ObligationSort | None = Field(
        None,
        description="`relevance` (with q; the default when searching), `text_order` (by EO number, then place in "
        "the order's text) or `due_date` (soonest first; obligations without a due date last, in text order).",
    )


def _timestamp(value: object) -> object:
    """An ISO 8601 date or timestamp; without a zone it is UTC."""
    if isinstance(value, str):
        if not re.fullmatch(
            r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:?\d{2})?)?", value
        ):
            raise ValueError("must be an ISO 8601 timestamp such as 2026-06-02T00:00:00Z")
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return value


class ChangesQuery(PageQuery):
    since: Annotated[datetime, BeforeValidator(_timestamp)] = Field(
        description="Orders added or changed after this moment (ISO 8601; UTC when no zone is given)."
    )
    status_changes: bool = Field(
        False,
        description="Also list orders whose status a later order changed after `since` (a revocation or an "
        "amendment), ordered by the later of `updated_at` and `status_changed_at`. Without it the feed lists "
        "orders whose own record was added or changed; their `relations` name the orders they act on.",
    )


class OrderFacet(StrEnum):
    president = "president"
    year = "year"
    status = "status"
    agency = "agency"


class ProvisionFacet(StrEnum):
    president = "president"
    year = "year"
    agency = "agency"
    kind = "kind"


class ObligationFacet(StrEnum):
    president = "president"
    year = "year"
    agency = "agency"
    modal = "modal"
    order_status = "order_status"
    deadline_kind = "deadline_kind"
    due_year = "due_year"


FACETS_DESCRIPTION = (
    "What to count the matching records by (comma list). `year` is the year the order was signed. Counts of a "
    "single-valued facet add up to the list's `meta.total`; `agency` counts a record once under each of its agencies."
)


class OrderFacetQuery(OrderFilters):
    by: Annotated[list[OrderFacet], CommaList] = Field(description=FACETS_DESCRIPTION)


class ProvisionFacetQuery(ProvisionFilters):
    by: Annotated[list[ProvisionFacet], CommaList] = Field(description=FACETS_DESCRIPTION)


class ObligationFacetQuery(ObligationFilters):
    by: Annotated[list[ObligationFacet], CommaList] = Field(description=FACETS_DESCRIPTION)
