"""Split the body of an executive order into its provision tree.

FR full-text XML and one-paragraph-per-line text both become a list of lines first, so a single builder decides
sections, paragraph levels, preamble, signature and annexes the same way for both. Everything here is pure and
deterministic: the same input always yields the same keys, because provision ids are built from them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

__all__ = ["ParseError", "ParsedProvision", "parse_text", "parse_xml", "roman_value", "to_roman"]


@dataclass(frozen=True, slots=True)
class ParsedProvision:
    key: str  # unique within the order, URL-safe: "2-d", "4.1-a-i", "preamble", "signature", "annex"
    section: str | None  # the order's own label: "2(d)", "4.1(a)(i)"; None for unnumbered units
    kind: str  # "preamble" | "section" | "paragraph" | "signature" | "annex" | "text"
    heading: str | None
    text: str  # this unit only, marker included, children excluded, whitespace collapsed
    depth: int
    parent_key: str | None
    ordinal: int  # 1-based among siblings; top-level units are siblings of each other
    paragraph_starts: tuple[int, ...] = ()  # where in `text` each unmarked paragraph after the first begins


class ParseError(ValueError):
    """The input is not the body of an executive order."""


# --------------------------------------------------------------------------------------------------------------------
# Lines: the common input of the builder
# --------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    # Character spans of emphasised runs (XML <E>); None for plain text, where captions must be guessed.
    emphasis: tuple[tuple[int, int], ...] | None = None
    # What the markup says the line is ("signature" or "annex-heading"); "" when it says nothing.
    role: str = ""

    def tail(self, start: int) -> _Line:
        """The line from `start` on, leading spaces dropped, emphasis spans shifted along."""
        start += len(self.text[start:]) - len(self.text[start:].lstrip())
        spans = None
        if self.emphasis is not None:
            spans = tuple((max(s, start) - start, e - start) for s, e in self.emphasis if e > start)
        return _Line(self.text[start:], spans, self.role)

    def emphasis_after(self, prefix_length: int) -> tuple[tuple[int, int], ...] | None:
        """The emphasis spans once `prefix_length` characters are put before the text."""
        if self.emphasis is None:
            return None
        return tuple((start + prefix_length, end + prefix_length) for start, end in self.emphasis)


_SPACES = re.compile(r"\s+")


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# --------------------------------------------------------------------------------------------------------------------
# FR XML -> lines
# --------------------------------------------------------------------------------------------------------------------

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_FR_HEADER_TAGS = frozenset({"TITLE3", "PRES", "EXECORDR", "HD", "LI"})  # before the body: title and dateline
_FR_TRAILER_TAGS = frozenset({"FRDOC", "FILED", "BILCOD"})
_SKIPPED_INLINE_TAGS = frozenset({"PRTPAGE", "GPH", "GID"})  # page breaks and images: never text
_STUB_TAGS = frozenset({"ST1", "ST2", "ST3"})  # list markers printed in their own element before a TXT
_SIGNATURE_TAGS = frozenset({"PSIG", "PLACE", "DATE"})


class _TextWithEmphasis:
    """Accumulates an element's text, whitespace collapsed, remembering where its <E> runs fall."""

    def __init__(self) -> None:
        self._chunks: list[str] = []
        self._length = 0
        self._ends_with_space = True  # nothing yet: leading whitespace is dropped
        self._spans: list[tuple[int, int]] = []

    def add_element(self, element: etree._Element) -> None:
        if element.tag in _SKIPPED_INLINE_TAGS:
            return
        start = self._length
        self.add_text(element.text)
        for child in element:
            if isinstance(child.tag, str):
                self.add_element(child)
            self.add_text(child.tail)
        if element.tag == "E":
            self._spans.append((start, self._length))

    def add_text(self, text: str | None) -> None:
        collapsed = _SPACES.sub(" ", text or "")
        if self._ends_with_space and collapsed.startswith(" "):
            collapsed = collapsed[1:]
        if collapsed:
            self._chunks.append(collapsed)
            self._length += len(collapsed)
            self._ends_with_space = collapsed.endswith(" ")

    def line(self, role: str = "") -> _Line | None:
        text = "".join(self._chunks).rstrip()
        if not text:
            return None
        spans = tuple(sorted((start, min(end, len(text))) for start, end in self._spans if start < len(text)))
        return _Line(text, spans, role)


def _element_line(element: etree._Element, prefix: str = "", role: str = "") -> _Line | None:
    builder = _TextWithEmphasis()
    if prefix:
        builder.add_text(prefix + " ")
    builder.add_element(element)
    return builder.line(role)


def _table_lines(table: etree._Element) -> list[_Line]:
    """One line per table row (and one for the column headings), cells separated by spaces."""
    lines = []
    for row in table.iter("BOXHD", "ROW"):
        cells = [_element_line(cell) for cell in row.iter("CHED", "ENT")]
        text = " ".join(cell.text for cell in cells if cell)
        if text:
            lines.append(_Line(text, ()))
    return lines


def _block_lines(children: list[etree._Element]) -> list[_Line]:
    """One line per block element (P, FP, TXT with its ST marker, table row ...), in document order."""
    lines: list[_Line] = []
    stub = ""
    for child in children:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_INLINE_TAGS or tag in _FR_TRAILER_TAGS:
            continue
        if tag in _STUB_TAGS:
            stub = _collapse("".join(child.itertext()))
            continue
        if tag == "GPOTABLE":
            lines.extend(_table_lines(child))
        elif tag == "ANNEX":
            lines.extend(_annex_lines(child))
        else:
            role = "signature" if tag in _SIGNATURE_TAGS else "annex-heading" if tag == "HD" else ""
            line = _element_line(child, stub, role)
            if line and not (tag == "PSIG" and not _is_signer(line.text)):  # PSIG is mostly an image placeholder
                lines.append(line)
        stub = ""
    return lines


def _annex_lines(annex: etree._Element) -> list[_Line]:
    lines = _block_lines(list(annex))
    if lines and lines[0].role != "annex-heading":  # an ANNEX element always starts a new annex
        lines[0] = _Line(lines[0].text, lines[0].emphasis, "annex-heading")
    return lines


def _xml_lines(order: etree._Element) -> list[_Line]:
    """Lines of an EXECORD, without the FR header (title, dateline) that precedes the order text."""
    children = [child for child in order if isinstance(child.tag, str)]
    header = _FR_HEADER_TAGS | _SKIPPED_INLINE_TAGS
    first_body = next((i for i, child in enumerate(children) if child.tag not in header), len(children))
    return _block_lines(children[first_body:])


# --------------------------------------------------------------------------------------------------------------------
# Recognisers
# --------------------------------------------------------------------------------------------------------------------

