"""The engine online scoring runs detectors on: the request's records, held in memory.

Detectors read records through `Engine.records` and, for a few, SQL (`query`, or a `where`
filter on `records`). Going through a DuckDB store for every read costs about 0.3 ms a call and
a single ad is read by some fifty calls, so plain reads are served from the Python records
themselves (in the store's shape: lists for list fields, UTC datetimes); only SQL goes to DuckDB,
over Arrow copies of the same records registered on a cursor of its own (one per request: a
cursor's registrations are its own, so concurrent requests never see each other's records).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from redflags.engines.dialect import render
from redflags.engines.duckdb_engine import Params
from redflags.model import KIND_TABLES, RecordKind
from redflags.model.records import field_specs
from redflags.store import arrow_schema

SOURCE = "online"  # the `_source` of request records


def new_connection() -> duckdb.DuckDBPyConnection:
    """The DuckDB database request cursors are made from (in memory, UTC like the store)."""
    connection = duckdb.connect(":memory:")
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
        if where is not None:  # a filter in SQL: DuckDB reads it, as from the store
            table, id_field = KIND_TABLES[kind]
            select = ", ".join(f'"{c}"' for c in columns) if columns else "*"
            sql = f'SELECT {select} FROM {table} WHERE {where} ORDER BY "{id_field}"'
            yield from self._sql_rows(sql, None, (kind,))
            return
        for record in self._records.get(kind, ()):
            yield {c: record.get(c) for c in columns} if columns else dict(record)

    # -- SQL -----------------------------------------------------------------------------------

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]:
        return self._sql_rows(sql, params, tuple(KIND_TABLES))

    def sql(self, definition: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._sql_rows(render(definition, params or {}), None, tuple(KIND_TABLES))

    def materialise(
        self, table: str, definition: str, params: Mapping[str, Any] | None = None
    ) -> None:
        cursor = self._ready(tuple(KIND_TABLES))
        statement = render(definition, params or {})
        cursor.execute(f'CREATE OR REPLACE TEMP TABLE "{table}" AS {statement}')
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
