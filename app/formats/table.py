"""Records as CSV rows: nested objects become prefixed columns, lists of objects one column per field.

`deadline {kind, days}` becomes `deadline_kind`, `deadline_days`; `actors [{name}, {name}]` becomes one
`actors_name` cell, the names joined by "; " in order, so the cells of one list line up across its columns.
The columns come from the record's schema, so an export with no rows still has its header.
"""

import csv
import io
import types
from collections.abc import Iterable
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

JOIN = "; "


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside `X`, `X | None` or `list[X]`, if there is one."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType, list):
        for arg in get_args(annotation):
            if found := _inner_model(arg):
                return found
    return None


def _paths(model: type[BaseModel], exclude: frozenset[str]) -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = []
    for name, field in model.model_fields.items():
        if name in exclude:
            continue
        inner = _inner_model(field.annotation)
        paths += [(name, *sub) for sub in _paths(inner, frozenset())] if inner else [(name,)]
    return paths


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _at(value: Any, path: tuple[str, ...]) -> str:
    for depth, key in enumerate(path):
        if isinstance(value, list):
            return JOIN.join(_at(item, path[depth:]) for item in value)
        if value is None:
            return ""
        value = value.get(key)
    if isinstance(value, list):
        return JOIN.join(_cell(item) for item in value)
    return _cell(value)


class Table:
    """The CSV form of one kind of record."""

    def __init__(self, model: type[BaseModel], exclude: Iterable[str] = ()) -> None:
        self.exclude = frozenset(exclude)
        self.paths = _paths(model, self.exclude)
        self.header = self._lines([["_".join(path) for path in self.paths]])

    def rows(self, records: Iterable[BaseModel]) -> bytes:
        dumped = (record.model_dump(mode="json", exclude=set(self.exclude)) for record in records)
        return self._lines([_at(row, path) for path in self.paths] for row in dumped)

    @staticmethod
    def _lines(rows: Iterable[list[str]]) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(rows)
        return buffer.getvalue().encode()
