"""The public shape of an agency."""

from collections.abc import Mapping
from typing import Any, Self

from pydantic import BaseModel, Field


class AgencyRef(BaseModel):
    slug: str = Field(examples=["commerce-department"])
    name: str = Field(examples=["Commerce Department"])


class AgencyCounts(BaseModel):
    orders: int
    obligations: int


class Agency(BaseModel):
    slug: str = Field(description="The Federal Register's slug, the agency's key.", examples=["commerce-department"])
    name: str
    short_name: str | None
    parent_slug: str | None = Field(description="The agency this one is part of, if any.")
    federal_register_id: int = Field(description="The Federal Register's numeric agency id.")
    url: str | None = Field(description="The agency's page on federalregister.gov.")
    counts: AgencyCounts

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Self:
        return cls(
            slug=row["slug"],
            name=row["name"],
            short_name=row["short_name"],
            parent_slug=row["parent_slug"],
            federal_register_id=row["federal_register_id"],
            url=row["url"],
            counts=AgencyCounts(orders=row["order_count"], obligations=row["obligation_count"]),
        )
