"""Relations from FR disposition notes (pure)."""

import pytest

from app.ingest.parse import ParsedProvision
from app.ingest.relations import INVERSE, Relation, merge_relations, relations_from_notes, relations_from_text


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


# --------------------------------------------------------------------------------------------------------------------
# Relations stated in the order's own text
# --------------------------------------------------------------------------------------------------------------------


def unit(key: str, text: str, parent: str | None = None, heading: str | None = None) -> ParsedProvision:
    kind = "paragraph" if parent else "section"
    return ParsedProvision(key, key, kind, heading, text, 0 if parent is None else 1, parent, 1)


def read(*texts: str, own: int = 1) -> list[tuple[str, int, bool]]:
    provisions = [unit(str(index), text) for index, text in enumerate(texts, 1)]
    return [(r.kind, r.target_eo_number, r.partial) for r in relations_from_text(provisions, own)]


def test_revocation_of_a_named_order_quotes_its_sentence() -> None:
    text = (
        "Sec. 4. Revocation. Executive Order 14110 of October 30, 2023 (Safe, Secure, and Trustworthy Development "
        "and Use of Artificial Intelligence), is hereby revoked. Agencies shall act accordingly."
    )
    [relation] = relations_from_text([unit("4", text, heading="Revocation")], 14179)
    assert relation == Relation(
        "revokes",
        14110,
        False,
        "Executive Order 14110 of October 30, 2023 (Safe, Secure, and Trustworthy Development and Use of Artificial "
        "Intelligence), is hereby revoked.",
        "text",
    )


def test_several_orders_share_one_verb_and_abbreviations_are_read() -> None:
    expected = [("revokes", 13985, False), ("revokes", 14035, False)]
    assert read("Executive Orders 13985 and 14035 are revoked.") == expected
    assert read("Executive Orders 13769, 13780, and 13815 are hereby rescinded.") == [
        ("revokes", 13769, False),
        ("revokes", 13780, False),
        ("revokes", 13815, False),
    ]
    assert read("Executive Order No. 12612 of October 26, 1987, and E.O. 12875 of October 26, 1993, are revoked.") == [
        ("revokes", 12612, False),
        ("revokes", 12875, False),
    ]


def test_a_section_of_an_order_is_a_partial_revocation() -> None:
    assert read("Section 3 of Executive Order 13732 is hereby revoked.") == [("revokes", 13732, True)]
    text = "Sections 1 and 2 of Executive Order 12613 are revoked to the extent inconsistent with this order."
    assert read(text) == [("revokes", 12613, True)]
    assert read("Executive Order 12345 is revoked in part.") == [("revokes", 12345, True)]
    assert read("The Annex to Executive Order 13219 is replaced and superseded by the Annex to this order.") == [
        ("supersedes", 13219, True)
    ]


def test_partial_only_if_every_mention_is_partial() -> None:
    assert read("Section 3 of Executive Order 13000 is revoked.", "Executive Order 13000 is revoked.") == [
        ("revokes", 13000, False)
    ]


def test_rescission_list_revokes_every_order_named_below_it() -> None:
    provisions = [
        unit("1", "Section 1. Purpose. The revocations below restore policy set by Executive Order 13000."),
        unit("2", "Sec. 2. Revocation. The following executive actions are hereby revoked:", heading="Revocation"),
        unit("2-a", "(a) Executive Order 13985 of January 20, 2021 (Advancing Racial Equity).", parent="2"),
        unit("2-b", "(b) Executive Order 14044 of September 13, 2021 (Amending Executive Order 14007).", parent="2"),
        unit("2-c", "(c) The Presidential Memorandum of March 13, 2023 (Withdrawal of Certain Areas).", parent="2"),
        unit("2-d", "(d) Section 4 of Executive Order 14110, as amended by Executive Order 14120.", parent="2"),
        unit("2-d-i", "(i) Executive Order 14111.", parent="2-d"),
        unit("3", "Sec. 3. Implementation. Agencies shall rescind actions taken under Executive Order 14999."),
    ]
    relations = relations_from_text(provisions, 14148)
    assert [(r.kind, r.target_eo_number, r.partial) for r in relations] == [
        ("revokes", 13985, False),
        ("revokes", 14044, False),
        ("revokes", 14110, True),
        ("revokes", 14111, False),
    ]
    assert relations[0].evidence == (
        "The following executive actions are hereby revoked: "
        "Executive Order 13985 of January 20, 2021 (Advancing Racial Equity)."
    )


def test_rescission_list_in_the_same_sentence() -> None:
    text = (
        "The following Presidential actions are revoked: Executive Order 13925 of May 28, 2020 (Preventing Online "
        "Censorship), the Presidential Memorandum of June 1, 2020, and Executive Order 13933 of June 26, 2020."
    )
    assert read(text) == [("revokes", 13925, False), ("revokes", 13933, False)]
    assert read("The following Executive Orders are amended as follows:") == []


