"""One source document turned into everything eokb stores for that order (pure: no DB, no network)."""

import hashlib
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

import orjson

from app.ingest.agencies import AgencyIndex
from app.ingest.document import SourceDocument
from app.ingest.obligations import ExtractedObligation, extract_obligations
from app.ingest.parse import ParsedProvision, parse_text, parse_xml
from app.ingest.relations import Relation, merge_relations, relations_from_notes, relations_from_text


@dataclass(frozen=True, slots=True)
class ProvisionRow:
    id: str
    parent_id: str | None
    position: int
    ordinal: int
    depth: int
    kind: str
    section: str | None
    heading: str | None
    text: str


@dataclass(frozen=True, slots=True)
class AgencyRef:
    id: int
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class ActorRow:
    position: int
    name: str
    as_written: str
    acting_through: str | None
    agency_slug: str | None


@dataclass(frozen=True, slots=True)
class ObligationRow:
    id: str
    provision_id: str
    ordinal: int
    section: str | None
    modal: str
    action: str
    text: str
    span_start: int
    span_end: int
    deadline_kind: str | None
    deadline_days: int | None
    due_date: date | None
    recurrence: str | None
    deadline_event: str | None
    actors: tuple[ActorRow, ...]


@dataclass(frozen=True)
class OrderGraph:
    order: dict[str, Any]
    president: dict[str, str]
    provisions: list[ProvisionRow]
    obligations: list[ObligationRow]
    agencies: list[AgencyRef]
    mentioned_agencies: list[str]  # slugs of agencies the text directs that the FR metadata does not list
    relations: list[Relation]
    content_hash: str = field(default="")

    @property
    def eo_number(self) -> int:
        return self.order["eo_number"]


def provision_id(eo_number: int, key: str) -> str:
    """The stable public id of a provision: eo-14409-2-d."""
    return f"eo-{eo_number}-{key}"


def parse_body(source: SourceDocument) -> tuple[list[ParsedProvision], str | None]:
    """The order's provisions and the format they were read from: FR XML when present, else the text, else none.

    Raises parse.ParseError when the body is present but is not an order's text.
    """
    if source.xml:
        return parse_xml(source.xml), "fr_xml"
    if source.text:
        return parse_text(source.text), "text"
    return [], None


def build_order(source: SourceDocument, agency_index: AgencyIndex) -> OrderGraph:
    """Parse the body (FR XML first, else text), extract its obligations and gather agencies and relations.

    Raises parse.ParseError when the body is present but is not an order's text.
    """
    document = source.document
    eo_number = document.executive_order_number
    parsed, text_format = parse_body(source)
    order = {
        "eo_number": eo_number,
        "document_number": document.document_number,
        "title": document.title.strip(),
        "president_slug": document.president.identifier,
        "signing_date": document.signing_date,
        "publication_date": document.publication_date,
        "citation": document.citation,
        "disposition_notes": document.notes,
        "html_url": document.html_url,
        "full_text_xml_url": document.full_text_xml_url,
        "body_html_url": document.body_html_url,
        "raw_text_url": document.raw_text_url,
        "text_format": text_format,
        "text_source": source.text_source,
    }
    agencies = {
        ref.id: AgencyRef(ref.id, ref.slug, ref.name or ref.raw_name or ref.slug)
        for ref in document.agencies
        if ref.id is not None and ref.slug
    }
    obligations = _obligation_rows(eo_number, extract_obligations(parsed, document.signing_date), agency_index)
    listed = {agency.slug for agency in agencies.values()}
    directed = (actor.agency_slug for obligation in obligations for actor in obligation.actors)
    graph = OrderGraph(
        order=order,
        president={"slug": document.president.identifier, "name": document.president.name},
        provisions=_provision_rows(eo_number, parsed),
        obligations=obligations,
        agencies=sorted(agencies.values(), key=lambda agency: agency.id),
        mentioned_agencies=sorted({slug for slug in directed if slug and slug not in listed}),
        relations=merge_relations(
            relations_from_notes(document.notes, eo_number), relations_from_text(parsed, eo_number)
        ),
    )
    return replace(graph, content_hash=_content_hash(graph))


def _provision_rows(eo_number: int, parsed: list[ParsedProvision]) -> list[ProvisionRow]:
    return [
        ProvisionRow(
            id=provision_id(eo_number, unit.key),
            parent_id=provision_id(eo_number, unit.parent_key) if unit.parent_key else None,
            position=position,
            ordinal=unit.ordinal,
            depth=unit.depth,
            kind=unit.kind,
            section=unit.section,
            heading=unit.heading,
            text=unit.text,
        )
        for position, unit in enumerate(parsed, start=1)
    ]


def _obligation_rows(
    eo_number: int, extracted: list[ExtractedObligation], agency_index: AgencyIndex
) -> list[ObligationRow]:
    rows = []
    ordinals: dict[str, int] = {}
    for obligation in extracted:
        provision = provision_id(eo_number, obligation.provision_key)
        ordinals[provision] = ordinal = ordinals.get(provision, 0) + 1
        deadline = obligation.deadline
        rows.append(
            ObligationRow(
                id=f"{provision}-{ordinal}",
                provision_id=provision,
                ordinal=ordinal,
                section=obligation.section,
                modal=obligation.modal,
                action=obligation.action,
                text=obligation.text,
                span_start=obligation.span[0],
                span_end=obligation.span[1],
                deadline_kind=deadline.kind if deadline else None,
                deadline_days=deadline.days if deadline else None,
                due_date=deadline.due_date if deadline else None,
                recurrence=deadline.recurrence if deadline else None,
                deadline_event=deadline.event if deadline else None,
                actors=tuple(
                    ActorRow(position, actor.name, actor.as_written, actor.through, agency_index.slug_for(actor.name))
                    for position, actor in enumerate(obligation.actors, start=1)
                ),
            )
        )
    return rows


def _content_hash(graph: OrderGraph) -> str:
    """A digest of everything loaded for the order, so an unchanged order is recognised and left alone."""
    payload = {
        "order": graph.order,
        "president": graph.president,
        "provisions": [asdict(row) for row in graph.provisions],
        "obligations": [asdict(row) for row in graph.obligations],
        "mentioned_agencies": graph.mentioned_agencies,
        "agencies": [asdict(agency) for agency in graph.agencies],
        "relations": [asdict(relation) for relation in graph.relations],
    }
    return hashlib.sha256(orjson.dumps(payload, option=orjson.OPT_SORT_KEYS)).hexdigest()
