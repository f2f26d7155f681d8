"""The engine online scoring runs detectors on: the request's records, held in memory.

Detectors read records through `Engine.records` and, one of them (BEH-LOW-PRICE), through SQL
(`query`). Going through a DuckDB store for every read costs 0.3 to 1 ms a call and a single ad
is read by some fifty calls, so reads are served from the Python records themselves, in the
store's shape (every field, lists for list fields, UTC datetimes); `records`' `where`, a
pre-filter by the Engine contract, is not applied. Only SQL goes to DuckDB, over Arrow copies of
the same records registered on a cursor of its own (one per request: a cursor's registrations
are its own, so concurrent requests never see each other's records).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from redflags.engines.dialect import render
from redflags.engines.duckdb_engine import Params
from redflags.model import KIND_TABLES, RecordKind
from redflags.model.records import field_specs
from redflags.store import arrow_schema
from redflags.store.sql import quote_identifier

SOURCE = "online"  # the `_source` of request records


def new_connection() -> duckdb.DuckDBPyConnection:
    """The DuckDB database request cursors are made from: in memory, UTC like the store, and
    one thread (a request's queries read a few rows; handing them to worker threads costs
    more than it saves, most of all on a busy machine)."""
    connection = duckdb.connect(":memory:", config={"threads": 1})
    connection.execute("SET TimeZone = 'UTC'")
    return connection


class RecordsEngine:
    """An `Engine` over records given in memory (canonical dicts per kind, ids unique)."""

    name = "duckdb"  # the SQL it runs is DuckDB's

    def __init__(
        self,
        records: Mapping[RecordKind, Sequence[Mapping[str, Any]]],
        connection: duckdb.DuckDBPyConnection,
    ) -> None:
        self._records = {kind: [_stored(kind, r) for r in rows] for kind, rows in records.items()}
        self._connection = connection
        self._cursor: duckdb.DuckDBPyConnection | None = None
        self._registered: set[RecordKind] = set()
        self._tables: set[str] = set()

    # -- plain reads ---------------------------------------------------------------------------

    def records(
        self, kind: RecordKind, columns: Sequence[str] | None = None, where: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """The records of a kind. `where` is ignored: it is a pre-filter that only saves reading
        rows (the Engine contract), and a request's few rows cost less to read than to filter."""
        for record in self._records.get(kind, ()):
            yield {c: record.get(c) for c in columns} if columns else dict(record)

    # -- SQL -----------------------------------------------------------------------------------

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]:
        return self._sql_rows(sql, params, _named(sql))

    def sql(self, definition: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        statement = render(definition, params or {})
        return self._sql_rows(statement, None, _named(statement))

    def materialise(
        self, table: str, definition: str, params: Mapping[str, Any] | None = None
    ) -> None:
        statement = render(definition, params or {})
        cursor = self._ready(_named(statement))
        cursor.execute(f"CREATE OR REPLACE TEMP TABLE {quote_identifier(table)} AS {statement}")
        self._tables.add(table)

    def register(self, table: str, data: pa.Table) -> None:
        self._ready(()).register(table, data)
        self._tables.add(table)

    def has(self, table: str) -> bool:
        return table in self._tables

    def close(self) -> None:
        if self._cursor is not None:
            self._cursor.close()
            self._cursor = None

    def _sql_rows(
        self, sql: str, params: Params, kinds: Sequence[RecordKind]
    ) -> list[dict[str, Any]]:
        result = self._ready(kinds).execute(sql, params)
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def _ready(self, kinds: Sequence[RecordKind]) -> duckdb.DuckDBPyConnection:
        """The request's cursor, with the tables of `kinds` registered (empty ones too: SQL may
        name a table of a kind the request has none of)."""
        if self._cursor is None:
            self._cursor = self._connection.cursor()
            self._cursor.execute("SET TimeZone = 'UTC'")
        for kind in kinds:
            if kind not in self._registered:
                rows = self._records.get(kind, [])
                self._cursor.register(KIND_TABLES[kind][0], _arrow(kind, rows))
                self._registered.add(kind)
        return self._cursor


def _named(sql: str) -> tuple[RecordKind, ...]:
    """The record kinds whose tables a statement may read: every table named as a word in it
    (a few more than it reads at worst; registering a table costs a fraction of a millisecond,
    and all eight would cost more than the query)."""
    return tuple(kind for kind, pattern in _TABLE_WORDS.items() if pattern.search(sql))


_TABLE_WORDS = {kind: re.compile(rf"\b{table}\b") for kind, (table, _) in KIND_TABLES.items()}


def _stored(kind: RecordKind, record: Mapping[str, Any]) -> dict[str, Any]:
    """A canonical record as the store gives it back: every field present, lists as lists,
    and the provenance columns."""
    stored = {
        s.name: list(record.get(s.name) or ()) if s.many else record.get(s.name)
        for s in field_specs(kind)
    }
    stored.update(_source=SOURCE, _file=None, _line=None)
    return stored


def _arrow(kind: RecordKind, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    schema = arrow_schema(kind)
    return pa.Table.from_pylist([dict(r) for r in rows], schema=schema)
