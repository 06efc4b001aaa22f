"""The Federal Register document shape every source delivers, validated before anything is parsed."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


class FRPresident(BaseModel):
    identifier: str = Field(min_length=1, pattern=r"^[a-z0-9-]+$")
    name: str = Field(min_length=1)


class FRAgencyRef(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: int | None = None
    slug: str | None = None
    name: str | None = None
    raw_name: str | None = None


class FRAgency(BaseModel):
    """One entry of the FR /agencies list."""

    model_config = ConfigDict(extra="ignore")

    id: int = Field(gt=0, lt=2**31)
    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Field(min_length=1)
    short_name: str | None = None
    parent_id: int | None = None
    url: str | None = None


class FRDocument(BaseModel):
    """The fields of an FR API executive-order document that eokb keeps (others are ignored)."""

    model_config = ConfigDict(extra="ignore")

    executive_order_number: int = Field(gt=0, lt=100_000)
    document_number: str | None = None
    title: str = Field(min_length=1)
    president: FRPresident
    signing_date: date
    publication_date: date | None = None
    citation: str | None = None
    disposition_notes: str | None = None
    executive_order_notes: str | None = None
    agencies: list[FRAgencyRef] = Field(default_factory=list)
    html_url: str | None = None
    full_text_xml_url: str | None = None
    body_html_url: str | None = None
    raw_text_url: str | None = None

    @property
    def notes(self) -> str | None:
        """The FR gives the same notes under two names; either may be missing."""
        return self.disposition_notes or self.executive_order_notes

    @property
    def label(self) -> str:
        return f"EO {self.executive_order_number}"


class SourceDocument(BaseModel):
    """One order as a source hands it over: FR metadata plus its body, FR XML and/or plain text."""

    document: FRDocument
    xml: bytes | None = None
    text: str | None = None
    text_source: str | None = None


class RejectedDocument(BaseModel):
    """A document a source could not hand over, named so the operator can find it, with the reason."""

    name: str
    reason: str
