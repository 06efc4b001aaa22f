"""Full-text and typo-tolerant matching shared by the resources.

`q` is read in websearch syntax (`"covered frontier model"`, `ai -cybersecurity`, `or`) with English stemming
against stored tsvectors; names and titles match by trigram word similarity, so a misspelt word still finds them.
"""

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import REAL, ColumnElement, Text, and_, cast, false, func, literal_column, or_, select
from sqlalchemy.dialects.postgresql import REGCONFIG

from app.queries.compiled import bind
from app.queries.errors import BadParameter
from app.queries.pagination import Sort

ENGLISH = literal_column("'english'", REGCONFIG)
MIN_FUZZY_WORD = 4


def tsquery(q: str) -> ColumnElement[Any]:
    """`q` as a tsquery, read once per statement: as a scalar subquery Postgres evaluates it once before the scan,
    where the bare function call with a bound `q` would be read again for every row a generic plan ranks."""
    return select(func.websearch_to_tsquery(ENGLISH, bind("q", q, Text))).scalar_subquery()


def matches(search: ColumnElement[Any], q: str) -> ColumnElement[bool]:
    return search.op("@@")(tsquery(q))


def rank(search: ColumnElement[Any], q: str) -> ColumnElement[float]:
    return func.ts_rank(search, tsquery(q), type_=REAL)


def highlight_source(
    text: ColumnElement[str], q: str, whole: ColumnElement[bool] | None = None
) -> list[ColumnElement[Any]]:
    """What a record's highlight is made from (app/formats/highlight.py): the text to mark, the query as Postgres
    read it, and whether to mark the text whole rather than cut passages from it."""
    return [
        text.label("highlight_text"),
        cast(tsquery(q), Text).label("highlight_query"),
        (whole if whole is not None else false()).label("highlight_whole"),
    ]


def resembles(column: ColumnElement[str], words: str, parameter: str) -> ColumnElement[bool]:
    """Every word appears in `column`, spelt exactly or, for words of four letters or more, nearly.

    Nearly is trigram word similarity; shorter words (DOJ, AI) are too short for trigrams to tell a typo
    from another word, so they must appear as written. `parameter` names the words' bound values.
    """
    return and_(*(_word_in(column, word, f"{parameter}_{index}") for index, word in enumerate(words.split())))


def _word_in(column: ColumnElement[str], word: str, name: str) -> ColumnElement[bool]:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    exactly = column.ilike(bind(f"{name}_pattern", f"%{escaped}%", Text))
    if len(word) < MIN_FUZZY_WORD:
        return exactly
    return or_(exactly, bind(f"{name}_nearly", word, Text).op("<%")(column))


def resemblance(column: ColumnElement[str], words: str, parameter: str) -> ColumnElement[float]:
    return func.word_similarity(bind(parameter, words, Text), column, type_=REAL)


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
