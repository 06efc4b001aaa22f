"""Full-text and typo-tolerant matching shared by the resources.

`q` is read in websearch syntax (`"covered frontier model"`, `ai -cybersecurity`, `or`) with English stemming
against stored tsvectors; names and titles match by trigram word similarity, so a misspelt word still finds them.
"""

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import REAL, ColumnElement, and_, func, literal, or_
from sqlalchemy.dialects.postgresql import REGCONFIG

from app.queries.errors import BadParameter
from app.queries.pagination import Sort

ENGLISH = literal("english", REGCONFIG)
MIN_FUZZY_WORD = 4
MARKS = 'StartSel="<mark>", StopSel="</mark>"'
PASSAGES = f'{MARKS}, MaxFragments=3, MaxWords=35, MinWords=12, FragmentDelimiter=" … "'


def tsquery(q: str) -> ColumnElement[Any]:
    return func.websearch_to_tsquery(ENGLISH, q)


def matches(search: ColumnElement[Any], q: str) -> ColumnElement[bool]:
    return search.op("@@")(tsquery(q))


def rank(search: ColumnElement[Any], q: str) -> ColumnElement[float]:
    return func.ts_rank(search, tsquery(q), type_=REAL)


def highlight(text: ColumnElement[str], q: str, whole: bool = False) -> ColumnElement[str]:
    """The best passages of `text` (or all of it) with the matches marked; Postgres runs it only for a page's rows."""
    return func.ts_headline(ENGLISH, text, tsquery(q), f"{MARKS}, HighlightAll=true" if whole else PASSAGES)


def resembles(column: ColumnElement[str], words: str) -> ColumnElement[bool]:
    """Every word appears in `column`, spelt exactly or, for words of four letters or more, nearly.

    Nearly is trigram word similarity; shorter words (DOJ, AI) are too short for trigrams to tell a typo
    from another word, so they must appear as written.
    """
    return and_(*(_word_in(column, word) for word in words.split()))


def _word_in(column: ColumnElement[str], word: str) -> ColumnElement[bool]:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    exactly = column.ilike(f"%{escaped}%")
    return or_(exactly, literal(word).op("<%")(column)) if len(word) >= MIN_FUZZY_WORD else exactly


def resemblance(column: ColumnElement[str], words: str) -> ColumnElement[float]:
    return func.word_similarity(words, column, type_=REAL)


def sort_for(
    requested: str | None, searching: bool, sorts: Mapping[str, Sort], default: str, relevance: Callable[[], Sort]
) -> Sort:
    """The sort a list uses: by relevance when searching unless told otherwise; relevance needs a search."""
    if requested is None:
        return relevance() if searching else sorts[default]
    if requested == "relevance":
        if not searching:
            raise BadParameter("sort", "relevance ranks search results: give q as well")
        return relevance()
    return sorts[requested]
