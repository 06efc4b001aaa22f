"""Records built as JSON text by Postgres, in the API's shapes, for bulk paths that stream them unparsed.

Each resource's JSON expression must give what its Pydantic schema serialises; the export tests compare the two.
"""

from typing import Any

from sqlalchemy import ColumnElement, Text, case, cast, func, literal, text


def json_object(**fields: ColumnElement[Any]) -> ColumnElement[Any]:
    """json_build_object keeps the keys in the order given, as the schemas do."""
    return func.json_build_object(*(part for name, value in fields.items() for part in (literal(name), value)))


def iso_utc(column: ColumnElement[Any]) -> ColumnElement[str]:
    """A timestamp as Pydantic writes it: UTC with Z, microseconds only when there are any."""
    utc = column.op("AT TIME ZONE")(text("'UTC'"))
    seconds = func.to_char(utc, 'YYYY-MM-DD"T"HH24:MI:SS')
    fraction = case((func.extract("microseconds", column) % 1000000 == 0, ""), else_=func.to_char(utc, ".US"))
    return case((column.is_(None), None), else_=seconds + fraction + "Z")


def as_text(record: ColumnElement[Any]) -> ColumnElement[str]:
    return cast(record, Text)
