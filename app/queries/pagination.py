"""Keyset pagination: an opaque cursor holds the sort name and the last row's sort key.

Every sort ends in a unique column, so pages never skip or repeat a row, and a page costs the same
at row 1,000,000 as at row 1 given an index that matches the sort.
"""

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import Date, Select, func, literal, select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

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
    values = [_bound(column, value) for column, value in zip(sort.columns, payload[1:], strict=True)]
    row, bound = tuple_(*sort.columns), tuple_(*values)
    return row < bound if sort.descending else row > bound


def _bound(column: ColumnElement[Any], value: Any) -> ColumnElement[Any]:
    """A cursor value as a typed SQL literal, refusing anything this API would not have written."""
    expected = column.type.python_type
    if expected is datetime and isinstance(value, str):
        try:
            return literal(datetime.fromisoformat(value), column.type)
        except ValueError:
            pass
    elif expected is date and isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return literal(date.fromisoformat(value), Date)
        except ValueError:
            pass
    elif expected is float and type(value) in (int, float):
        return literal(float(value), column.type)
    elif (
        expected is int
        and type(value) is int
        and -(2**31) <= value < 2**31
        or expected is str
        and isinstance(value, str)
        and "\x00" not in value
    ):
        return literal(value, column.type)
    raise BadParameter("cursor", "not a cursor this API issued")


async def paginate(
    conn: AsyncConnection, query: Select[Any], matching: Select[Any], sort: Sort, limit: int, cursor: str | None
) -> Page:
    """One page of `query` in `sort` order; `matching` is the same filter selecting only keys, for the total."""
    total = await conn.scalar(select(func.count()).select_from(matching.subquery()))
    paged = query.add_columns(*(column.label(f"_key{index}") for index, column in enumerate(sort.columns)))
    if cursor:
        paged = paged.where(_after(sort, cursor))
    rows = (await conn.execute(paged.order_by(*sort.order_by()).limit(limit + 1))).mappings().all()
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        last = rows[-1]
        next_cursor = encode_cursor(sort, tuple(last[f"_key{index}"] for index in range(len(sort.columns))))
    return Page(rows=list(rows), total=total or 0, next_cursor=next_cursor)
