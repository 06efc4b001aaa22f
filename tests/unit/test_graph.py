"""From a source document to the order graph (pure): ids, body choice, content hash."""

import pytest

from app.ingest.agencies import AgencyIndex
from app.ingest.document import FRDocument, SourceDocument
from app.ingest.graph import build_order
from app.ingest.parse import ParseError
from app.ingest.sources import dump
from tests.conftest import DUMP

AGENCIES = AgencyIndex.from_fr_agencies([agency.model_dump() for agency in dump.read_agencies(DUMP)[0]])

DOCUMENT = FRDocument(
    executive_order_number=15010,
    document_number="2030-01010",
    title="  A Test Order ",
    president={"identifier": "donald-trump", "name": "Donald Trump"},
    signing_date="2030-05-01",
    disposition_notes="Revokes: EO 15002, March 3, 2029",
    agencies=[{"id": 497, "slug": "treasury-department", "name": "Treasury Department"}, {"raw_name": "No Id"}],
)
TEXT = "By the authority vested in me, it is hereby ordered:\nSection 1. Purpose. Text.\nSec. 2. Duties.\n(a) First.\n"


def test_graph_from_text() -> None:
    graph = build_order(SourceDocument(document=DOCUMENT, text=TEXT), AGENCIES)
    assert graph.order["title"] == "A Test Order"
    assert graph.order["text_format"] == "text"
    assert [p.id for p in graph.provisions] == ["eo-15010-preamble", "eo-15010-1", "eo-15010-2", "eo-15010-2-a"]
    assert graph.provisions[3].parent_id == "eo-15010-2"
    assert [p.position for p in graph.provisions] == [1, 2, 3, 4]
    assert [a.slug for a in graph.agencies] == ["treasury-department"]
    assert [(r.kind, r.target_eo_number) for r in graph.relations] == [("revokes", 15002)]


def test_xml_is_preferred_to_text() -> None:
    xml = (DUMP / "xml" / "2030-00101.xml").read_bytes()
    graph = build_order(SourceDocument(document=DOCUMENT, xml=xml, text=TEXT), AGENCIES)
    assert graph.order["text_format"] == "fr_xml"
    assert "eo-15010-2-b-iii" in [p.id for p in graph.provisions]


def test_hash_is_stable_and_tracks_content() -> None:
    first = build_order(SourceDocument(document=DOCUMENT, text=TEXT), AGENCIES)
    again = build_order(SourceDocument(document=DOCUMENT, text=TEXT), AGENCIES)
    edited = build_order(SourceDocument(document=DOCUMENT, text=TEXT.replace("First", "Second")), AGENCIES)
    retitled = build_order(SourceDocument(document=DOCUMENT.model_copy(update={"title": "Other"}), text=TEXT), AGENCIES)
    assert first.content_hash == again.content_hash
    assert len({first.content_hash, edited.content_hash, retitled.content_hash}) == 3


def test_metadata_only_order_has_no_provisions() -> None:
    graph = build_order(SourceDocument(document=DOCUMENT), AGENCIES)
    assert graph.provisions == [] and graph.order["text_format"] is None


def test_broken_xml_raises_parse_error() -> None:
    with pytest.raises(ParseError):
        build_order(SourceDocument(document=DOCUMENT, xml=b"<PRESDOCU><EXECORD>"), AGENCIES)


def test_obligations_get_stable_ids_and_agencies() -> None:
    text = (
        TEXT
        + "(b) Within 30 days of the date of this order, the Attorney General shall report. The Attorney General may"
    )
    text += " publish the report.\n"
    graph = build_order(SourceDocument(document=DOCUMENT, text=text), AGENCIES)
    assert [(o.id, o.modal, o.deadline_days) for o in graph.obligations] == [
        ("eo-15010-2-b-1", "shall", 30),
        ("eo-15010-2-b-2", "may", None),
    ]
    assert graph.obligations[0].due_date.isoformat() == "2030-05-31"
    assert [(a.name, a.agency_slug) for a in graph.obligations[0].actors] == [
        ("Attorney General", "justice-department")
    ]
    assert graph.mentioned_agencies == ["justice-department"]  # the FR metadata lists only the Treasury
