"""Relations from FR disposition notes (pure)."""

from app.ingest.relations import INVERSE, Relation, relations_from_notes


def kinds(notes: str, own: int = 1) -> list[tuple[str, int, bool]]:
    return [(r.kind, r.target_eo_number, r.partial) for r in relations_from_notes(notes, own)]


def test_labels_and_lists() -> None:
    notes = (
        "Amends: EO 11063, November 20, 1962\n"
        "Revokes: EO 11063, November 20, 1962 (in part); EO 12259, December 31, 1980\n"
        "See: Memorandum, January 17, 1994"
    )
    assert kinds(notes) == [("amends", 11063, False), ("revokes", 11063, True), ("revokes", 12259, False)]


def test_passive_labels_and_partial_labels() -> None:
    notes = "Revoked in part by: EO 13456, January 23, 2008;;\n ;  Superseded by: EO 13526, December 29, 2009"
    assert kinds(notes) == [("revoked_by", 13456, True), ("superseded_by", 13526, False)]


def test_first_keyword_wins_and_unknown_labels_are_ignored() -> None:
    notes = (
        "Supersedes or Revokes: EO 8248, September 8, 1939 (in part)\n"
        "Federal Register correction page and date: 59 FR 12345\n"
        "Continued by: EO 13000, May 1, 1996"
    )
    assert kinds(notes) == [("supersedes", 8248, True), ("continued_by", 13000, False)]


def test_own_number_and_repeats_are_dropped() -> None:
    assert kinds("See: EO 13000; EO 13000; EO 14000", own=14000) == [("see", 13000, False)]


def test_no_notes() -> None:
    assert relations_from_notes(None, 1) == []
    assert relations_from_notes("", 1) == []


def test_evidence_quotes_the_note() -> None:
    [relation] = relations_from_notes("Revoked by: EO 13062, September 29, 1997", 12891)
    assert relation == Relation("revoked_by", 13062, False, "Revoked by: EO 13062, September 29, 1997")


def test_every_kind_has_an_inverse() -> None:
    for kind, inverse in INVERSE.items():
        assert INVERSE[inverse] == kind
