"""A search's matches marked in text: the `highlight` of a searched list's records.

Postgres finds and ranks the matches; the marking happens here because ts_headline parses each returned text again
inside the database (about 0.1 ms per provision, most of a search's database time), while this finds the query's
stems with a substring search and stems only the words that start like one.
"""

import re
from functools import lru_cache

import Stemmer

MARK, END_MARK = "<mark>", "</mark>"
SHORT_CHARS = 320
"""A text this short is returned whole, its matches marked; a longer one as passages around them."""
PASSAGES = 3
PASSAGE_CHARS = 200
CONTEXT_CHARS = 60
"""How much text a passage shows before its first match."""
BETWEEN_PASSAGES = " … "

_english = Stemmer.Stemmer("english")  # Snowball English: the stemmer of Postgres's `english` configuration
_WORD = re.compile(r"[^\W_]+")  # letters and digits: Postgres's parser splits at an underscore too
_LEXEME = re.compile(r"(!?)'((?:[^']|'')+)'")


def query_stems(tsquery: str) -> frozenset[str]:
    """The stems a query looks for, from its tsquery text (`'cover' <-> 'frontier' & !'cybersecur'`): not the
    negated ones."""
    return frozenset(match[2].replace("''", "'") for match in _LEXEME.finditer(tsquery) if not match[1])


def highlight(text: str, stems: frozenset[str], whole: bool = False) -> str:
    """`text` with every word that stems to one of `stems` in <mark>: whole if asked or short, else up to PASSAGES
    passages around the matches (the opening words when none is found)."""
    spans = _matches(text, stems)
    if whole or len(text) <= SHORT_CHARS:
        return _marked(text, spans, 0, len(text))
    if not spans:
        return text[: _word_end(text, PASSAGE_CHARS)]
    passages, first, end = [], 0, 0
    while first < len(spans) and len(passages) < PASSAGES:
        start = max(_word_start(text, spans[first][0] - CONTEXT_CHARS), end)  # passages never overlap
        end = _word_end(text, max(start + PASSAGE_CHARS, spans[first][1]))
        passages.append(_marked(text, spans, start, end))
        while first < len(spans) and spans[first][0] < end:
            first += 1
    return BETWEEN_PASSAGES.join(passages)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _english.stemWord(word)


def _prefix(stem: str) -> str:
    """What every word with this stem starts with: a stem may end differently from its words (polici: policy,
    die: dying)."""
    return stem[: max(1, len(stem) - 2)]


def _matches(text: str, stems: frozenset[str]) -> list[tuple[int, int]]:
    """Where the words stemming to `stems` are, in order."""
    lower = text.lower()
    if len(lower) != len(text):  # a character whose lower case is longer (İ) would shift every offset: keep it
        lower = "".join(low if len(low := character.lower()) == 1 else character for character in text)
    spans = set()
    for prefix in {_prefix(stem) for stem in stems}:
        at = lower.find(prefix)
        while at >= 0:
            if at and lower[at - 1].isalnum():  # inside a word
                at = lower.find(prefix, at + 1)
                continue
            word = _WORD.match(lower, at)
            if word is None:  # the prefix itself is not a word (an apostrophe, say)
                at = lower.find(prefix, at + 1)
                continue
            if _stem(word[0]) in stems:
                spans.add(word.span())
            at = lower.find(prefix, word.end())
    return sorted(spans)


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    pieces, at = [], start
    for span_start, span_end in spans:
        if span_start >= start and span_end <= end:
            pieces += [text[at:span_start], MARK, text[span_start:span_end], END_MARK]
            at = span_end
    pieces.append(text[at:end])
    return "".join(pieces)


def _word_start(text: str, at: int) -> int:
    """`at`, moved back to the start of the word it falls in."""
    if at <= 0:
        return 0
    return text.rfind(" ", 0, at) + 1


def _word_end(text: str, at: int) -> int:
    """`at`, moved on to the end of the word it falls in."""
    found = text.find(" ", at)
    return len(text) if found < 0 else found
