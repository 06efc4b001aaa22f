"""Shapes shared by every resource: the list envelope and the RFC 9457 problem."""

from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, Field

Item = TypeVar("Item")


class PageMeta(BaseModel):
    total: int = Field(description="How many records match the filters, across all pages.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page.")


class PageLinks(BaseModel):
    next: str | None = Field(description="The full URL of the next page; null on the last page.")


class Page(BaseModel, Generic[Item]):
    data: list[Item]
    meta: PageMeta
    links: PageLinks


class FieldsPage(BaseModel):
    """A list asked for with `fields=`: each record holds only the fields named, so no field is required."""

    data: list[dict[str, Any]] = Field(description="Records cut down to the fields asked for.")
    meta: PageMeta
    links: PageLinks


class ProblemItem(BaseModel):
    parameter: str = Field(description="The query or path parameter at fault.")
    message: str


class Problem(BaseModel):
    """An RFC 9457 problem detail, served as application/problem+json."""

    type: str = Field(description="A URI naming the kind of problem.")
    title: str
    status: int
    detail: str
    errors: list[ProblemItem] | None = None


class Counts(BaseModel):
    provisions: int
    obligations: int


class OrderStatus(StrEnum):
    in_force = "in_force"
    revoked = "revoked"
    amended = "amended"
