"""Keyset pagination: an opaque cursor holds the sort name and the last row's sort key.

Every sort ends in a unique column, so pages never skip or repeat a row, and a page costs the same
at row 1,000,000 as at row 1 given an index that matches the sort.
"""

import base64
import binascii
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import Integer, Select, bindparam, func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from app.queries import compiled
from app.queries.compiled import bind, values_of
from app.queries.errors import BadParameter

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Sort:
    name: str
    columns: tuple[ColumnElement[Any], ...]
    descending: bool = False

    def order_by(self) -> list[ColumnElement[Any]]:
        return [column.desc() if self.descending else column.asc() for column in self.columns]


@dataclass(frozen=True)
class Page:
    rows: list[Any]
    total: int
    next_cursor: str | None


def encode_cursor(sort: Sort, key: tuple[Any, ...]) -> str:
    payload = [sort.name, *(value.isoformat() if isinstance(value, date) else value for value in key)]
    return base64.urlsafe_b64encode(orjson.dumps(payload)).decode().rstrip("=")


def _after(sort: Sort, cursor: str) -> ColumnElement[bool]:
    """The condition 'comes after the cursor' in the sort's direction."""
    try:
        payload = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, orjson.JSONDecodeError):
        raise BadParameter("cursor", "not a cursor this API issued") from None
    if not isinstance(payload, list) or len(payload) != len(sort.columns) + 1 or payload[0] != sort.name:
        raise BadParameter("cursor", f"not a cursor for sort={sort.name}; start again without a cursor")
    values = [
        bind(f"after_{index}", _cursor_value(column, value), column.type)
        for index, (column, value) in enumerate(zip(sort.columns, payload[1:], strict=True))
    ]
    row, bound = tuple_(*sort.columns), tuple_(*values)
    return row < bound if sort.descending else row > bound


def _cursor_value(column: ColumnElement[Any], value: Any) -> Any:
    """A cursor's value as the column's Python type, refusing anything this API would not have written."""
    expected = column.type.python_type
    if expected is datetime and isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    elif expected is date and isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    elif expected is float and type(value) in (int, float):
        return float(value)
    elif (
        expected is int
        and type(value) is int
        and -(2**31) <= value < 2**31
        or expected is str
        and isinstance(value, str)
        and "\x00" not in value
    ):
        return value
    raise BadParameter("cursor", "not a cursor this API issued")


async def paginate(
    conn: AsyncConnection,
    shape: str,
    records: Select[Any],
    matching: Select[Any],
    where: Sequence[ColumnElement[bool]],
    sort: Sort,
    limit: int,
    cursor: str | None,
    columns: Sequence[ColumnElement[Any]] = (),
) -> Page:
    """One page of `records` (with `columns` added) in `sort` order, filtered by `where`; `matching` selects the
    same rows' ids (its first column) from the tables the filters and the sort read.

    The page's ids are found first and only their records built: a sort that Postgres cannot read off an index
    (relevance) would otherwise have every matching record built before it, 3,850 of them for a search at 50 times
    the corpus. The total comes with the page, from the same statement: one round trip, and both read the same
    snapshot. The statement is compiled once per `shape` and set of filters (app/queries/compiled.py).
    """
    varying = [*where, *columns, *sort.columns]
    after = _after(sort, cursor) if cursor else None
    if after is not None:
        varying.append(after)
    values = values_of(varying) | {"limit": limit + 1}
    key = (shape, sort.name, frozenset(values), after is not None, tuple(column.name for column in columns))

    def count() -> Select[Any]:
        return select(func.count()).select_from(matching.where(*where).subquery())

    def statement() -> Select[Any]:
        keys = [column.label(f"_key{index}") for index, column in enumerate(sort.columns)]
        found = matching.add_columns(*keys).where(*where)
        if after is not None:
            found = found.where(after)
        page = found.order_by(*sort.order_by()).limit(bindparam("limit", type_=Integer)).subquery("page")
        identity = matching.selected_columns[0]
        page_keys = [page.c[key.name] for key in keys]
        return (
            records.add_columns(*columns, count().scalar_subquery().label("_total"), *page_keys)
            .join(page, identity == page.c[identity.key])
            .order_by(*(key.desc() if sort.descending else key.asc() for key in page_keys))
        )

    rows = await compiled.fetch(conn, key, statement, values)
    # No row: nothing matches, or the cursor is past the last page, when only a count can tell the total.
    total = rows[0]["_total"] if rows else (await conn.scalar(count()) if cursor else 0)
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor(sort, tuple(last[f"_key{index}"] for index in range(len(sort.columns))))
    return Page(rows=rows, total=total, next_cursor=next_cursor)
