"""From a source document to the order graph (pure): ids, body choice, content hash."""

import pytest

from app.ingest.document import FRDocument, SourceDocument
from app.ingest.graph import build_order
from app.ingest.parse import ParseError
from tests.conftest import DUMP

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
    graph = build_order(SourceDocument(document=DOCUMENT, text=TEXT))
    assert graph.order["title"] == "A Test Order"
    assert graph.order["text_format"] == "text"
    assert [p.id for p in graph.provisions] == ["eo-15010-preamble", "eo-15010-1", "eo-15010-2", "eo-15010-2-a"]
    assert graph.provisions[3].parent_id == "eo-15010-2"
    assert [p.position for p in graph.provisions] == [1, 2, 3, 4]
    assert [a.slug for a in graph.agencies] == ["treasury-department"]
    assert [(r.kind, r.target_eo_number) for r in graph.relations] == [("revokes", 15002)]


def test_xml_is_preferred_to_text() -> None:
    xml = (DUMP / "xml" / "2030-00101.xml").read_bytes()
    graph = build_order(SourceDocument(document=DOCUMENT, xml=xml, text=TEXT))
    assert graph.order["text_format"] == "fr_xml"
    assert "eo-15010-2-b-iii" in [p.id for p in graph.provisions]


def test_hash_is_stable_and_tracks_content() -> None:
    first = build_order(SourceDocument(document=DOCUMENT, text=TEXT))
    again = build_order(SourceDocument(document=DOCUMENT, text=TEXT))
    edited = build_order(SourceDocument(document=DOCUMENT, text=TEXT.replace("First", "Second")))
    retitled = build_order(SourceDocument(document=DOCUMENT.model_copy(update={"title": "Other"}), text=TEXT))
    assert first.content_hash == again.content_hash
    assert len({first.content_hash, edited.content_hash, retitled.content_hash}) == 3


def test_metadata_only_order_has_no_provisions() -> None:
    graph = build_order(SourceDocument(document=DOCUMENT))
    assert graph.provisions == [] and graph.order["text_format"] is None


def test_broken_xml_raises_parse_error() -> None:
    with pytest.raises(ParseError):
        build_order(SourceDocument(document=DOCUMENT, xml=b"<PRESDOCU><EXECORD>"))
