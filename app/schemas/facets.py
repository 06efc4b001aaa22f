"""The public shape of facet counts."""

from pydantic import BaseModel, Field


class FacetValue(BaseModel):
    value: str | int | None = Field(description="The value counted; null counts the records without one.")
    label: str | None = Field(description="A readable name for the value, where it has one.")
    count: int


class Facets(BaseModel):
    total: int = Field(description="How many records match the filters: the list's `meta.total`.")
    facets: dict[str, list[FacetValue]] = Field(description="For each `by` dimension, its values, most records first.")
