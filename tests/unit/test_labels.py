"""Label consistency of parsed orders (app.ingest.labels), on hand-made provision lists."""

from __future__ import annotations

from app.ingest.labels import LabelMismatch, label_mismatches
from app.ingest.parse import ParsedProvision


def provisions(*units: tuple[str, str, str | None]) -> list[ParsedProvision]:
    """Provisions from (key, section, parent key); the rest does not matter to the check."""
    depths: dict[str, int] = {}
    made = []
    for key, section, parent in units:
        depths[key] = depths[parent] + 1 if parent else 0
        kind = "section" if parent is None else "paragraph"
        made.append(ParsedProvision(key, section, kind, None, f"({section})", depths[key], parent, 1))
    return made


def test_consistent_tree_has_no_mismatches():
    tree = provisions(
        ("8", "8", None),
        ("8-a", "8(a)", "8"),
        ("8-b", "8(b)", "8"),
        ("8-b-i", "8(b)(i)", "8-b"),
        ("8-b-ii", "8(b)(ii)", "8-b"),
        ("8-b-ii-A", "8(b)(ii)(A)", "8-b-ii"),
        ("8-b-ii-B", "8(b)(ii)(B)", "8-b-ii"),
        ("8-c", "8(c)", "8"),
        ("8-c-1", "8(c)(1)", "8-c"),
        ("8-c-2", "8(c)(2)", "8-c"),
    )
    assert label_mismatches(tree) == []


def test_item_filed_under_another_parent_than_its_predecessor():
    tree = provisions(("8", "8", None), ("8-a", "8(a)", "8"), ("8-a-i", "8(a)(i)", "8-a"), ("8-ii", "8(ii)", "8"))
    assert label_mismatches(tree) == [LabelMismatch("8-ii", "8(ii)", "8(a)(ii)")]


def test_item_without_its_predecessor():
    tree = provisions(("2", "2", None), ("2-b", "2(b)", "2"))
    assert label_mismatches(tree) == [LabelMismatch("2-b", "2(b)", "(a) before it", ("a",))]


def test_predecessor_in_a_closed_branch_does_not_count():
    tree = provisions(
        ("1", "1", None),
        ("1-a", "1(a)", "1"),
        ("1-a-i", "1(a)(i)", "1-a"),
        ("1-b", "1(b)", "1"),
        ("1-b-ii", "1(b)(ii)", "1-b"),
    )
    assert label_mismatches(tree) == [LabelMismatch("1-b-ii", "1(b)(ii)", "(hh) or (i) before it", ("hh", "i"))]


def test_label_must_be_the_parent_label_and_the_marker():
    tree = provisions(("3", "3", None), ("3-a", "3(a)", "3"), ("3-a-1", "3(1)", "3-a"))
    assert label_mismatches(tree) == [LabelMismatch("3-a-1", "3(1)", "3(a)(1)")]


def test_letters_that_look_like_numerals_continue_the_letters():
    letters = [(f"5-{letter}", f"5({letter})", "5") for letter in "abcdefgh"]
    tree = provisions(
        ("5", "5", None),
        *letters,
        ("5-i", "5(i)", "5"),
        ("5-i-i", "5(i)(i)", "5-i"),  # the numeral i, first of its list, under the letter i
        ("5-i-ii", "5(i)(ii)", "5-i"),
        ("5-j", "5(j)", "5"),  # follows the letter i, not the numeral nearer to it
    )
    assert label_mismatches(tree) == []


def test_letter_after_a_numeral_it_does_not_follow():
    letters = [(f"5-{letter}", f"5({letter})", "5") for letter in "abcdefgh"]
    tree = provisions(
        ("5", "5", None),
        *letters,
        ("5-h-i", "5(h)(i)", "5-h"),  # the letter i filed as a numeral under (h)
        ("5-j", "5(j)", "5"),
    )
    assert label_mismatches(tree) == [LabelMismatch("5-j", "5(j)", "(i) before it", ("i",))]
