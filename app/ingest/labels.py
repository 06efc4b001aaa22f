"""Consistency of the paragraph labels in a parsed order, checked from the labels alone.

A misplaced paragraph shows in its label: "(ii)" filed under section 8 instead of under "8(c)" becomes "8(ii)" while
its "(i)" is "8(c)(i)". The check reads each label's last marker and asks what could have come just before it, so a
parser rule that mis-levels paragraphs is caught without knowing how the parser decided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.ingest.parse import ParsedProvision, roman_value, to_roman

__all__ = ["LabelMismatch", "label_mismatches"]

_LAST_MARKER = re.compile(r"\((?P<token>[^()]+)\)$")


@dataclass(frozen=True, slots=True)
class LabelMismatch:
    key: str
    section: str
    expected: str  # the label it should have, or the paragraph missing before it
    missing: tuple[str, ...] = ()  # markers one of which should come before it, when none does


def _readings(token: str) -> list[tuple[str, str | None]]:
    """Each way to read a marker, as (style, the marker before it); None when the reading starts a list.

    "i" is the letter after "h" or the first roman numeral; "aa" follows "z" or starts a doubled list.
    """
    if token.isdigit():
        return [("digit", str(int(token) - 1) if int(token) > 1 else None)]
    lower = token.lower()
    found: list[tuple[str, str | None]] = []
    if lower.isalpha() and len(set(lower)) == 1:
        if lower[0] != "a":
            found.append(("letter", chr(ord(lower[0]) - 1) * len(lower)))
        else:
            found.append(("letter", None))
            if len(lower) > 1:
                found.append(("letter", "z" * (len(lower) - 1)))
    if value := roman_value(lower):
        found.append(("roman", to_roman(value - 1) if value > 1 else None))
    if token.isupper():
        return [(f"upper-{style}", before.upper() if before else None) for style, before in found]
    return found


def _styles(token: str, previous_sibling: str | None) -> frozenset[str]:
    """How a paragraph reads where it sits: continuing its previous sibling if it can, else starting a list."""
    readings = _readings(token)
    continuing = frozenset(style for style, before in readings if before is not None and before == previous_sibling)
    starting = frozenset(style for style, before in readings if before is None)
    return continuing or starting or frozenset(style for style, _ in readings)


def label_mismatches(provisions: list[ParsedProvision]) -> list[LabelMismatch]:
    """Paragraphs whose label does not fit where they sit, in text order.

    A paragraph's label is its parent's label plus its own marker. One that can only continue a list ("(ii)", "(b)",
    "(B)", "(2)", "(v)") must find the paragraph before it, read the same way ("(j)" follows the letter "(i)", not
    the numeral), among those still open where it appears (the previous paragraph, its ancestors and their earlier
    children, nearest first), and sit under the same parent.
    """
    by_key = {provision.key: provision for provision in provisions}
    children: dict[str, list[ParsedProvision]] = {}
    styles: dict[str, frozenset[str]] = {}
    mismatches = []
    previous: ParsedProvision | None = None
    for provision in provisions:
        token = _last_token(provision)
        if provision.parent_key is not None and provision.kind == "paragraph" and token is not None:
            siblings = children.get(provision.parent_key, [])
            styles[provision.key] = _styles(token, _last_token(siblings[-1]) if siblings else None)
            readings = _readings(token)
            wanted = {(before, style) for style, before in readings if before is not None}
            must_continue = bool(readings) and all(before is not None for _, before in readings)
            before = _nearest_open(previous, wanted, by_key, children, styles) if must_continue else None
            missing: tuple[str, ...] = ()
            if must_continue and before is None:
                missing = tuple(sorted({marker for marker, _ in wanted}))
                expected = " or ".join(f"({marker})" for marker in missing) + " before it"
            elif before is not None and before.parent_key != provision.parent_key:
                expected = f"{by_key[before.parent_key or ''].section or ''}({token})"
            else:
                expected = f"{by_key[provision.parent_key].section or ''}({token})"
            if expected != provision.section:
                mismatches.append(LabelMismatch(provision.key, provision.section or "", expected, missing))
        if provision.parent_key is not None:
            children.setdefault(provision.parent_key, []).append(provision)
        previous = provision
    return mismatches


def _nearest_open(
    previous: ParsedProvision | None,
    wanted: set[tuple[str, str]],
    by_key: dict[str, ParsedProvision],
    children: dict[str, list[ParsedProvision]],
    styles: dict[str, frozenset[str]],
) -> ParsedProvision | None:
    """The nearest paragraph with a wanted (marker, style) that a list continuing after `previous` could follow."""
    node = previous
    while node is not None:
        for child in reversed(children.get(node.key, [])):
            token = _last_token(child)
            if any((token, style) in wanted for style in styles.get(child.key, ())):
                return child
        node = by_key[node.parent_key] if node.parent_key else None
    return None


def _last_token(provision: ParsedProvision) -> str | None:
    marker = _LAST_MARKER.search(provision.section or "")
    return marker.group("token") if marker else None
