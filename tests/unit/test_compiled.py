"""Compiled shapes: a request's values must be named, or the first request's values would be compiled in for good."""

import pytest
from sqlalchemy import Integer, column, literal, select, table
from sqlalchemy.dialects import postgresql

from app.queries import compiled
from app.queries.compiled import _compile, bind, values_of

orders = table("orders", column("eo_number", Integer))


def test_named_values_are_read_from_the_clauses() -> None:
    where = [orders.c.eo_number > bind("after", 14000, Integer), orders.c.eo_number < bind("before", 14500, Integer)]
    assert values_of(where) == {"after": 14000, "before": 14500}


def test_an_unnamed_value_is_refused() -> None:
    with pytest.raises(TypeError, match="named bind parameter"):
        values_of([orders.c.eo_number == literal(14409)])


def test_a_statement_binding_a_value_its_shape_does_not_name_is_refused() -> None:
    statement = select(orders.c.eo_number).where(orders.c.eo_number == bind("eo_number", 14409, Integer))
    with pytest.raises(TypeError, match="eo_number"):
        _compile(("test", "unnamed"), lambda: statement, postgresql.asyncpg.dialect(), values={})


def test_one_shape_compiles_once_and_binds_each_requests_values() -> None:
    dialect = postgresql.asyncpg.dialect()
    first = select(orders.c.eo_number).where(orders.c.eo_number == bind("eo_number", 14409, Integer))
    second = select(orders.c.eo_number).where(orders.c.eo_number == bind("eo_number", 13960, Integer))
    compiled = _compile(("test", "same shape"), lambda: first, dialect, {"eo_number": 14409})
    again = _compile(("test", "same shape"), lambda: second, dialect, {"eo_number": 13960})
    assert again is compiled
    assert compiled.sql.count("$1") == 1
    assert again.arguments({"eo_number": 13960}) == [13960]


def test_the_least_recently_used_shapes_are_dropped_beyond_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "SHAPES_KEPT", 2)
    monkeypatch.setattr(compiled, "_compiled", compiled.OrderedDict())
    dialect = postgresql.asyncpg.dialect()
    statement = select(orders.c.eo_number)
    first = _compile("first", lambda: statement, dialect, {})
    _compile("second", lambda: statement, dialect, {})
    assert _compile("first", lambda: statement, dialect, {}) is first  # used again: now the most recent
    _compile("third", lambda: statement, dialect, {})
    assert [key for key, _ in compiled._compiled] == ["first", "third"]