_SECTION = re.compile(
    r"(?:Section|Sec|Sect|SECTION|SEC)\s*\.?\s*(?P<number>\d{1,4}(?:\.\d{1,3})*(?:\.\s\d{1,3}(?=\.\s))?)"
    r"(?:\s*\.(?!\d)|(?=\s+[A-Z(“\"`\[])|\s*$)"
)
_QUOTED_SECTION = re.compile(r"(?:“|``|\")\s*" + _SECTION.pattern)
_BARE_DECIMAL_SECTION = re.compile(r"(?P<number>\d{1,3}\.\d{1,3})\.(?=\s+[A-Z])")  # "4.1. Developing ..." in Sec. 4
_TRAILING_SECTION = re.compile(
    r"(?<=[.;:)”\"])(?<!\bSec\.)(?<!\bSEC\.)\s+(?=\d+\.\d+\.\s+[A-Z][\w,'’-]*"
    r"(?:\s+(?:[A-Z][\w,'’-]*|of|the|and|for|in|on|to|with|from|by|at|an?))*\.(?:\s|$))"
)  # "... solutions. 4.2. Ensuring Safe and Reliable AI." or "... systems. 4.5. Reducing the Risks. To foster ..."
_PART = re.compile(r"(?:PART\s+(?P<upper>\d+|[IVXL]+)\b|Part\s+(?P<title>\d+|[IVXL]+)\s*(?:—|–|--|-|:))")
_PAREN_MARKER = re.compile(
    r"\((?P<token>(?P<lower>[a-z])(?P=lower){0,2}|[ivxl]{1,7}|(?P<upper>[A-Z])(?P=upper){0,2}|[IVXL]{1,7}|\d{1,3})\)"
    r"(?=[\s(A-Z“\"`]|$)"
)
_HYPHEN_MARKER = re.compile(r"(?P<token>\d{1,2}-\d{3})\.(?=\s|$)")
_DOT_MARKER = re.compile(r"(?P<token>[a-z]|[ivx]{2,5}|\d{1,3})\.(?=\s)")
_QUOTE_OPENERS = ("“", "”", '"', "``", "‘", "'")  # sources also open quotations with a closing mark
# "... is amended to read:" - the next line is quoted text even where the quote marks were lost; "... insert terms
# that:" goes on into the order's own clauses.
_VERBATIM_INTRO = re.compile(
    r"\b(?:read|reads|inserting|insert|adding|add)\b[^;]{0,100}(?<!\bthat):\s*$", re.IGNORECASE
)
# "... is amended as follows:" - a "Sec. N." line right after it is quoted, not one of the order's own sections.
_AMENDMENT_INTRO = re.compile(
    r"\b(?:amended|revised|read|reads|inserting|insert|adding|add)\b[^,;()]{0,80}:\s*$", re.IGNORECASE
)
_QUOTATION_END = re.compile(r"(?:''|”)[.,;:]*(?: and| or)?$")  # "... the courtroom.''", "... Security;”;"
_MISPRINTED_CLOSE = re.compile(r"[.,;!?](?:“|``)$")  # "... Center.“" ends a quotation, it cannot open one
_ENACTING_CLAUSE = re.compile(r"\b(?:ordered|order|directed|direct)\b(?: as follows)?\s*:\s*$", re.IGNORECASE)
_DATE = r"(?:Washington,\s*)?[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}\.?"
_DATE_LINE = re.compile(_DATE)
_WHITE_HOUSE_LINE = re.compile(rf"THE WHITE HOUSE,?(?:\s+{_DATE})?", re.IGNORECASE)  # not "The White House Office"
_SIGNER = re.compile(r"[A-Z][A-Z.'\- ]*[A-Z.](?: JR\.?| SR\.?)?")
_ANNEX_HEADING = re.compile(
    r"(?:ANNEX|Annex|APPENDIX|Appendix|SCHEDULE|Schedule|ATTACHMENT|Attachment)(?:\s+(?:[A-Z]|[IVX]+|\d+))?"
    r"\s*(?:[.:]|\s[—–-].*|—.*)?"
)
_FILING_ARTIFACT = re.compile(
    r"\[?FR Doc\. \d|Filed \d{1,2}-\d{1,2}-\d{2}|Billing code \d|^(?:E[A-Z]\d\d[A-Z]{2}\d\d\.\d{3}\s*)+$"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_PERIOD = re.compile(r"\s*\.[”\"']?(?=\s|$|\(|[A-Z][a-z])")
_LAST_WORD = re.compile(r"[A-Za-z]+$")
_LAST_CAPITAL = re.compile(r"(?:^|(?P<dotted>\.)|(?P<word>[A-Za-z]+) )[A-Z]$")
_DIGIT_OR_PARENTHESIS = re.compile(r"[\d()]")
_BARE_CAPTION = re.compile(r"\s*(?P<caption>[A-Z][^.:;()]{0,150}?)\s+(?=\((?:a|1|i|A)\)\s)")
_REFERENCE_WORD = re.compile(r"\b(?:sub)?(?:section|paragraph|clause|part)s?$", re.IGNORECASE)
_LETTERED_UNITS = _words("part schedule title appendix annex subpart subtitle chapter division class group phase tier")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
_SMALL_WORDS = _words(
    "a an and as at by for from in into of on or nor the to under upon with within without via vs versus "
    "than per its their his her our over among between through across against about after before during "
    "that all"
)
_VERB_WORDS = _words(
    "is are was were be been being shall may will must should would could can cannot hereby has have had "
    "does do did means mean includes applies apply refers supersedes revokes amends designates continues "
    "remains provides requires establishes directs becomes"
)
_ABBREVIATIONS = _words(
    "no nos sec sept oct nov dec jan feb aug mr mrs ms dr st jr sr inc co corp v vs pub stat mil evid"
)


def roman_value(token: str) -> int | None:
    """Value of a lower-case roman numeral written the usual subtractive way, else None."""
    if not token or any(c not in _ROMAN_VALUES for c in token):
        return None
    total = 0
    for current, following in zip(token, token[1:] + " ", strict=True):
        value = _ROMAN_VALUES[current]
        total += -value if following != " " and _ROMAN_VALUES[following] > value else value
    return total if to_roman(total) == token else None


def to_roman(value: int) -> str:
    """Lower-case roman numeral of `value`; "c" and "xc" make "ll" or "lxl" fail roman_value's round trip."""
    out = []
    for number, letters in (
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def _is_quoted(text: str) -> bool:
    return text.startswith(_QUOTE_OPENERS)


def _is_signer(text: str) -> bool:
    return bool(_SIGNER.fullmatch(text)) and len(text.split()) >= 2 and len(text) <= 40 and not _PART.match(text)


def _is_date(text: str) -> bool:
    return bool(_DATE_LINE.fullmatch(text))


# --------------------------------------------------------------------------------------------------------------------
# Captions (headings)
# --------------------------------------------------------------------------------------------------------------------


def _caption(line: _Line, label_end: int, *, section: bool) -> tuple[str | None, int]:
    """Heading after a section label or paragraph marker, and where the text after it starts.

    XML marks captions as <E> runs; where it does not (or for plain text) the caption is guessed.
    """
    if line.emphasis:
        found = _caption_from_emphasis(line, label_end)
        if found[0]:
            return found
    return _guess_caption(line.text, label_end, section=section)


def _caption_from_emphasis(line: _Line, label_end: int) -> tuple[str | None, int]:
    """An <E> run right after the label, or the rest of an <E> run that holds the label too."""
    text = line.text
    for start, end in line.emphasis or ():
        if start < label_end < end:
            caption, caption_end = text[label_end:end], end
        elif start >= label_end and not text[label_end:start].strip(" ."):
            caption, caption_end = text[start:end], end
        else:
            continue
        cleaned = _clean_caption(caption)
        if cleaned and not re.fullmatch(r"[\d.]+", cleaned):  # "Sec. 2.</E> <E>1.</E>": a split number, not a caption
            rest = text[caption_end:]
            return cleaned, caption_end + len(rest) - len(rest.lstrip(" ."))
    return None, label_end


def _clean_caption(caption: str) -> str | None:
    cleaned = _collapse(caption).rstrip(" .").strip()
    return cleaned or None


def _sentence_end(text: str) -> re.Match[str] | None:
    """The first period that ends a sentence, not an abbreviation such as "U.S." or "Sept."."""
    for match in _PERIOD.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        word = _LAST_WORD.search(before)
        if word and (word.group().lower() in _ABBREVIATIONS or _is_initial(before)):
            continue
        return match
    return None


def _is_initial(before_period: str) -> bool:
    """ "U.S." or "John F." rather than the end of "Medicare Part B."."""
    match = _LAST_CAPITAL.search(before_period)
    if not match:
        return False
    return bool(match.group("dotted")) or (match.group("word") or "").lower() not in _LETTERED_UNITS


def _guess_caption(text: str, label_end: int, *, section: bool) -> tuple[str | None, int]:
    """Caption in plain text: a short first sentence without a verb ("Purpose ." with its stray space included)."""
    rest = text[label_end:]
    end = _sentence_end(rest)
    bare = _BARE_CAPTION.match(rest) if section else None  # "Section 3. Contracting (a) To ...": period lost
    if bare and (end is None or end.start() > bare.end()):
        caption = bare.group("caption")
        if not _REFERENCE_WORD.search(caption) and _plausible_caption(caption) and _is_titleish(caption):
            return _clean_caption(caption), label_end + bare.end("caption")
    if end is None:  # an unpunctuated caption alone on the line, as the Markdown sources print it
        whole_line = rest.strip()
        if section and _plausible_caption(whole_line) and len(whole_line.split()) <= 20:
            return _clean_caption(whole_line), len(text)
        return None, label_end
    candidate, after = rest[: end.end()].strip(), rest[end.end() :].strip()
    if not _plausible_caption(candidate):
        return None, label_end
    if after and not (after[0].isupper() or after[0].isdigit() or after.startswith(("(", "[", *_QUOTE_OPENERS))):
        return None, label_end
    starts_child = _leading_marker(after) is not None
    words = len(candidate.split())
    if section:
        titled = _is_titleish(candidate)
        accepted = starts_child or titled or words <= 6 or (not after and words <= 20)
    else:
        plain_words = not _DIGIT_OR_PARENTHESIS.search(candidate)  # "(z) Executive Order 14018 of ..." is no caption
        accepted = bool(after) and words <= 12 and plain_words and (starts_child or _is_titleish(candidate))
    return (_clean_caption(candidate), label_end + end.end()) if accepted else (None, label_end)


def _plausible_caption(candidate: str) -> bool:
    words = candidate.split()
    if not words or len(words) > 40 or not candidate[0].isalpha() or candidate.endswith((":", ";", ",")):
        return False
    if ":" in candidate and not _is_titleish(candidate):
        return False
    return not any(word[0].islower() and word.strip(",;:()“”\"'.").lower() in _VERB_WORDS for word in words)


def _is_titleish(candidate: str) -> bool:
    """Title Case: every word capitalised except short function words."""
    words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", candidate)
    return bool(words) and all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


# --------------------------------------------------------------------------------------------------------------------
# Markers and levels
# --------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Marker:
    token: str  # as printed, without brackets: "a", "iv", "2-201"
    candidates: tuple[tuple[str, int], ...]  # possible (style, ordinal) readings: "(i)" is letter 9 or roman 1
    end: int  # offset just after the marker in its line

    @property
    def styles(self) -> frozenset[str]:
        return frozenset(style for style, _ in self.candidates)

    @property
    def starting_styles(self) -> frozenset[str]:
        """The styles in which this marker can open a list: "(i)" opens a roman one, "(b)" none."""
        return frozenset(style for style, value in self.candidates if value == 1)


def _paren_candidates(token: str) -> tuple[tuple[str, int], ...]:
    if token.isdigit():
        return (("digit", int(token)),)
    lower = token.lower()
    case = "upper" if token.isupper() else "lower"
    readings = []
    if len(set(lower)) == 1:  # "(aa)" follows "(z)" in a long list, or starts a deeper level of its own
        letter = ord(lower[0]) - ord("a") + 1
        readings.append((f"{case}-letter", 26 * (len(token) - 1) + letter))
        if len(token) > 1:
            readings.append((f"{case}-double", letter))
    roman = roman_value(lower)
    if roman:
        readings.append((f"{case}-roman", roman))
    return tuple(readings)


@lru_cache(maxsize=4096)  # every line is asked several times: for its quotation, its list and its paragraph
def _leading_marker(text: str) -> _Marker | None:
    """The paragraph marker a line starts with, if any: "(a)", "(iv)", "(A)", "(1)", "1-101.", "a.", "1."."""
    if match := _PAREN_MARKER.match(text):
        token = match.group("token")
        candidates = _paren_candidates(token)
        return _Marker(token, candidates, match.end()) if candidates else None
    if match := _HYPHEN_MARKER.match(text):
        return _Marker(match.group("token"), (("hyphen", 0),), match.end())
    if match := _DOT_MARKER.match(text):
        token = match.group("token")
        if token.isdigit():
            return _Marker(token, (("digit-dot", int(token)),), match.end())
        readings = [("letter-dot", ord(token) - ord("a") + 1)] if len(token) == 1 else []
        if roman := roman_value(token):
            readings.append(("roman-dot", roman))
        return _Marker(token, tuple(readings), match.end()) if readings else None
    return None


def _continues(marker: _Marker, following: _Marker) -> bool:
    """Whether `following` can be the next item of the list `marker` is in: "(d)" after "(c)", "(ii)" after "(i)"."""
    return any(
        style == next_style and next_value == value + 1
        for style, value in marker.candidates
        for next_style, next_value in following.candidates
    )


def _caption_line_heading(text: str) -> str | None:
    """Heading of a paragraph that has sub-paragraphs and holds nothing but a caption: "(c) Functions."."""
    marker = _leading_marker(text)
    caption = text[marker.end :].strip() if marker else ""
    if _sentence_end(caption) is None or not caption.endswith(".") or len(caption.split()) > 12:
        return None
    return _clean_caption(caption) if _plausible_caption(caption) and _is_titleish(caption) else None


def _successor(style: str, value: int, token: str) -> str:
    """The marker that would follow `token` read as (style, value): "i" is followed by "j" or by "ii"."""
    if "roman" in style:
        following = to_roman(value + 1)
    elif "double" in style:
        following = chr(ord("a") + value % 26) * len(token)
    elif "letter" in style:
        following = chr(ord("a") + value % 26) * (value // 26 + 1)
    else:
        following = str(value + 1)
    return following.upper() if token.isupper() else following


# --------------------------------------------------------------------------------------------------------------------
# Tree builder
# --------------------------------------------------------------------------------------------------------------------


@dataclass(slots=True, eq=False)
class _Node:
    key: str
    section: str | None
    kind: str
    heading: str | None
    depth: int
    parent: _Node | None
    parts: list[str] = field(default_factory=list)
    style: str = ""  # marker style of a paragraph: its level on the stack
    value: int = 0  # ordinal of the paragraph's marker within its style

    @property
    def text(self) -> str:
        return _collapse(" ".join(self.parts))

    @property
    def paragraph_starts(self) -> tuple[int, ...]:
        """Where each part after the first begins in `text`: an unmarked paragraph the source set apart."""
        starts, length = [], 0
        for piece in filter(None, map(_collapse, self.parts)):
            if length:
                length += 1
                starts.append(length)
            length += len(piece)
        return tuple(starts)


class _Tree:
    """Provisions in text order; hands out keys, suffixing "_2", "_3" ... only when a key would repeat.

    The suffix uses "_" because "-" already joins label parts: a second "Sec. 1." must not take the key of "1(2)".
    """

    def __init__(self) -> None:
        self.nodes: list[_Node] = []
        self._keys: set[str] = set()

    def add(
        self,
        base_key: str,
        kind: str,
        texts: list[str],
        *,
        section: str | None = None,
        heading: str | None = None,
        parent: _Node | None = None,
        style: str = "",
        value: int = 0,
    ) -> _Node:
        key, suffix = base_key, 1
        while key in self._keys:
            suffix += 1
            key = f"{base_key}_{suffix}"
        self._keys.add(key)
        depth = parent.depth + 1 if parent else 0
        node = _Node(key, section, kind, heading, depth, parent, list(texts), style, value)
        self.nodes.append(node)
        return node

    def provisions(self) -> list[ParsedProvision]:
        counters: dict[int, int] = {}
        out = []
        for node in self.nodes:
            scope = id(node.parent)
            counters[scope] = counters.get(scope, 0) + 1
            out.append(
                ParsedProvision(
                    key=node.key,
                    section=node.section,
                    kind=node.kind,
                    heading=node.heading,
                    text=node.text,
                    depth=node.depth,
                    parent_key=node.parent.key if node.parent else None,
                    ordinal=counters[scope],
                    paragraph_starts=node.paragraph_starts,
                )
            )
        return out


class _Body:
    """Builds sections and their nested paragraphs from the body lines (between preamble and signature)."""

    def __init__(self, tree: _Tree) -> None:
        self.tree = tree
        self.top: _Node | None = None  # the current section, part heading or unnumbered body
        self.stack: list[_Node] = []  # open paragraphs, outermost first
        self.current: _Node | None = None  # where unmarked text continues

    def start_top(self, node: _Node) -> None:
        self.top, self.stack, self.current = node, [], node

    def continue_text(self, text: str) -> None:
        assert self.current is not None
        self.current.parts.append(text)

    def add_line(self, line: _Line, markers_ahead: Sequence[str] = ()) -> None:
        """A line inside a section: a new paragraph when it starts with a marker, else more of the current unit.

        `markers_ahead` are the markers of the following lines of the section; they settle "(i)" letter or roman.
        """
        marker = _leading_marker(line.text)
        if marker is None or self.top is None or self._continues_reference(line.text[marker.end :]):
            self.continue_text(line.text)
            return
        if self._opens_two_levels(line.text[marker.end :], markers_ahead):
            self._open_paragraph(marker, line.text[: marker.end], None, markers_ahead)
            self.add_line(line.tail(marker.end), markers_ahead)
            return
        heading, caption_end = _caption(line, marker.end, section=False)
        remainder = line.tail(caption_end)
        if heading and remainder.text and _leading_marker(remainder.text):  # "(b) Membership. (1) The ..."
            self._open_paragraph(marker, line.text[:caption_end], heading, markers_ahead)
            self.add_line(remainder, markers_ahead)
            return
        self._open_paragraph(marker, line.text, heading, markers_ahead)

    @staticmethod
    def _opens_two_levels(after_marker: str, markers_ahead: Sequence[str]) -> bool:
        """ "(b)(i) text" or "(c) (i) text": a paragraph whose first sub-paragraph starts on the same line.

        With a space between, the inner marker must start a list that a later line of the section continues ("(ii)"):
        "(a) (i) advise ..., and (ii) keep ..." is one paragraph whose list stays inline.
        """
        stripped = after_marker.lstrip(" ")
        inner = _leading_marker(stripped) if stripped.startswith("(") else None
        if inner is None:
            return False
        if after_marker.startswith("("):
            return True
        following = {_successor(style, value, inner.token) for style, value in inner.candidates if value == 1}
        return any(token in following for token in markers_ahead)

    def _continues_reference(self, after_marker: str) -> bool:
        """ "Subsection" ending one line and "(a) of this section ..." the next: a broken sentence, not a paragraph."""
        previous = self.current.parts[-1] if self.current and self.current.parts else ""
        return bool(_REFERENCE_WORD.search(previous)) and after_marker.lstrip()[:1].islower()

    def _open_paragraph(self, marker: _Marker, text: str, heading: str | None, markers_ahead: Sequence[str]) -> None:
        assert self.top is not None
        level, style, value = self._place(marker, markers_ahead)
        del self.stack[level:]
        parent = self.stack[-1] if self.stack else self.top
        if parent.kind == "paragraph" and parent.heading is None and len(parent.parts) == 1:
            parent.heading = _caption_line_heading(parent.parts[0])
        if style == "hyphen":
            label, base_key = marker.token, marker.token
        else:
            label = f"{parent.section or ''}({marker.token})"
            base_key = f"{parent.key}-{marker.token}"
        node = self.tree.add(
            base_key, "paragraph", [text], section=label, heading=heading, parent=parent, style=style, value=value
        )
        self.stack.append(node)
        self.current = node

    def _place(self, marker: _Marker, markers_ahead: Sequence[str]) -> tuple[int, str, int]:
        """Stack level, style and ordinal for a marker: continue an open level or open a new one below.

        An open style expecting exactly this ordinal is continued (the deepest such level wins); a style not yet open
        starting at 1 opens a level below the current paragraph; a colon before it favours the new level. When two
        readings are both plausible ("(i)" after "(h)": letter i, or a first roman i), what follows in the rest of the
        section decides.
        """
        last_text = self.current.parts[-1] if self.current and self.current.parts else ""
        introduces_list = last_text.rstrip("”\"' ").endswith((":", "—", "--"))
        placements: list[tuple[int, int, str, int]] = []  # (score, level, style, ordinal), best per reading
        for style, value in marker.candidates:
            open_levels = [i for i, node in enumerate(self.stack) if node.style == style]
            options: list[tuple[int, int]] = []  # (score, level)
            for level in open_levels:
                expected = style == "hyphen" or value == self.stack[level].value + 1
                options.append((5 if expected else 1, level))
            if not open_levels or value == 1:
                fresh = 4 if value == 1 or style == "hyphen" else 0
                if open_levels and not introduces_list:
                    fresh = 0  # a restarted numbering without a colon before it: not a sub-list
                options.append((fresh + (2 if introduces_list else 0), len(self.stack)))
            score, level = max(options)
            placements.append((score, level, style, value))
        placements.sort(reverse=True)
        plausible = [p for p in placements if p[0] >= 4]
        successors = {
            _successor(style, value, marker.token): (level, style, value) for _, level, style, value in plausible
        }
        if len(plausible) > 1 and len(successors) == len(plausible):
            decided = _decided_by_what_follows(marker.token, successors, markers_ahead)
            if decided:
                return decided
        _, level, style, value = placements[0]
        return level, style, value


def _decided_by_what_follows(
    token: str, successors: dict[str, tuple[int, str, int]], markers_ahead: Sequence[str]
) -> tuple[int, str, int] | None:
    """The reading whose successor comes first ahead, each reading given as {successor: (level, style, ordinal)}.

    The same marker again before any successor ("(i) The term ... means:" then "(i) access ...") starts a list below
    this paragraph, and a list never nests in its own first item: this one is then not a first item (letter i).
    """
    for ahead in markers_ahead:
        if ahead in successors:
            return successors[ahead]
        if ahead == token:
            continuing = [reading for reading in successors.values() if reading[2] != 1]
            return continuing[0] if len(continuing) == 1 else None
    return None


# --------------------------------------------------------------------------------------------------------------------
# Document assembly
# --------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Section:
    number: str
    label_end: int


def _section_start(line: _Line) -> _Section | None:
    match = _SECTION.match(line.text)
    return _Section(match.group("number").replace(" ", ""), match.end()) if match else None


def _subsection_start(line: _Line, previous: tuple[int, ...] | None) -> _Section | None:
    """A decimal subsection printed without "Sec." ("4.1. Developing ..."), only right within its section."""
    match = _BARE_DECIMAL_SECTION.match(line.text)
    if not match or previous is None or int(match.group("number").split(".")[0]) not in (previous[0], previous[0] + 1):
        return None
    return _Section(match.group("number"), match.end())


def _number_tuple(number: str) -> tuple[int, ...]:
    return tuple(int(part) for part in number.split("."))


def _follows(previous: tuple[int, ...] | None, number: tuple[int, ...]) -> bool:
    """Whether a section number can be the order's next own one (a quoted "Sec. 3." inside Sec. 5 cannot)."""
    if previous is None:
        return True
    if number < previous:
        return False
    jump = number[0] - previous[0]
    return jump <= 3 or (number[0] % 100 in (0, 1) and number[0] // 100 == previous[0] // 100 + 1)


def _introduces(quotation: re.Pattern[str], text: str) -> bool:
    """Whether `text` ends by announcing quoted text ("... is amended to read:"), not the order ("... ordered:")."""
    if not text.endswith(":"):
        return False
    return bool(quotation.search(text)) and not _ENACTING_CLAUSE.search(text)


def _quote_balance(text: str, *, inside: bool = False) -> tuple[int, int]:
    """Curly (and GPO ``...'') quotes opened minus closed, and the number of straight double quotes.

    Inside a quotation every new paragraph opens with a quote mark again without the previous one being closed
    (typographic convention), so that leading mark does not count. An opening mark right after a line's final
    punctuation opens nothing: it is a misprinted closing one.
    """
    curly = text.count("“") + text.count("``") - text.count("”") - text.count("''")
    if text.endswith(("“", "``")) and _MISPRINTED_CLOSE.search(text):
        curly -= 2
    straight = text.count('"')
    if inside and text.startswith(("“", "``")):
        curly -= 1
    elif inside and text.startswith('"'):
        straight -= 1
    return curly, straight


def _quoted_lines(lines: list[_Line]) -> set[int]:
    """Indexes of lines that are quoted text: they start with a quote mark or lie inside a quotation.

    Amending orders open a quotation ('is amended to read as follows: "Sec. 3. ...') that may run over several lines
    without repeating the quote mark; a line right after "... to read:" is quoted even where the marks were lost,
    unless it announces quoted text itself ("a. Rule 810(d) is amended to read as follows:"). A quotation opened
    inside a line that never closes, or whose next line just continues the numbering ("(c)" then "(d)"), is a typo
    rather than a block; one opened by a line that starts with a quote mark may run to the end, unless the order's
    own list resumes in it (see _resumes_own_list). A paragraph that closes a quotation never opened shows that the
    quoted text ran on to it (see _quotations_that_lost_their_opening).
    """
    quoted = {i for i, line in enumerate(lines) if _is_quoted(line.text)}
    quoted.update(
        i + 1
        for i, (line, following) in enumerate(zip(lines, lines[1:], strict=False))
        if _introduces(_VERBATIM_INTRO, line.text) and not _introduces(_VERBATIM_INTRO, following.text)
    )
    own: _Marker | None = None  # the last marker of the order's own list, where a quotation may end
    index = 0
    while index < len(lines):
        if index not in quoted:
            own = _own_list_marker(lines[index], own)
        curly, straight = _quote_balance(lines[index].text)
        end, resumed = index + 1, False
        while (curly > 0 or straight % 2) and end < len(lines):
            if resumed := _resumes_own_list(lines, index, end, own):
                break
            more_curly, more_straight = _quote_balance(lines[end].text, inside=True)
            curly, straight, end = curly + more_curly, straight + more_straight, end + 1
        closed = resumed or (curly <= 0 and straight % 2 == 0)
        is_block = end > index + 1 and (closed or _is_quoted(lines[index].text))
        if is_block and not _is_next_sibling(lines[index], lines[index + 1]):
            quoted.update(range(index + 1, end))
            index = end
        else:
            index += 1
    quoted |= _quotations_that_lost_their_opening(lines, quoted)
    return quoted | _quoted_list_continuations(lines, quoted)


def _quotations_that_lost_their_opening(lines: list[_Line], quoted: set[int]) -> set[int]:
    """Lines after quoted text up to one that closes a quotation never opened ("(4) ... the courtroom.''").

    The closing mark at the end of the paragraph shows that the quotation ran on to there: its opening mark was lost,
    or a nested quotation was taken for a new paragraph's mark and the outer one seemed closed. Not so once the
    order's own list goes on (or starts) or a section starts in between.
    """
    found: set[int] = set()
    run: list[int] | None = None  # lines since the last quoted one, while the order's own list has not resumed
    own: _Marker | None = None
    for index, line in enumerate(lines):
        if index in quoted:
            run = []
            continue
        marker = _leading_marker(line.text)
        own_list_goes_on = bool(marker and (_continues(own, marker) if own else marker.starting_styles))
        if run is not None and (own_list_goes_on or _section_start(line)):
            run = None
        if run is None:
            own = _own_list_marker(line, own)
        elif _QUOTATION_END.search(line.text) and _quote_balance(line.text)[0] < 0:
            found.update(run, (index,))
            run = []
        else:
            run.append(index)
    return found


def _own_list_marker(line: _Line, own: _Marker | None) -> _Marker | None:
    """The last marker of the order's own list once `line` is read: its own marker, none at a new section."""
    if marker := _leading_marker(line.text):
        return marker
    return None if _section_start(line) else own


def _quoted_marker(text: str) -> _Marker | None:
    """The marker a possibly quoted line starts with: '“(ii) ...' starts with "(ii)"."""
    return _leading_marker(text.lstrip("“”\"`‘'"))


def _resumes_own_list(lines: list[_Line], start: int, end: int, own: _Marker | None) -> bool:
    """Whether line `end` ends the quotation opened at line `start`, which lost its closing mark, because the order's
    own list goes on there.

    The line continues the own list ("(b) Section 2 is amended to read:" ... "(c)") without opening with a quote mark
    or closing the quotation itself; and either the quotation has paragraphs after its first and every one of them
    opened with a quote mark, or none of its paragraphs carries the marker before it.
    """
    line = lines[end]
    marker = _leading_marker(line.text)
    if own is None or marker is None or _is_quoted(line.text) or not _continues(own, marker):
        return False
    if _quote_balance(line.text, inside=True)[0] < 0:
        return False
    quotation = lines[start:end]
    paragraphs = quotation[1:]
    if paragraphs and all(_is_quoted(paragraph.text) for paragraph in paragraphs):
        return True
    inside = quotation if _is_quoted(quotation[0].text) else paragraphs
    return not any((quoted := _quoted_marker(paragraph.text)) and _continues(quoted, marker) for paragraph in inside)


def _quoted_list_continuations(lines: list[_Line], quoted: set[int]) -> set[int]:
    """Lines right after quoted text that can only be the next items of a quoted list, though they lost the mark.

    '“(i) Deputy Secretary;' then '(ii) Under Secretary;': the "(ii)" is quoted too, when it continues the last quoted
    marker of its style and not the order's own list as well; a marker that can open a list ("(i)", "(a)") stays the
    order's own.
    """
    continuations: set[int] = set()
    own: _Marker | None = None
    quoted_list: list[_Marker] = []  # markers of the quoted lines just before
    for index, line in enumerate(lines):
        if index in quoted:
            if marker := _quoted_marker(line.text):
                quoted_list.append(marker)
            continue
        marker = _leading_marker(line.text)
        last_alike = next((item for item in reversed(quoted_list) if marker and item.styles & marker.styles), None)
        continues_quoted = bool(marker and last_alike and _continues(last_alike, marker))
        if marker and continues_quoted and not marker.starting_styles and not (own and _continues(own, marker)):
            continuations.add(index)
            quoted_list.append(marker)
            continue
        quoted_list = []
        own = _own_list_marker(line, own)
    return continuations


def _is_next_sibling(line: _Line, following: _Line) -> bool:
    """Whether `following` continues the numbering of `line` ("(c)", "(d)"): then a quote left open is a typo.

    Not so when the quotation opens with a section ('... to read: “Sec. 2. ...'): the next one may be quoted too.
    """
    if _is_quoted(line.text) or _QUOTED_SECTION.search(line.text):
        return False
    marker, next_marker = _leading_marker(line.text), _leading_marker(following.text)
    if marker and next_marker:
        return _continues(marker, next_marker)
    section, next_section = _section_start(line), _section_start(following)
    if section is None or next_section is None:
        return False
    return _number_tuple(next_section.number) > _number_tuple(section.number)


def _is_next(previous: tuple[int, ...] | None, number: tuple[int, ...]) -> bool:
    """Whether `number` is the very next section after `previous`: 4 after 3, 2.3 after 2.2, 3 or 3.1 after 2.4."""
    if previous is None:
        return False
    if number[0] == previous[0] + 1:
        return True
    if len(number) == len(previous) + 1:
        return number[:-1] == previous and number[-1] == 1
    return len(number) == len(previous) and number[:-1] == previous[:-1] and number[-1] == previous[-1] + 1


def _own_sections(lines: list[_Line], quoted: set[int], parts: dict[int, str]) -> tuple[dict[int, _Section], set[int]]:
    """The order's own sections (line index -> section), and the quoted lines corrected for lost closing marks.

    Numbering must move forward; a part heading may start it again ("Part II" with its own "Section 1."). A "Sec. N."
    line right after "... is amended as follows:" is quoted, unless no own section came yet: then that line is the
    enacting clause ("it is hereby ordered that Executive Order X is amended as follows:") and the order's own
    sections follow. Where FR lost a quotation's closing mark, the next heading of the order's own numbering that does
    not continue the quoted numbering ends it.
    """
    found: dict[int, _Section] = {}
    previous: tuple[int, ...] | None = None
    quoted_number: tuple[int, ...] | None = None  # last section number quoted since the last own one
    for index, line in enumerate(lines):
        if index in parts:
            previous = None
        start = None if _is_quoted(line.text) else _section_start(line) or _subsection_start(line, previous)
        if start is not None:
            number = _number_tuple(start.number)
            before = lines[index - 1].text if index else ""
            announced = bool(found) and _introduces(_AMENDMENT_INTRO, before)
            if index in quoted and not announced and _is_next(previous, number) and not _is_next(quoted_number, number):
                quoted = {i for i in quoted if i < index} | {index + i for i in _quoted_lines(lines[index:])}
            if announced or index in quoted:
                quoted_number = number
            elif _follows(previous, number):
                found[index] = start
                previous, quoted_number = number, None
        for match in _QUOTED_SECTION.finditer(line.text):  # '... to read: “Sec. 4. ...' within or opening a line
            quoted_number = _number_tuple(match.group("number").replace(" ", ""))
    return found, quoted


def _part_heading(line: _Line) -> str | None:
    match = _PART.match(line.text)
    if not match or len(line.text) > 200 or line.text.endswith(":"):
        return None
    return match.group("upper") or match.group("title")


def _add_section(tree: _Tree, body: _Body, line: _Line, start: _Section, markers_ahead: Sequence[str]) -> None:
    heading, caption_end = _caption(line, start.label_end, section=True)
    remainder = line.tail(caption_end if heading else start.label_end)
    split = bool(remainder.text) and _leading_marker(remainder.text) is not None  # "Sec. 2. Policy. (a) It is ..."
    own_text = line.text[: len(line.text) - len(remainder.text)] if split else line.text
    body.start_top(tree.add(start.number, "section", [own_text], section=start.number, heading=heading))
    if split:
        body.add_line(remainder, markers_ahead)


_INLINE_MARKER = re.compile(r"(?:[.:;—][”\"']?|; and|; or) (?P<marker>\()(?=[^()\s]{1,7}\) )")  # "...: (a) x; (b) y"
_ITEM_AFTER_QUOTE = re.compile(r"(?:''|”) (?P<marker>(?:[a-z]|\d{1,3})\. )")  # "...'' b. Rule 405 is amended ..."
_DANGLING_FIRST_MARKER = re.compile(r" \((?:a|1|i|A)\)$")


def _split_trailing_section_headings(lines: list[_Line]) -> list[_Line]:
    """ "... and shall use existing solutions. 4.2. Ensuring Safe and Reliable AI.": a transcription that glued the
    next numbered section to the end of a paragraph; the section starts a line of its own."""
    out: list[_Line] = []
    for line in lines:
        glued = None if _is_quoted(line.text) else _TRAILING_SECTION.search(line.text)
        out.extend(_split_at(line, [glued.end()]) if glued else [line])
    return out


def _split_inline_paragraphs(lines: list[_Line]) -> list[_Line]:
    """Put inline paragraphs on lines of their own where the next line continues their list.

    FR prints "Sec. 2. Policy. (a) It is ..." with "(b)" as the next paragraph, and some sources join paragraphs
    ("(zz) ... (aaa) ... (bbb) ..." then "(ccc)"); those inline paragraphs must start lines too. Lists that stay
    inline ("...: (a) x; (b) y") are left alone because no line continues them.
    """
    out: list[_Line] = []
    following: _Marker | None = None  # marker of the next line that is not quoted text
    for line in reversed(lines):
        if _is_quoted(line.text):
            out.append(line)
            continue
        out.extend(reversed(_split_at(line, _inline_list_starts(line.text, following) if following else [])))
        following = _leading_marker(line.text)
    out.reverse()
    return out


def _split_at(line: _Line, starts: list[int]) -> list[_Line]:
    """`line` cut before each offset in `starts` (ascending)."""
    pieces, rest, consumed = [], line, 0
    for start in starts:
        pieces.append(_Line(rest.text[: start - consumed].rstrip(), rest.emphasis, rest.role))
        rest, consumed = rest.tail(start - consumed), start
    return [*pieces, rest]


def _inline_list_starts(text: str, following: _Marker) -> list[int]:
    """Offsets of the inline paragraphs of `text` that the list on the next line continues, or that it nests in.

    The last inline marker that `following` continues ("(bbb)" before "(ccc)") and the markers just before it that it
    continues in turn are split off, provided the first of them starts a list or continues the line's own marker.
    Where no inline marker is continued, a last one whose paragraph ends in a colon and is followed by a new list
    ("...: (a) all property of:" then "(i)") is split off so the list nests in it.
    """
    inline = _inline_markers(text)
    last = next((i for i in range(len(inline) - 1, -1, -1) if _continues(inline[i][1], following)), None)
    if last is None and inline and text.endswith((":", "—")) and following.starting_styles:
        last = None if following.starting_styles & inline[-1][1].styles else len(inline) - 1
    if last is None:
        return []
    first = last
    while first and _continues(inline[first - 1][1], inline[first][1]):
        first -= 1
    own, head = _leading_marker(text), inline[first][1]
    nests = bool(head.starting_styles) and not (own and head.starting_styles & own.styles)  # not "(b) ... (a)"
    resumes = nests or bool(own and _continues(own, head))
    return [start for start, _ in inline[first : last + 1]] if resumes else []


def _inline_markers(text: str, pattern: re.Pattern[str] = _INLINE_MARKER) -> list[tuple[int, _Marker]]:
    """Markers inside `text` that may start a paragraph, outside quotations, with their offsets."""
    found = []
    for match in pattern.finditer(text):
        start = match.start("marker")
        marker = _leading_marker(text[start:])
        if marker and _quote_balance(text[:start])[0] <= 0:
            found.append((start, marker))
    return found


def _split_items_after_quotations(lines: list[_Line], quoted: set[int]) -> list[_Line]:
    """Put the order's next item on a line of its own where it follows a closing quote ("...'' i. Rule 909 is ...").

    The quotation must be closed there: the line is not quoted, or it ends the quoted text (the next line is not
    quoted or opens a quotation of its own); and the marker must continue the order's own list, so an item of the
    quoted text ("... may direct.'' b. Elements.") inside a longer quotation stays where it is.
    """
    out: list[_Line] = []
    own: _Marker | None = None
    for index, line in enumerate(lines):
        if index not in quoted:
            own = _own_list_marker(line, own)
        closes = index not in quoted or index + 1 not in quoted or _is_quoted(lines[index + 1].text)
        starts = []
        for start, marker in _inline_markers(line.text, _ITEM_AFTER_QUOTE) if closes else []:
            if own is not None and _continues(own, marker):
                starts.append(start)
                own = marker
        out.extend(_split_at(line, starts))
    return out


def _join_dangling_markers(lines: list[_Line]) -> list[_Line]:
    """Move a first marker left at the end of a line ("Sec. 2. Equity Teams (a)") to the unmarked line it opens."""
    out: list[_Line] = []
    for line in lines:
        dangling = _DANGLING_FIRST_MARKER.search(out[-1].text) if out else None
        if dangling and _leading_marker(line.text) is None:
            previous, marker = out[-1], dangling.group().strip()
            out[-1] = _Line(previous.text[: dangling.start()], previous.emphasis, previous.role)
            line = _Line(f"{marker} {line.text}", line.emphasis_after(len(marker) + 1), line.role)
        out.append(line)
    return out


def _join_broken_announcements(lines: list[_Line]) -> list[_Line]:
    """Join the two lines of an announcement of quoted text that the source broke inside its sentence.

    GPO texts print some so ("... is amended by inserting the" then "following new subsection at the end:"); only
    whole does the announcement say that quoted text follows. The first line ends in a word, the second starts in
    lower case and with no marker.
    """
    out: list[_Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous and previous.text[-1].isalpha() and line.text[0].islower() and not _leading_marker(line.text):
            joined = f"{previous.text} {line.text}"
            if _introduces(_VERBATIM_INTRO, joined) or _introduces(_AMENDMENT_INTRO, joined):
                after = line.emphasis_after(len(previous.text) + 1)
                emphasis = None if previous.emphasis is None or after is None else previous.emphasis + after
                out[-1] = _Line(joined, emphasis, previous.role)
                continue
        out.append(line)
    return out


def _add_body(tree: _Tree, lines: list[_Line]) -> None:
    lines = _split_inline_paragraphs(
        _join_dangling_markers(_join_broken_announcements(_split_trailing_section_headings(lines)))
    )
    quoted = _quoted_lines(lines)
    split = _split_items_after_quotations(lines, quoted)
    if len(split) > len(lines):  # the lines moved: read their quotations again
        lines, quoted = split, _quoted_lines(split)
    parts = {i: number for i, line in enumerate(lines) if i not in quoted and (number := _part_heading(line))}
    sections, quoted = _own_sections(lines, quoted, parts)
    body = _Body(tree)
    if not sections and not parts:
        _add_unnumbered_body(tree, body, lines, quoted)
        return
    boundaries = sorted([*sections, *parts])
    markers = [marker.token if (marker := _leading_marker(line.text)) else "" for line in lines]
    first = boundaries[0]
    if first:
        tree.add("preamble", "preamble", [line.text for line in lines[:first]])
    for index in range(first, len(lines)):
        line = lines[index]
        following = bisect_right(boundaries, index)
        markers_ahead = markers[index + 1 : boundaries[following] if following < len(boundaries) else len(lines)]
        if index in sections:
            _add_section(tree, body, line, sections[index], markers_ahead)
        elif index in parts:
            body.start_top(tree.add(f"part-{parts[index]}", "text", [line.text], heading=line.text))
        elif index in quoted or body.top is None or body.top.kind != "section":
            body.continue_text(line.text)
        else:
            body.add_line(line, markers_ahead)
    _label_by_part(tree)


def _label_by_part(tree: _Tree) -> None:
    """Sections numbered afresh in each part ("Part II" with its own "Section 1.") are told apart by their part, as
    the order cites them: "Part II 1(a)". Orders numbered through their parts keep their labels."""
    sections = [node.section for node in tree.nodes if node.parent is None and node.kind == "section"]
    if len(set(sections)) == len(sections):
        return
    part = None
    for node in tree.nodes:
        if node.parent is None and node.key.startswith("part-"):
            part = node.key.removeprefix("part-").split("_")[0]
        elif part and node.section:
            node.section = f"Part {part} {node.section}"


def _add_unnumbered_body(tree: _Tree, body: _Body, lines: list[_Line], quoted: set[int]) -> None:
    """An order without sections: one text unit, its marked paragraphs as children.

    An enacting clause ending "ordered:" is the preamble, unless a marked paragraph follows it directly: then the
    clause is what those paragraphs hang from.
    """
    if not lines:
        return
    start = 0
    if len(lines) > 1 and _ENACTING_CLAUSE.search(lines[0].text) and not _leading_marker(lines[1].text):
        tree.add("preamble", "preamble", [lines[0].text])
        start = 1
    body.start_top(tree.add("text", "text", [lines[start].text]))
    markers = [marker.token if (marker := _leading_marker(line.text)) else "" for line in lines]
    for index in range(start + 1, len(lines)):
        if index in quoted:
            body.continue_text(lines[index].text)
        else:
            body.add_line(lines[index], markers[index + 1 :])


def _signature_span(lines: list[_Line]) -> tuple[int, int] | None:
    """[start, end) of the signature block: signer name, "THE WHITE HOUSE," and the date."""
    marked = [i for i, line in enumerate(lines) if line.role == "signature"]
    if marked:
        start, end = marked[0], marked[-1] + 1
    else:
        place = next((i for i, line in enumerate(lines) if _WHITE_HOUSE_LINE.fullmatch(line.text)), None)
        if place is not None:
            start, end = place, place + 1
            while end < len(lines) and end - place <= 2 and _is_date(lines[end].text):
                end += 1
        elif lines and _is_date(lines[-1].text):
            start, end = len(lines) - 1, len(lines)
        else:
            return None
    if start and _is_signer(lines[start - 1].text):
        start -= 1
    return start, end


def _annex_blocks(lines: list[_Line]) -> list[list[_Line]]:
    """Split what follows the signature into annexes at each annex heading; filing and image artifacts go."""
    blocks: list[list[_Line]] = []
    for line in lines:
        if _FILING_ARTIFACT.search(line.text):
            continue
        is_heading = line.role == "annex-heading" or (len(line.text) <= 100 and _ANNEX_HEADING.fullmatch(line.text))
        if is_heading or not blocks:
            blocks.append([])
        blocks[-1].append(line)
    return blocks


def _annex_heading(block: list[_Line]) -> str | None:
    first = block[0].text
    if block[0].role == "annex-heading" or (
        len(block) > 1 and len(first) <= 150 and not first.endswith((",", ";", ":"))
    ):
        return _clean_caption(first)
    return None


def _assemble(lines: list[_Line]) -> list[ParsedProvision]:
    tree = _Tree()
    signature = _signature_span(lines)
    body_end, annex_start = (signature[0], signature[1]) if signature else (len(lines), len(lines))
    _add_body(tree, lines[:body_end])
    if signature:
        tree.add("signature", "signature", [line.text for line in lines[signature[0] : signature[1]]])
    for block in _annex_blocks(lines[annex_start:]):
        tree.add("annex", "annex", [line.text for line in block], heading=_annex_heading(block))
    provisions = tree.provisions()
    if not provisions:
        raise ParseError("no order text found")
    return provisions


# --------------------------------------------------------------------------------------------------------------------
# Public entry points
# --------------------------------------------------------------------------------------------------------------------


def parse_text(text: str) -> list[ParsedProvision]:
    """Provisions of an order given as plain text, one paragraph per line."""
    if not isinstance(text, str):
        raise ParseError(f"expected text, got {type(text).__name__}")
    lines = [_Line(collapsed) for raw in text.lstrip("\ufeff").splitlines() if (collapsed := _collapse(raw))]
    if not lines:
        raise ParseError("empty text: no order body")
    return _assemble(lines)


def parse_xml(xml: bytes | str) -> list[ParsedProvision]:
    """Provisions of an order given as FR full-text XML (a PRESDOCU with an EXECORD)."""
    if isinstance(xml, str):
        xml = _XML_DECLARATION.sub("", xml, count=1)
    elif not isinstance(xml, bytes):
        raise ParseError(f"expected XML bytes or str, got {type(xml).__name__}")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as error:
        raise ParseError(f"malformed XML: {error}") from error
    order = root if root.tag == "EXECORD" else root.find(".//EXECORD")
    if order is None:
        raise ParseError(f"no EXECORD element in <{root.tag}>: not an executive order document")
    lines = _xml_lines(order)
    if not lines:
        raise ParseError("EXECORD element has no text")
    return _assemble(lines)
