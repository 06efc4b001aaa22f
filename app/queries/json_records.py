"""Records built as JSON text by Postgres, in the API's shapes, for bulk paths that stream them unparsed.

Each resource's JSON expression must give what its Pydantic schema serialises; the export tests compare the two.
"""

from typing import Any

import orjson
from sqlalchemy import ColumnElement, Text, case, cast, func, literal_column, text


def json_object(**fields: ColumnElement[Any]) -> ColumnElement[Any]:
    """json_build_object keeps the keys in the order given, as the schemas do. The keys are written into the SQL,
    not bound as parameters: a statement binds only what changes between executions."""
    return func.json_build_object(*(part for name, value in fields.items() for part in (constant(name), value)))


def constant(value: str) -> ColumnElement[str]:
    """A fixed string written into the SQL as a literal (for names and formats this module chooses, never input)."""
    return literal_column("'" + value.replace("'", "''") + "'", Text)


def iso_utc(column: ColumnElement[Any]) -> ColumnElement[str]:
    """A timestamp as Pydantic writes it: UTC with Z, microseconds only when there are any."""
    utc = column.op("AT TIME ZONE")(text("'UTC'"))
    seconds = func.to_char(utc, constant('YYYY-MM-DD"T"HH24:MI:SS'))
    whole_second = func.extract("microseconds", column) % literal_column("1000000") == literal_column("0")
    fraction = case((whole_second, constant("")), else_=func.to_char(utc, constant(".US")))
    return case((column.is_(None), None), else_=seconds.concat(fraction).concat(constant("Z")))


def as_text(record: ColumnElement[Any]) -> ColumnElement[str]:
    return cast(record, Text)


def with_field(record: str, name: str, value: Any) -> str:
    """A JSON object's text with one more field at its end, without parsing it."""
    return f"{record[:-1]}, {orjson.dumps(name).decode()} : {orjson.dumps(value).decode()}}}"
