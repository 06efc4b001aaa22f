"""The public shape of an executive order."""

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Self

from pydantic import BaseModel, Field

from app.schemas.agencies import AgencyRef
from app.schemas.common import Counts, OrderStatus
from app.schemas.obligations import Obligation
from app.schemas.provisions import Provision


class President(BaseModel):
    slug: str = Field(examples=["donald-trump"])
    name: str = Field(examples=["Donald Trump"])


class Relation(BaseModel):
    kind: str = Field(
        description="How this order relates to the other: revokes, revoked_by, amends, amended_by, supersedes, "
        "superseded_by, continues, continued_by, supplements, supplemented_by, suspends, suspended_by, "
        "reinstates, reinstated_by, see.",
        examples=["revokes"],
    )
    eo_number: int = Field(description="The other order.")
    partial: bool = Field(description='True when only part of the other order is affected ("in part").')


class OrderUrls(BaseModel):
    federal_register: str | None = Field(description="The order's page on federalregister.gov.")
    full_text_xml: str | None
    body_html: str | None
    raw_text: str | None


class Order(BaseModel):
    eo_number: int = Field(examples=[14409])
    document_number: str | None = Field(description="The FR document number; null when the source gives none.")
    title: str
    president: President
    signing_date: date
    publication_date: date | None
    citation: str | None = Field(examples=["90 FR 8741"])
    status: OrderStatus
    disposition_notes: str | None = Field(description="The Federal Register's notes, verbatim.")
    relations: list[Relation]
    agencies: list[AgencyRef]
    counts: Counts
    urls: OrderUrls
    text_format: str | None = Field(description="What the provisions were parsed from: fr_xml, text, or null.")
    text_source: str | None = Field(description="Provenance of the text, as its source states it.")
    updated_at: datetime = Field(
        description="When this order's own record (its document, text or extraction) last changed."
    )
    status_changed_at: datetime | None = Field(description="When a later order last changed this order's status.")
    highlight: str | None = Field(
        None,
        description="With q: the title with its matches in <mark>, or else the best-matching provision's passages.",
    )

    @classmethod
    def from_row(cls, row: Mapping[str, Any], **extra: Any) -> Self:
        return cls(
            eo_number=row["eo_number"],
            document_number=row["document_number"],
            title=row["title"],
            president=President(slug=row["president_slug"], name=row["president_name"]),
            signing_date=row["signing_date"],
            publication_date=row["publication_date"],
            citation=row["citation"],
            status=row["status"],
            disposition_notes=row["disposition_notes"],
            relations=row["relations"],
            agencies=row["agencies"],
            counts=Counts(provisions=row["provision_count"], obligations=row["obligation_count"]),
            urls=OrderUrls(
                federal_register=row["html_url"],
                full_text_xml=row["full_text_xml_url"],
                body_html=row["body_html_url"],
                raw_text=row["raw_text_url"],
            ),
            text_format=row["text_format"],
            text_source=row["text_source"],
            updated_at=row["updated_at"],
            status_changed_at=row["status_changed_at"],
            highlight=row.get("highlight"),
            **extra,
        )


class OrderDetail(Order):
    provisions: list[Provision] | None = Field(None, description="With include=provisions: every provision.")
    obligations: list[Obligation] | None = Field(None, description="With include=obligations: every obligation.")
