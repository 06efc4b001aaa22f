"""Facet counts: how many of the records a list's filters match fall under each value of a dimension.

A dimension is a value (and a label) reachable from the resource's rows by joins; outer joins keep records
without a value, counted under null, so a single-valued dimension's counts add up to the list's total.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal
from sqlalchemy.ext.asyncio import AsyncConnection


@dataclass(frozen=True)
class Dimension:
    value: ColumnElement[Any]
    label: ColumnElement[Any] | None = None
    joins: Callable[[Select[Any]], Select[Any]] = lambda query: query


@dataclass(frozen=True)
class FacetCounts:
    total: int
    facets: dict[str, list[dict[str, Any]]]


async def count(
    conn: AsyncConnection,
    rows: Select[Any],
    key: ColumnElement[Any],
    dimensions: Mapping[str, Dimension],
    by: Sequence[str],
) -> FacetCounts:
    """`rows` selects from the resource with the list's joins and filters; `key` identifies one record."""
    total = await conn.scalar(rows.with_only_columns(func.count(func.distinct(key))))
    facets = {}
    for name in dict.fromkeys(by):
        dimension = dimensions[name]
        label = dimension.label if dimension.label is not None else literal(None)
        counted = func.count(func.distinct(key))
        query = dimension.joins(rows.with_only_columns(dimension.value, label, counted))
        query = query.group_by(dimension.value, label).order_by(counted.desc(), dimension.value)
        facets[name] = [
            {"value": value, "label": label, "count": n} for value, label, n in (await conn.execute(query)).all()
        ]
    return FacetCounts(total=total or 0, facets=facets)