def test_amendments() -> None:
    assert read("Executive Order 12866 of September 30, 1993, as amended, is further amended by adding a section.") == [
        ("amends", 12866, False)
    ]
    text = (
        "By the authority vested in me as President, it is hereby ordered that section 4(b) of Executive Order No. "
        "12852, as amended by Executive Order 12965, is further amended by deleting ``1997'' and inserting ``1999''."
    )
    assert read(text) == [("amends", 12852, False)]
    assert read("In Executive Order 13038, the second sentence of section 1 is amended by deleting ``15''.") == [
        ("amends", 13038, False)
    ]
    assert read("In order to amend Executive Order 12981, it is hereby ordered as follows:") == [
        ("amends", 12981, False)
    ]
    text = (
        "For the purposes set forth in section 1 of Executive Order 13295, as amended by Executive Order 13375, "
        "section 1 of Executive Order 13295 shall be further amended by replacing subsection (b)."
    )
    assert read(text) == [("amends", 13295, False)]
    assert read("The Secretary shall recommend whether Executive Order 12866 should be amended.") == []


def test_supersession() -> None:
    assert read("This order supersedes Executive Order 12143 of June 22, 1979.") == [("supersedes", 12143, False)]
    assert read("Executive Order 12944 of December 28, 1994, is superseded.") == [("supersedes", 12944, False)]
    assert read("Executive Order 10582 is superseded to the extent that it is inconsistent with this order.") == [
        ("supersedes", 10582, True)
    ]
    assert read("This order supplements but does not supersede Executive Order 12866.") == []
    assert read("Nothing in this order shall supersede Executive Order 12968, as amended.") == []


def test_orders_referred_back_to() -> None:
    text = "This order supersedes Executive Order 13592 of December 2, 2011 (Improving Education), which is revoked."
    assert read(text) == [("supersedes", 13592, False), ("revokes", 13592, False)]
    text = "Accordingly, I hereby terminate the emergency declared in Executive Order 13617, revoke that order."
    assert read(text) == [("revokes", 13617, False)]
    text = "This order supersedes Executive Order 13490, and therefore Executive Order 13490 is hereby revoked."
    assert read(text) == [("supersedes", 13490, False), ("revokes", 13490, False)]


def test_references_are_not_relations() -> None:
    for text in (
        "Information shall be classified pursuant to Executive Order 13526.",
        "The term has the meaning given in Executive Order 12333, as amended, and is revoked only by statute.",
        "Agencies shall act consistent with Executive Order 13985 and the policy set forth in Executive Order 14035.",
        "The Council established by Executive Order 12345 is hereby revoked.",
        "Section 2 is amended to read: “Executive Order 12000 is hereby revoked.”",
        "The order of January 20, 2021, is hereby revoked.",
        "The provisions of this order are revoked upon expiration.",
    ):
        assert read(text) == [], text


def test_the_order_itself_is_never_a_target() -> None:
    assert read("Executive Order 14000 is amended, and Executive Order 13999 is revoked.", own=14000) == [
        ("revokes", 13999, False)
    ]


def test_merge_keeps_the_first_evidence_and_clears_partial_unless_all_agree() -> None:
    notes = [Relation("revokes", 13000, True, "Revokes: EO 13000 (in part)"), Relation("amends", 12000, False, "n")]
    text = [
        Relation("revokes", 13000, False, "Executive Order 13000 is revoked."),
        Relation("supersedes", 11000, True, "t"),
    ]
    assert merge_relations(notes, text) == [
        Relation("revokes", 13000, False, "Revokes: EO 13000 (in part)"),
        Relation("amends", 12000, False, "n"),
        Relation("supersedes", 11000, True, "t"),
    ]
    assert merge_relations([Relation("revokes", 1, True, "a")], [Relation("revokes", 1, True, "b")]) == [
        Relation("revokes", 1, True, "a")
    ]
    assert merge_relations() == []


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (
            "Amends: EO 13467, June 30, 2008; EO 12171, November 18, 1979 See: EO 13488",
            [("amends", 13467, False), ("amends", 12171, False), ("see", 13488, False)],
        ),
        ("Continues certain committee established by: EO 11145, March 7, 1964", [("continues", 11145, False)]),
        ("Revoked (in part) by: EO 13316, September 17, 2003", [("revoked_by", 13316, True)]),
        ("Terminated by: EO 13519, November 17, 2009", [("revoked_by", 13519, False)]),
        ("Revokes: Executive Order 13708", [("revokes", 13708, False)]),
        ("Reinstated by: EO 14171, January 20, 2025", [("reinstated_by", 14171, False)]),
    ],
)
def test_note_shapes_seen_in_fr_data(notes: str, expected: list[tuple[str, int, bool]]) -> None:
    assert kinds(notes) == expected
