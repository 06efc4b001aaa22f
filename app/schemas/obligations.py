"""The public shape of an obligation: who must do what, by when."""

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any, Self

from pydantic import BaseModel, Field

from app.schemas.common import OrderStatus


class Modal(StrEnum):
    shall = "shall"
    should = "should"
    must = "must"
    may = "may"
    is_directed_to = "is directed to"


class DeadlineKind(StrEnum):
    days_after_signing = "days_after_signing"
    date = "date"
    recurring = "recurring"
    days_after_event = "days_after_event"


class Deadline(BaseModel):
    kind: DeadlineKind
    days: int | None = Field(description="N for days_after_signing and days_after_event.")
    due_date: date | None = Field(description="The date due: given, or signing date + days.")
    recurrence: str | None = Field(description="For recurring deadlines, e.g. annually.")
    event: str | None = Field(description="For days_after_event: the trigger, as written.")


class Actor(BaseModel):
    name: str = Field(description="Canonical full name, short forms expanded.", examples=["Secretary of the Treasury"])
    agency_slug: str | None = Field(
        description="The FR agency the actor is or heads.", examples=["treasury-department"]
    )
    as_written: str = Field(description="The name as the order writes it.", examples=["the Secretary of the Treasury"])
    acting_through: str | None = Field(
        description='For "X, through Y": Y, the office X acts through.',
        examples=["Director of the Cybersecurity and Infrastructure Security Agency"],
    )


class Obligation(BaseModel):
    id: str = Field(examples=["eo-14409-2-d-1"])
    eo_number: int
    provision_id: str
    section: str | None = Field(
        description="The order's numbering of the directive: its provision's, or an inline item's within it."
    )
    actors: list[Actor]
    modal: Modal
    action: str
    text: str = Field(description="The verbatim clause.")
    deadline: Deadline | None
    order_status: OrderStatus = Field(description="The status of the order that sets the obligation.")
    span: list[int] = Field(
        min_length=2,
        max_length=2,
        description="[start, end) of the obligation's sentence in its provision's `text`, in characters.",
        examples=[[4, 167]],
    )
    highlight: str | None = Field(None, description="With q: the best passages of the text, matches in <mark>.")

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Self:
        deadline = None
        if row["deadline_kind"]:
            deadline = Deadline(
                kind=row["deadline_kind"],
                days=row["deadline_days"],
                due_date=row["due_date"],
                recurrence=row["recurrence"],
                event=row["deadline_event"],
            )
        return cls(
            id=row["id"],
            eo_number=row["eo_number"],
            provision_id=row["provision_id"],
            section=row["section"],
            actors=row["actors"],
            modal=row["modal"],
            action=row["action"],
            text=row["text"],
            deadline=deadline,
            order_status=row["order_status"],
            span=[row["span_start"], row["span_end"]],
            highlight=row.get("highlight"),
        )
