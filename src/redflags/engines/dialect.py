"""One SQL text per aggregate indicator, run on any engine.

Definitions are written once in DuckDB's dialect with `$name` placeholders. sqlglot parses them,
puts the catalogue's parameters in as literals, and writes the statement out in the engine's
dialect (DuckDB itself, or Spark SQL). Literals rather than bound parameters because Spark SQL
has no portable named parameters for lists, and because the rendered text is then the exact
statement an analyst can rerun by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import sqlglot
from sqlglot import exp

SOURCE_DIALECT = "duckdb"


class SQLDefinitionError(ValueError):
    """A definition cannot be rendered: a placeholder without a value, or unparsable SQL."""


@lru_cache(maxsize=512)
def _parsed(sql: str) -> exp.Expr:
    try:
        parsed = sqlglot.parse_one(sql, read=SOURCE_DIALECT)
    except sqlglot.errors.ParseError as exc:
        raise SQLDefinitionError(f"cannot parse definition: {exc}") from None
    return parsed


def _literal(value: Any) -> exp.Expr:
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, datetime):
        return exp.cast(exp.Literal.string(value.isoformat()), exp.DataType.Type.TIMESTAMPTZ)
    if isinstance(value, date):
        return exp.cast(exp.Literal.string(value.isoformat()), exp.DataType.Type.DATE)
    if isinstance(value, (list, tuple)):
        return exp.Array(expressions=[_literal(v) for v in value])
    return exp.convert(value)


def placeholders(sql: str) -> set[str]:
    """The `$name` placeholders a definition uses."""
    return {p.name for p in _parsed(sql).find_all(exp.Placeholder) if p.name}


# Every scan renders each definition with the same parameters again; rendering costs more than
# the query on a small store. The key is the parameters' repr, which tells True from 1 and a
# list from a tuple as the literals do.
_RENDERED: dict[tuple[str, str, str], str] = {}
_RENDERED_MAX = 4096


def render(sql: str, params: Mapping[str, Any], dialect: str = SOURCE_DIALECT) -> str:
    """The definition with every `$name` replaced by its value, written in `dialect`."""
    key = (sql, dialect, repr(sorted(params.items())))
    if key not in _RENDERED:
        if len(_RENDERED) >= _RENDERED_MAX:
            _RENDERED.clear()
        _RENDERED[key] = _render(sql, params, dialect)
    return _RENDERED[key]


def _render(sql: str, params: Mapping[str, Any], dialect: str) -> str:
    missing = placeholders(sql) - set(params)
    if missing:
        raise SQLDefinitionError(f"no value for placeholder(s): {', '.join(sorted(missing))}")

    def substitute(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Placeholder) and node.name:
            return _literal(params[node.name])
        return node

    tree = _parsed(sql).copy().transform(substitute)
    if dialect == "spark":
        tree = tree.transform(_membership_as_in)
    return tree.sql(dialect=dialect)


def _membership_as_in(node: exp.Expr) -> exp.Expr:
    """`list_contains([literals], x)` as `x IN (literals)` for Spark: its optimiser turns a long
    IN list into a hash set, where ARRAY_CONTAINS compares every element for every row (the
    evidence lookups pass thousands of ids). Both give NULL for a NULL `x`; a list holding NULL
    is not a list of literals, so it is left as it is."""
    if not isinstance(node, exp.ArrayContains):
        return node
    values = node.this
    if not isinstance(values, exp.Array) or not values.expressions:
        return node
    if not all(isinstance(v, exp.Literal) for v in values.expressions):
        return node
    return exp.In(this=node.expression, expressions=list(values.expressions))
