"""The only way text from outside may enter SQL: quoted as an identifier or as a literal.

Prefer bound parameters (`?`) for values; these two are for the places SQL has no parameter
(column and table names) and for constants in generated SQL. Both refuse NUL, which DuckDB's
parser would treat as the end of the statement.
"""

from __future__ import annotations


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise ValueError(f"NUL character in SQL text {text[:40]!r}")
    return text


def quote_identifier(name: str) -> str:
    """`name` as a DuckDB identifier: in double quotes, any double quote doubled."""
    return '"' + _no_nul(name).replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    """`text` as a DuckDB string literal: in single quotes, any single quote doubled."""
    return "'" + _no_nul(text).replace("'", "''") + "'"
