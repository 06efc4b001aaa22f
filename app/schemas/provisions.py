"""The public shape of a provision."""

from collections.abc import Mapping
from typing import Any, Self

from pydantic import BaseModel, Field


class Provision(BaseModel):
    id: str = Field(description="Stable id from the EO number and section label.", examples=["eo-14409-2-d"])
    eo_number: int
    section: str | None = Field(
        description="The order's own label, e.g. 2(d) or 4.1(a)(i); null for the preamble and signature.",
        examples=["2(d)"],
    )
    kind: str = Field(description="preamble, section, paragraph, signature, annex or text.")
    heading: str | None
    text: str = Field(description="The verbatim text of this unit, without its children.")
    depth: int = Field(description="0 for a section, 1 for its paragraphs (a), 2 for (i), ...")
    parent_id: str | None
    ordinal: int = Field(description="Place among its siblings, from 1.")
    position: int = Field(description="Place in the order's text, from 1.")
    highlight: str | None = Field(None, description="With q: the best passages of the text, matches in <mark>.")

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> Self:
        return cls.model_validate(dict(row))
