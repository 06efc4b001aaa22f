"""Sections parsed from the corpus text files against the section headings of the same orders' FR XML.

The XML side is counted here with lxml alone, independently of app.ingest.parse, so that a parser rule that loses or
invents sections shows up as a difference.
"""

from __future__ import annotations

import json
import re
import time

import pytest
from lxml import etree

from app.ingest.parse import parse_text
from tests.conftest import CORPUS

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (CORPUS / "documents.jsonl").is_file(), reason="corpus not available at ../shared/corpus"),
]

_HEADING = re.compile(
    r"(?:Section|SECTION|Sec|SEC|Sect)\.?\s*(?P<number>\d{1,3}-\d{3}|\d{1,4}(?:\.\s?\d{1,3})*)(?:\.|(?=\s+[A-Z“(]))"
)
_QUOTED_HEADING = re.compile(r"[“”\"]\s*" + _HEADING.pattern)
_ANNOUNCES_QUOTATION = re.compile(r"\b(?:to read|reads?|insert(?:ing)?|add(?:ing|ed)?)\b[^:]{0,150}:$", re.IGNORECASE)
_ENACTING_CLAUSE = re.compile(r"\bauthority vested in me\b|\bordered\b|\bhereby order\b", re.IGNORECASE)
_MISPRINTED_CLOSE = re.compile(r"[.,;]“$")


def _number(label: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.split(r"[.-]", label.replace(" ", "")))


def _may_follow(previous: tuple[int, ...] | None, number: tuple[int, ...]) -> bool:
    """Own numbering never goes back; it moves on by a few sections, or to the next hundred (Part 2 at 201)."""
    if previous is None:
        return True
    if number < previous:
        return False
    return number[0] - previous[0] <= 3 or number[0] // 100 == previous[0] // 100 + 1


def _is_next(previous: tuple[int, ...] | None, number: tuple[int, ...]) -> bool:
    """Whether `number` is the very next heading after `previous`: 4 after 3, 2.3 after 2.2, 3 or 3.1 after 2.4."""
    if previous is None:
        return False
    if number[0] == previous[0] + 1:
        return True
    if len(number) == len(previous) + 1:
        return number[:-1] == previous and number[-1] == 1
    return len(number) == len(previous) and number[:-1] == previous[:-1] and number[-1] == previous[-1] + 1


def _quotations(paragraphs: list[str], start: int) -> set[int]:
    """Indexes (from `start` on) of paragraphs inside a quotation that an earlier paragraph opened.

    Inside a quotation each new paragraph opens with “ again without the previous one being closed; an opening mark
    after a paragraph's final period is a misprinted closing one. A quotation opened inside a paragraph and never
    closed is a misprint too; one whose paragraph starts with the quote mark runs to the end of the order.
    """
    inside: set[int] = set()
    opened, depth = None, 0
    for index in range(start, len(paragraphs)):
        text = paragraphs[index]
        if _MISPRINTED_CLOSE.search(text):
            text = text[:-1] + "”"
        balance = text.count("“") + text.count("``") - text.count("”") - text.count("''")
        if depth and text.startswith(("“", "``")):
            balance -= 1
        if not depth and balance > 0:
            opened = index
        depth += balance
        if depth <= 0:
            if opened is not None:
                inside.update(range(opened + 1, index + 1))
            opened, depth = None, 0
    if opened is not None and paragraphs[opened].startswith(("“", "``")):
        inside.update(range(opened + 1, len(paragraphs)))
    return inside


def xml_section_count(xml: bytes) -> int:
    """Headings of the order's own sections in FR XML.

    A heading is an FP, P or TXT paragraph whose text (its <E> runs joined) starts "Section N."/"Sec. N."/"SEC. N.",
    N being 3, 3.1 (also split as "Sec. 3. 1.") or 2-201; one starting with a quote mark is quoted text. It is the
    order's own heading unless:
    - it follows a paragraph announcing text for another order ("... is amended to read as follows:", "insert the
      following new sections:"); the enacting clause ("By the authority vested in me ..., Executive Order X is
      amended as follows:") announces the order's own sections;
    - it lies inside a quotation (see _quotations). Where FR lost the closing mark, a heading that is the next of the
      order's own numbering and not the next of the quoted numbering ends the quotation;
    - its number goes back or jumps ahead in the order's own numbering (a repeated number still counts).
    """
    order = etree.fromstring(xml).find(".//EXECORD")
    paragraphs = [" ".join("".join(element.itertext()).split()) for element in order.iter("FP", "P", "TXT")]
    quoted = _quotations(paragraphs, 0)
    own = quoted_number = None
    count = 0
    for index, text in enumerate(paragraphs):
        if heading := _HEADING.match(text):
            number = _number(heading.group("number"))
            before = paragraphs[index - 1] if index else ""
            announced = bool(_ANNOUNCES_QUOTATION.search(before)) and not _ENACTING_CLAUSE.search(before)
            lost_close = _is_next(own, number) and not _is_next(quoted_number, number)
            if index in quoted and lost_close and not announced:
                quoted = {i for i in quoted if i < index} | _quotations(paragraphs, index)
            if announced or index in quoted:
                quoted_number = number
            elif _may_follow(own, number):
                own, quoted_number = number, None
                count += 1
        for quoted_heading in _QUOTED_HEADING.finditer(text):
            quoted_number = _number(quoted_heading.group("number"))
    return count


def test_text_sections_match_xml_headings():
    documents = [json.loads(line) for line in (CORPUS / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    both = [d for d in documents if d["corpus"]["xml"] and d["corpus"]["text"]]
    mismatches = []
    parse_seconds = 0.0
    for document in both:
        files = document["corpus"]
        expected = xml_section_count((CORPUS / files["xml"]).read_bytes())
        text = (CORPUS / files["text"]).read_text(encoding="utf-8")
        started = time.perf_counter()
        provisions = parse_text(text)
        parse_seconds += time.perf_counter() - started
        parsed = sum(provision.kind == "section" for provision in provisions)
        if parsed != expected:
            mismatches.append((document["executive_order_number"], expected, parsed))
    print(f"\n{len(both)} orders with XML and text, text parsed in {parse_seconds:.2f} s; {len(mismatches)} mismatches")
    for eo_number, expected, parsed in mismatches:
        print(f"EO {eo_number}: {expected} section headings in the XML, {parsed} sections parsed from the text")
    assert both
    assert len(mismatches) <= len(both) // 100
