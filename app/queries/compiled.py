"""Hot reads compiled once per shape, so a request pays neither for compiling its statement nor for deriving its
cache key.

A page of orders takes Postgres about a millisecond; deriving the cache key of its large statement took SQLAlchemy
nearly as long. So a list names its statement's shape (which filters and which sort it uses): the first request of a
shape compiles the statement, later ones bind their values to its SQL and asyncpg runs it as a prepared statement,
without SQLAlchemy's execution around it.

For that, every value a request varies must be a named bind parameter (`bind("president", ...)`) whose name,
together with the shape's key, fixes the SQL around it; `values_of` refuses an unnamed one.
"""

from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import asyncpg
from sqlalchemy import BindParameter, ClauseElement, bindparam
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql import visitors
from sqlalchemy.types import TypeEngine

from app.db import driver


def bind(name: str, value: Any, type_: TypeEngine[Any] | type[TypeEngine[Any]] | None = None) -> BindParameter[Any]:
    """A request's value under its own name: the same SQL serves every value."""
    return bindparam(name, value, type_=type_)


def values_of(clauses: Iterable[ClauseElement]) -> dict[str, Any]:
    """The named values the clauses bind."""
    values = {}
    for clause in clauses:
        for element in visitors.iterate(clause):
            if isinstance(element, BindParameter):
                if element.unique:
                    raise TypeError(f"a value in a compiled shape must be a named bind parameter: {element!r}")
                values[element.key] = element.value
    return values


@dataclass(frozen=True)
class Compiled:
    sql: str
    names: tuple[str, ...]

    def arguments(self, values: Mapping[str, Any]) -> list[Any]:
        """The values in the order the SQL's $1, $2, ... take them."""
        return [values[name] for name in self.names]


SHAPES_KEPT = 512
"""Compiled shapes kept, the least recently used dropped first: title words make the shapes countless (one per
word count and length class), so a client varying them could otherwise grow this without end."""

_compiled: OrderedDict[tuple[Hashable, str], Compiled] = OrderedDict()


def _compile(
    key: Hashable, statement: Callable[[], ClauseElement], dialect: Dialect, values: Mapping[str, Any]
) -> Compiled:
    found = _compiled.get((key, dialect.name))
    if found is not None:
        _compiled.move_to_end((key, dialect.name))
        return found
    compiled = statement().compile(dialect=dialect)
    names = tuple(compiled.positiontup or ())
    unnamed = sorted(set(names) - set(values))
    if unnamed:  # their first values would be compiled in for good
        raise TypeError(f"{key}: the statement binds {unnamed}, which its values do not name")
    found = _compiled[(key, dialect.name)] = Compiled(str(compiled), names)
    if len(_compiled) > SHAPES_KEPT:
        _compiled.popitem(last=False)
    return found


async def fetch(
    conn: AsyncConnection, key: Hashable, statement: Callable[[], ClauseElement], values: Mapping[str, Any]
) -> list[asyncpg.Record]:
    """The rows of the statement `statement()` builds, built and compiled only the first time for `key`, with
    `values` bound, run by asyncpg on the pooled connection (app.db.driver)."""
    compiled = _compile(key, statement, conn.dialect, values)
    async with driver(conn) as postgres:
        return await postgres.fetch(compiled.sql, *compiled.arguments(values))
