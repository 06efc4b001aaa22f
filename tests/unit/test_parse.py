"""Provision trees from FR XML and plain text (app.ingest.parse)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from app.ingest.labels import label_mismatches
from app.ingest.parse import ParsedProvision, ParseError, parse_text, parse_xml, roman_value, to_roman

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "parse"
CORPUS = Path(os.environ.get("EOKB_CORPUS_DIR") or Path(__file__).resolve().parents[2].parent / "shared" / "corpus")
URL_SAFE_KEY = re.compile(r"[A-Za-z0-9._~-]+")


def fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def shape(provisions: list[ParsedProvision]) -> list[tuple[str, str | None, str, int, str | None]]:
    return [(p.key, p.section, p.kind, p.depth, p.parent_key) for p in provisions]


def by_key(provisions: list[ParsedProvision]) -> dict[str, ParsedProvision]:
    return {p.key: p for p in provisions}


def assert_well_formed(provisions: list[ParsedProvision]) -> None:
    """Invariants every parse must keep, whatever the input."""
    assert provisions
    keys = [p.key for p in provisions]
    assert len(keys) == len(set(keys)), "keys must be unique"
    seen: dict[str, ParsedProvision] = {}
    siblings: dict[str | None, list[int]] = {}
    for provision in provisions:
        assert URL_SAFE_KEY.fullmatch(provision.key), provision.key
        if provision.parent_key is None:
            assert provision.depth == 0
        else:
            assert provision.parent_key in seen, f"{provision.key} comes before its parent"
            assert provision.depth == seen[provision.parent_key].depth + 1
        if provision.section is not None:  # "1(a)", or "Part II 1(a)" where each part numbers its sections afresh
            assert re.fullmatch(r"(?:Part [IVXL\d]+ )?\S+", provision.section), provision.section
        siblings.setdefault(provision.parent_key, []).append(provision.ordinal)
        seen[provision.key] = provision
    for ordinals in siblings.values():
        assert ordinals == list(range(1, len(ordinals) + 1))


def assert_marker_and_no_child_text(provisions: list[ParsedProvision]) -> None:
    """A paragraph's text starts with its own marker and holds none of its children's text."""
    for provision in provisions:
        if provision.kind == "paragraph":
            assert provision.text.startswith(f"({provision.section.rsplit('(', 1)[-1]}"), provision
        for child in provisions:
            if child.parent_key == provision.key:
                assert child.text not in provision.text


# ---------------------------------------------------------------------------------------------------------------------
# FR XML
# ---------------------------------------------------------------------------------------------------------------------


def test_fr_xml_tree():
    provisions = parse_xml((FIXTURES / "fr_order.xml").read_bytes())
    assert_well_formed(provisions)
    assert_marker_and_no_child_text(provisions)
    assert shape(provisions) == [
        ("preamble", None, "preamble", 0, None),
        ("1", "1", "section", 0, None),
        ("2", "2", "section", 0, None),
        ("2-a", "2(a)", "paragraph", 1, "2"),
        ("2-b", "2(b)", "paragraph", 1, "2"),
        ("2-b-i", "2(b)(i)", "paragraph", 2, "2-b"),
        ("2-b-ii", "2(b)(ii)", "paragraph", 2, "2-b"),
        ("3", "3", "section", 0, None),
        ("3-a", "3(a)", "paragraph", 1, "3"),
        ("3-a-1", "3(a)(1)", "paragraph", 2, "3-a"),
        ("3-a-2", "3(a)(2)", "paragraph", 2, "3-a"),
        ("3-b", "3(b)", "paragraph", 1, "3"),
        ("4", "4", "section", 0, None),
        ("signature", None, "signature", 0, None),
    ]
    assert [p.ordinal for p in provisions if p.parent_key is None] == [1, 2, 3, 4, 5, 6]


def test_fr_xml_headings_come_from_emphasis():
    provisions = by_key(parse_xml((FIXTURES / "fr_order.xml").read_bytes()))
    assert provisions["1"].heading == "Purpose"
    assert provisions["2"].heading == "Policy"
    assert provisions["3"].heading == "Inventory"  # "<E>Sec. 3</E>. <E>Inventory.</E>": period outside the run
    assert provisions["4"].heading == "General Provisions"
    assert provisions["3-a"].heading == "Survey"
    assert provisions["2-a"].heading is None
    assert provisions["3-b"].heading is None  # "Federal Register" is emphasised mid-sentence, not a caption


def test_fr_xml_text_is_verbatim_without_markup_artifacts():
    provisions = parse_xml((FIXTURES / "fr_order.xml").read_bytes())
    texts = by_key(provisions)
    assert "Many of them need repair, and this order" in texts["1"].text  # PRTPAGE inside the sentence
    assert texts["2"].text == "Sec. 2. Policy."  # the inline "(a)" becomes its own paragraph
    assert texts["2-a"].text.startswith("(a) It is the policy")
    assert texts["3-a-1"].text == "(1) are older than 100 years; or"  # ST1 marker joined to its TXT
    assert texts["3-b"].text == "(b) The list shall be published in the Federal Register."
    assert texts["signature"].text == "THE WHITE HOUSE, March 3, 2031."
    everything = " ".join(p.text for p in provisions)
    for artifact in ("EO01MR31", "FR Doc", "Billing code", "Title 3", "Executive Order 99901 of", "Lighthouses"):
        assert artifact not in everything


def test_xml_str_and_bytes_give_the_same_tree():
    data = (FIXTURES / "fr_order.xml").read_bytes()
    assert parse_xml(data.decode("utf-8")) == parse_xml(data)


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        (b"<PRESDOCU><EXECORD><FP>By the authority</FP></PRESDOCU>", "malformed XML"),
        (b"", "malformed XML"),
        (b"<RULE><P>Not an order.</P></RULE>", "no EXECORD"),
        (b"<PRESDOCU><EXECORD><HD>Title only</HD></EXECORD></PRESDOCU>", "no text"),
    ],
)
def test_xml_that_is_not_an_order_raises(xml: bytes, message: str):
    with pytest.raises(ParseError, match=message):
        parse_xml(xml)


# ---------------------------------------------------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------------------------------------------------


def test_fr_style_text_tree():
    provisions = parse_text(fixture_text("fr_style.txt"))
    assert_well_formed(provisions)
    assert_marker_and_no_child_text(provisions)
    letters = [f"3({letter})" for letter in "abcdefghijklmnopqrstuv"]
    expected = ["1", "2", "2(a)", "2(b)", "3", *letters[:3], "3(c)(i)", "3(c)(ii)", *letters[3:]]
    expected += ["4", "4(a)", "4(a)(i)", "4(a)(i)(A)", "4(a)(i)(A)(1)", "4(a)(i)(A)(2)", "4(a)(i)(B)", "4(a)(ii)"]
    expected += ["4(b)", "5"]
    assert [p.section for p in provisions if p.section] == expected
    assert [p.kind for p in provisions if not p.section] == ["preamble", "signature", "annex"]


def test_letter_i_after_h_and_v_after_u_stay_letters():
    provisions = by_key(parse_text(fixture_text("fr_style.txt")))
    for key in ("3-i", "3-v"):
        assert provisions[key].parent_key == "3"
        assert provisions[key].depth == 1
    assert provisions["3-c-i"].parent_key == "3-c"  # after "(c) ... means:" the (i) is roman


def test_nested_levels_have_depths_and_keys():
    provisions = by_key(parse_text(fixture_text("fr_style.txt")))
    deepest = provisions["4-a-i-A-1"]
    assert (deepest.section, deepest.depth, deepest.parent_key) == ("4(a)(i)(A)(1)", 4, "4-a-i-A")
    assert provisions["4-a-ii"].parent_key == "4-a"
    assert provisions["4-b"].parent_key == "4"


def test_inline_reference_does_not_split():
    provisions = by_key(parse_text(fixture_text("fr_style.txt")))
    assert "consistent with section 3(a) of this order and with the plan" in provisions["2-b"].text
    assert not any(key.startswith("2-b-") for key in provisions)


def test_section_text_and_heading():
    provisions = by_key(parse_text(fixture_text("fr_style.txt")))
    assert provisions["1"].heading == "Purpose"
    assert provisions["1"].text.startswith("Section 1. Purpose. Coastal lighthouses")
    assert provisions["3"].heading == "Definitions"
    assert provisions["3"].text == "Sec. 3. Definitions. For purposes of this order:"
    assert provisions["5"].heading == "General Provisions"
    assert provisions["annex"].heading == "ANNEX"
    assert provisions["annex"].text == "ANNEX Cape Example Light Point Sample Light"


def test_transcription_style():
    provisions = parse_text(fixture_text("transcription.txt"))
    assert_well_formed(provisions)
    assert_marker_and_no_child_text(provisions)
    texts = by_key(provisions)
    assert [p.section for p in provisions if p.section] == [
        "1", "2", "2(a)", "2(b)", "3", "3(a)", "3(b)", "4", "4(a)", "4(a)(i)", "4(a)(ii)", "4(b)",
    ]  # fmt: skip
    assert texts["1"].heading == "Purpose"
    assert texts["1"].text.startswith("Section 1. Purpose . Our harbors")  # verbatim, stray space kept
    assert texts["2"].heading == "Protecting Harbors"
    assert texts["3"].heading == "Implementation"
    assert texts["signature"].text == "JANE A. EXAMPLE THE WHITE HOUSE, April 1, 2031."
    assert texts["preamble"].text.endswith("it is hereby ordered:")


def test_decimal_sections_and_part_headings():
    provisions = parse_text(fixture_text("decimal_sections.txt"))
    assert_well_formed(provisions)
    texts = by_key(provisions)
    assert [p.key for p in provisions] == [
        "preamble", "part-1", "1.1", "1.1-a", "1.1-a-1", "1.1-a-2", "1.1-b", "1.2", "part-2",
        "2", "2.1", "2.1-a", "2.2", "2.2-a", "3", "signature",
    ]  # fmt: skip
    assert texts["1.1-a-1"].section == "1.1(a)(1)"
    assert texts["part-1"].kind == "text"
    assert texts["part-1"].heading == "PART 1—REVIEW"
    assert texts["2.1"].heading == "Guidelines"  # "2.1. Guidelines." printed without "Sec."
    assert "NOW, THEREFORE" in texts["preamble"].text


def test_amending_order_keeps_quoted_sections_with_their_introduction():
    provisions = parse_text(fixture_text("amending_order.txt"))
    assert_well_formed(provisions)
    texts = by_key(provisions)
    assert [p.section for p in provisions if p.kind == "section"] == ["1", "2", "3"]
    assert [p.key for p in provisions if p.parent_key == "1"] == ["1-a", "1-b", "1-c"]
    quoting = texts["1-b"].text
    assert quoting.startswith("(b) Section 3 is amended to read as follows: “Sec. 3. Reports.")
    assert "(i) the repairs completed; and “(ii) the repairs still needed.”" in quoting
    assert "Sec. 5. Termination." in texts["2"].text  # quoted without quote marks, after "to read as follows:"
    assert texts["3"].heading == "General Provisions"


def test_enacting_clause_announcing_amendments_is_followed_by_own_sections():
    provisions = parse_text(fixture_text("amending_preamble.txt"))
    assert_well_formed(provisions)
    texts = by_key(provisions)
    assert [p.key for p in provisions] == ["preamble", "1", "2", "3", "signature"]
    assert texts["preamble"].text.endswith("is further amended as follows:")
    assert texts["1"].text.startswith("Section 1. Section 2(a) of the order is amended")
    assert "“Sec. 6. `Keeper' refers to a person who: (a) tends a light;" in texts["2"].text  # inserted, not own
    assert texts["2"].text.endswith("“Sec. 7. The Board may issue guidance on the duties of keepers.”")


def test_single_section_after_an_amending_enacting_clause():
    text = (
        "By the authority vested in me as President, it is hereby ordered that Executive Order 99801 is amended"
        " as follows:\nSection 1. Section 4 of the order is amended by striking “two” and inserting “three.”\n"
        "THE WHITE HOUSE,\nJuly 1, 2031.\n"
    )
    assert [(p.key, p.kind) for p in parse_text(text)] == [
        ("preamble", "preamble"),
        ("1", "section"),
        ("signature", "signature"),
    ]


def test_quotation_that_lost_its_closing_mark_ends_at_the_next_own_section():
    provisions = parse_xml((FIXTURES / "lost_quote_marks.xml").read_bytes())
    assert_well_formed(provisions)
    texts = by_key(provisions)
    assert [p.key for p in provisions] == ["preamble", "1", "2", "3", "3-a", "3-b", "4", "5", "signature"]
    assert texts["2"].text.endswith("(b) “Light” means a lighthouse listed under section 3 of this order.")
    assert texts["3"].heading == "Training"


def test_opening_mark_after_a_final_period_closes_the_quotation():
    provisions = by_key(parse_xml((FIXTURES / "lost_quote_marks.xml").read_bytes()))
    assert provisions["4"].text.endswith("(b) Logs shall be kept for 5 years.“")  # verbatim, misprint kept
    assert provisions["5"].heading == "General Provisions"


@pytest.mark.parametrize(
    "quotation",
    [
        "Sec. 2. Sections 2 and 3 of Executive Order 99801 are amended to read as follows:\n"
        "“Sec. 2. Keepers. Each light shall have a keeper.\nSec. 3. Logs. Keepers shall log the weather.”\n",
        "Sec. 2. Section 2 of Executive Order 99801 is amended to read as follows: “Sec. 2. Keepers. Each light shall"
        " have a keeper.\nSec. 3. Logs. Keepers shall log the weather.”\n",
    ],
)
def test_section_continuing_the_quoted_numbering_stays_quoted(quotation: str):
    text = f"Section 1. Purpose. Keepers need rules.\n{quotation}Sec. 3. General Provisions. This order is final.\n"
    provisions = parse_text(text)
    assert [p.key for p in provisions] == ["1", "2", "3"]
    assert "Sec. 3. Logs." in provisions[1].text
    assert provisions[2].heading == "General Provisions"


def test_four_digit_section_numbers():
    text = (
        "PART 9—REPORTS\nSec. 901. Annual Report. The Board shall report each year.\n"
        "PART 10—DEFINITIONS\nSec. 1001. “Keeper” means a person who tends a light.\n"
        "Sec. 1002. “Light” means a lighthouse.\n"
    )
    assert [p.key for p in parse_text(text)] == ["part-9", "901", "part-10", "1001", "1002"]


def test_sections_numbered_afresh_in_each_part_are_labelled_with_their_part():
    text = (
        "Part I: Lighthouses\nSection 1. Review. (a) The Board shall count lights.\nSec. 2. Report. The Board shall "
        "report.\nPart II: Buoys\nSection 1. Review. (a) The Board shall count buoys.\n"
    )
    provisions = parse_text(text)
    assert [(p.key, p.section) for p in provisions] == [
        ("part-I", None), ("1", "Part I 1"), ("1-a", "Part I 1(a)"), ("2", "Part I 2"),
        ("part-II", None), ("1_2", "Part II 1"), ("1_2-a", "Part II 1(a)"),
    ]  # fmt: skip
    assert label_mismatches(provisions) == []


def test_a_decimal_section_glued_to_the_end_of_a_paragraph_starts_its_own_section():
    text = (
        "Sec. 4. Widgets.\n4.1. Counting Widgets.\n(a) The Secretary of Labor shall count widgets. 4.2. Pricing "
        "Widgets. To price them:\n(a) The Secretary of Commerce shall price widgets.\nSec. 5. Gadgets. The "
        "Secretary of Energy shall count gadgets. See section 4.1 of this order and Sec. 5.1 of that order.\n"
    )
    provisions = parse_text(text)
    assert [p.section for p in provisions if p.kind == "section"] == ["4", "4.1", "4.2", "5"]
    assert by_key(provisions)["4.1-a"].text == "(a) The Secretary of Labor shall count widgets."
    assert by_key(provisions)["4.2"].text.startswith("4.2. Pricing Widgets. To price them:")


def test_order_without_sections_is_one_text_unit():
    provisions = parse_text(fixture_text("no_sections.txt"))
    assert_well_formed(provisions)
    assert shape(provisions) == [("text", None, "text", 0, None), ("signature", None, "signature", 0, None)]
    assert provisions[0].text.endswith("Executive Order 99701 of May 5, 2029, is revoked.")


def test_order_without_sections_after_an_enacting_clause():
    text = (
        "By the authority vested in me as President, it is hereby ordered:\n"
        "The Lighthouse Advisory Board is abolished.\n"
        "(a) Its records go to the National Archives.\n"
        "THE WHITE HOUSE,\nJuly 1, 2031.\n"
    )
    assert shape(parse_text(text)) == [
        ("preamble", None, "preamble", 0, None),
        ("text", None, "text", 0, None),
        ("text-a", "(a)", "paragraph", 1, "text"),
        ("signature", None, "signature", 0, None),
    ]


def test_roman_or_letter_decided_by_what_follows():
    text = (
        "Sec. 1. Duties.\n(a) The Board shall meet.\n(h) The Board shall also report.\n"
        "(i) first item.\n(ii) second item.\n(i) The Board shall keep minutes.\n(j) The Board may hire staff.\n"
    )
    assert [(p.section, p.parent_key) for p in parse_text(text)] == [
        ("1", None),
        ("1(a)", "1"),
        ("1(h)", "1"),
        ("1(h)(i)", "1-h"),
        ("1(h)(ii)", "1-h"),
        ("1(i)", "1"),
        ("1(j)", "1"),
    ]


def test_compound_marker_opens_two_levels():
    text = "Sec. 1. Membership.\n(a)(i) The Secretary of State.\n(ii) The Secretary of Defense.\n(b) Staff.\n"
    provisions = parse_text(text)
    assert shape(provisions)[1:] == [
        ("1-a", "1(a)", "paragraph", 1, "1"),
        ("1-a-i", "1(a)(i)", "paragraph", 2, "1-a"),
        ("1-a-ii", "1(a)(ii)", "paragraph", 2, "1-a"),
        ("1-b", "1(b)", "paragraph", 1, "1"),
    ]
    assert provisions[1].text == "(a)"


def test_line_broken_after_a_reference_word_is_not_a_paragraph():
    text = "Sec. 1. Exceptions.\n(a) Agencies shall comply.\n(b) Subsection\n(a) of this section does not apply here.\n"
    provisions = parse_text(text)
    assert [p.key for p in provisions] == ["1", "1-a", "1-b"]
    assert provisions[-1].text == "(b) Subsection (a) of this section does not apply here."


def labels(text: str) -> list[str]:
    """Section labels of a parsed text, after checking that they fit where the paragraphs sit."""
    provisions = parse_text(text)
    assert label_mismatches(provisions) == []
    return [p.section for p in provisions if p.section]


def test_marker_and_first_sub_marker_split_by_a_space_open_two_levels():
    text = (
        "Sec. 8. Exemptions.\n(a) The Director may exempt an activity.\n"
        "(b) (i) The head of an agency may exempt vehicle fleets.\n(ii) Heads of agencies shall manage such fleets.\n"
        "(c) The head of an agency may submit a request.\n"
    )
    assert labels(text) == ["8", "8(a)", "8(b)", "8(b)(i)", "8(b)(ii)", "8(c)"]
    assert parse_text(text)[2].text == "(b)"


def test_inline_list_after_a_marker_stays_inline_when_no_line_continues_it():
    text = "Sec. 3. Functions.\n(a) (i) advise the President, and (ii) keep the President informed.\n(b) Meet.\n"
    assert labels(text) == ["3", "3(a)", "3(b)"]


def test_letter_i_followed_by_its_own_roman_list_stays_a_letter():
    terms = "".join(f"({letter}) “Term {letter}” means a light.\n" for letter in "abcdefgh")
    text = (
        f"Sec. 5. Definitions.\n{terms}(i) “Service” means:\n(i) tending a light; or\n(ii) logging the weather.\n"
        "(j) “Keeper” means a person.\n"
    )
    assert labels(text)[-5:] == ["5(h)", "5(i)", "5(i)(i)", "5(i)(ii)", "5(j)"]


def test_inline_paragraphs_continued_by_the_next_line_get_lines_of_their_own():
    text = (
        "Sec. 2. Revocations.\n(a) Order 1 is revoked.\n(b) Order 2 is revoked. (c) Order 3 is revoked. (d) Order 4 is"
        " revoked.\n(e) Order 5 is revoked.\n"
    )
    provisions = parse_text(text)
    assert labels(text) == ["2", "2(a)", "2(b)", "2(c)", "2(d)", "2(e)"]
    assert provisions[3].text == "(c) Order 3 is revoked."


def test_inline_item_after_a_semicolon_continuing_the_line_own_marker():
    text = (
        "Sec. 5. Extensions.\n(a) The Board may extend a review if:\n(1) the issues are complex; (2) the country is"
        " making progress; or\n(3) the country is enforcing its rules.\n"
    )
    assert labels(text) == ["5", "5(a)", "5(a)(1)", "5(a)(2)", "5(a)(3)"]


def test_inline_first_paragraph_continued_after_a_quoted_line():
    text = (
        "Section 1. Executive Order 99801 is hereby amended: (a) in the preamble, by inserting after “Act” the words:\n"
        "“and the Lighthouse Act of 2030”; and\n(b) by adding a new subsection (d).\nSec. 2. This order is final.\n"
    )
    assert labels(text) == ["1", "1(a)", "1(b)", "2"]


def test_inline_paragraph_ending_in_a_colon_takes_the_list_that_follows():
    text = (
        "Section 1. Except as provided by law, the following are blocked: (a) all property of:\n"
        "(i) the persons listed in the Annex; and\n(ii) persons designated by the Secretary; and\n"
        "(b) any transaction in such property is prohibited.\n"
    )
    assert labels(text) == ["1", "1(a)", "1(a)(i)", "1(a)(ii)", "1(b)"]


def test_inline_list_of_the_paragraph_own_style_is_not_split_off():
    text = (
        "Sec. 2. Policy.\n(a) All agencies shall: (a) identify their actions; (b) reduce harm; and (c) report.\n"
        "(b) Exceptions may be allowed in an emergency.\n"
    )
    assert labels(text) == ["2", "2(a)", "2(b)"]


@pytest.mark.parametrize(
    "quotations",
    [
        "``(j) Review. The judge shall review the confinement.\n"  # the next item follows on the next line
        "(k) Remedy. Credit shall be given.'' b. Rule 405(e) is amended to read as follows:\n"
        "``(e) Scope. The officer shall inquire.''\n",
        "``(a) Appeals. The United States may appeal.'' b. Rule 909 is amended to read as follows:\n"
        "``(a) Capacity. No person may be tried while incompetent.\n(b) Presumption. Persons are presumed fit.''\n",
        "``(c) Absence. The accused may be absent.\n(1) Election. The accused may elect to be absent.\n"
        "(2) Procedure. The accused may watch from elsewhere.'' b. The following new rule is inserted after Rule\n"
        "914:\n``Rule 914A. Remote testimony. A child may testify from elsewhere.''\n",
    ],
)
def test_own_item_after_a_closing_quote_is_split_off(quotations: str):
    text = (
        "Section 1. Part II of the Manual is amended as follows:\na. Rule 908 is amended to read as follows:\n"
        f"{quotations}c. Rule 920 is revoked.\n"
    )
    provisions = parse_text(text)
    assert labels(text) == ["1", "1(a)", "1(b)", "1(c)"]
    assert provisions[2].text.startswith("b. ")


def test_announcement_broken_inside_its_sentence_is_read_whole():
    text = (
        "Section 1. Part II of the Manual is amended as follows:\na. Rule 12 is amended by inserting the\n"
        "following new subsection at the end:\n(c) Lanterns. Keepers shall keep a lantern.\nb. Rule 14 is revoked.\n"
    )
    provisions = parse_text(text)
    assert labels(text) == ["1", "1(a)", "1(b)"]
    assert provisions[1].text.endswith("at the end: (c) Lanterns. Keepers shall keep a lantern.")


@pytest.mark.parametrize(
    "quotation",
    [
        "(a) Keepers. Each light shall have a keeper.\n(1) The keeper shall live at the light.\n"
        "(2) The keeper shall log the weather.''\n",  # the opening mark was lost
        "``45. Lights\na. Text.\n``(a) Each keeper shall tend a light.\n(b) Each keeper shall log the weather.''"
        " b. Elements.\n(1) That the keeper tended a light.\n(2) That the keeper logged the weather.''\n",  # nested
    ],
)
def test_quotation_runs_on_to_the_paragraph_that_closes_it(quotation: str):
    text = (
        "Sec. 2. Part IV of the Manual is amended as follows:\na. Paragraph 45 is amended to read as follows:\n"
        f"{quotation}b. Paragraph 46 is revoked.\n"
    )
    provisions = parse_text(text)
    assert labels(text) == ["2", "2(a)", "2(b)"]
    assert provisions[1].text.endswith("(2) " + quotation.rsplit("(2) ", 1)[1].strip())


def test_first_marker_left_at_the_end_of_a_heading_opens_the_next_line():
    text = (
        "Section 2. Establishing Equity Teams (a)\nEstablishment. Each agency shall establish an Equity Team.\n"
        "(b) Steering Committee. A Steering Committee is established.\n"
    )
    provisions = parse_text(text)
    assert labels(text) == ["2", "2(a)", "2(b)"]
    assert provisions[0].text == "Section 2. Establishing Equity Teams"
    assert provisions[1].text == "(a) Establishment. Each agency shall establish an Equity Team."


@pytest.mark.parametrize(
    "quotation",
    [
        "“(1) A person who drives while drunk is guilty of an offense.”\n"
        "(2) In this subsection, the term “State” includes Guam.”\n",  # closed early, then closed again
        "”(1) A person who drives while drunk is guilty of an offense;\n"  # opened with a closing mark
        "(2) a person who drives a vessel while drunk is guilty too.”\n",
    ],
)
def test_next_item_of_a_quoted_list_is_quoted_though_the_marks_are_misplaced(quotation: str):
    text = (
        "Sec. 3. Amendments.\n(a) Paragraph 14 is revoked.\n(b) Paragraph 35a is amended to read as follows:\n"
        f"{quotation}(c) Paragraph 36 is revoked.\n"
    )
    provisions = parse_text(text)
    assert labels(text) == ["3", "3(a)", "3(b)", "3(c)"]
    assert "(2) " in provisions[2].text


@pytest.mark.parametrize(
    "quotation",
    [
        "“(b)(1) Advise the President;\n“(2) Advise the Council; and\n",  # every quoted paragraph opens with a mark
        "“(a) Any person who drives while drunk\n(1) on a road; or\n(2) on a beach.\n",  # none is marked "(b)"
    ],
)
def test_own_list_resumes_in_a_quotation_that_lost_its_closing_mark(quotation: str):
    text = (
        "Sec. 2. Executive Order 99801 is further amended as follows:\n(a) Subsection 1(a) is revoked.\n"
        f"(b) Subsection 1(b) is amended to read:\n{quotation}(c) Subsection 1(g) is revoked.\n"
    )
    provisions = parse_text(text)
    assert labels(text) == ["2", "2(a)", "2(b)", "2(c)"]
    assert provisions[2].text == "(b) Subsection 1(b) is amended to read: " + " ".join(quotation.splitlines())


def test_line_announcing_quoted_text_after_one_that_does_is_the_order_own():
    text = (
        "Sec. 2. Part II of the Manual is amended to read as follows:\na. Rule 810(d) is amended to read as follows:\n"
        "``(d) Limits. Sentences shall be limited.''\nb. Rule 924(a) is amended to read as follows:\n"
        "``(a) Time. Members may reconsider.''\n"
    )
    assert labels(text) == ["2", "2(a)", "2(b)"]


def test_colon_after_that_introduces_the_order_own_clauses():
    text = (
        "Sec. 6. Grants.\n(a) Agency heads shall insert in future agreements terms and conditions that:\n"
        "(i) prohibit drawdowns without authorization; and\n(ii) require written explanations.\n"
    )
    assert labels(text) == ["6", "6(a)", "6(a)(i)", "6(a)(ii)"]


def test_roman_values_are_written_the_usual_way():
    assert [roman_value(token) for token in ("iv", "ix", "xl", "xlix", "lx")] == [4, 9, 40, 49, 60]
    assert [roman_value(token) for token in ("iiii", "ll", "lll", "vx", "a")] == [None, None, None, None, None]
    assert to_roman(89) == "lxxxix"


def test_repeated_label_gets_a_suffixed_key():
    text = "Sec. 1. First.\nSec. 2. Second.\nSec. 2. Second again.\nSec. 3. Third.\n"
    provisions = parse_text(text)
    assert [(p.key, p.section) for p in provisions] == [("1", "1"), ("2", "2"), ("2_2", "2"), ("3", "3")]


def test_parsing_is_deterministic():
    text = fixture_text("fr_style.txt")
    assert parse_text(text) == parse_text(text)
    assert parse_text(text.replace("\n", "\r\n")) == parse_text(text)


@pytest.mark.parametrize("text", ["", "   \n\t\n"])
def test_empty_text_raises(text: str):
    with pytest.raises(ParseError, match="empty"):
        parse_text(text)


def test_non_string_input_raises():
    with pytest.raises(ParseError):
        parse_text(b"Sec. 1. Bytes are not text.")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------------------------------
# Whole corpus
# ---------------------------------------------------------------------------------------------------------------------

EO_14409_LABELS = [
    "1", "2", "2(a)", "2(b)", "2(c)", "2(c)(i)", "2(c)(ii)", "2(c)(iii)", "2(d)", "2(e)", "2(f)",
    "3", "3(a)", "3(b)", "3(b)(i)", "3(b)(ii)", "3(b)(iii)", "3(c)", "4",
    "5", "5(a)", "5(a)(i)", "5(a)(ii)", "5(b)", "5(c)", "5(d)",
]  # fmt: skip


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not available at ../shared/corpus")
def test_whole_corpus_parses():
    parsed = 0
    for line in (CORPUS / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        document = json.loads(line)
        files = document["corpus"]
        if files["xml"]:
            provisions = parse_xml((CORPUS / files["xml"]).read_bytes())
        elif files["text"]:
            provisions = parse_text((CORPUS / files["text"]).read_text(encoding="utf-8"))
        else:
            continue
        assert_well_formed(provisions)
        parsed += 1
        if document["executive_order_number"] == 14409:
            assert [p.section for p in provisions if p.section] == EO_14409_LABELS
            assert provisions[0].kind == "preamble"
            assert provisions[-1].kind == "signature"
    assert parsed > 0


def test_an_unmarked_paragraph_after_an_item_is_marked_where_it_begins():
    def item(text: str) -> ParsedProvision:
        return next(p for p in parse_text(f"Sec. 1. Widgets.\n{text}\n") if p.section == "1(a)")

    own_paragraph = item("(a) Count widgets.\nPublish the count.")
    assert own_paragraph.text[own_paragraph.paragraph_starts[0] :] == "Publish the count."
    assert item("(a) Count widgets. Publish the count.").paragraph_starts == ()
