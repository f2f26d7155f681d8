"""Read-only access to the stored records for detectors, over a DuckDB connection."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

import duckdb
import pyarrow as pa

from redflags.engines.dialect import render
from redflags.model import KIND_TABLES, RecordKind

Params = Sequence[Any] | Mapping[str, Any] | None


class Engine(Protocol):
    """What detectors may ask of an engine.

    `sql` and `materialise` take a definition in the project's dialect (DuckDB's, with `$name`
    placeholders) and run it wherever the data lives; they are all the aggregate indicators use,
    so those run unchanged on DuckDB and on Spark. `query` and `records` are DuckDB-only helpers
    for the per-record detectors (text, images) that work in Python anyway.

    `records`' `where` is a pre-filter that only saves reading rows: a detector skips the rows
    it leaves out by itself too, so an engine may ignore it (the online engine over a request's
    few records does, `redflags.online.engine`).
    """

    name: str

    def sql(
        self, definition: str, params: Mapping[str, Any] | None = None
    ) -> list[dict[str, Any]]: ...

    def materialise(
        self, table: str, definition: str, params: Mapping[str, Any] | None = None
    ) -> None: ...

    def register(self, table: str, data: pa.Table) -> None: ...

    def has(self, table: str) -> bool: ...

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]: ...

    def records(
        self, kind: RecordKind, columns: Sequence[str] | None = None, where: str | None = None
    ) -> Iterator[dict[str, Any]]: ...


def _rows(result: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in result.description]
    return [dict(zip(names, row, strict=True)) for row in result.fetchall()]


class DuckDBEngine:
    """Runs SQL on the store's connection and hands rows to detectors as dicts."""

    name = "duckdb"
    BATCH = 10_000

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection
        self._tables: set[str] = set()

    def sql(self, definition: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        # On the connection itself, not a cursor: the shared temp tables live there.
        return _rows(self.connection.execute(render(definition, params or {})))

    def materialise(
        self, table: str, definition: str, params: Mapping[str, Any] | None = None
    ) -> None:
        """A temporary table shared by the indicators that read it: one scan, many readers."""
        statement = render(definition, params or {})
        self.connection.execute(f'CREATE OR REPLACE TEMP TABLE "{table}" AS {statement}')
        self._tables.add(table)

    def register(self, table: str, data: pa.Table) -> None:
        self.connection.register("_redflags_upload", data)
        try:
            self.connection.execute(
                f'CREATE OR REPLACE TEMP TABLE "{table}" AS SELECT * FROM _redflags_upload'
            )
        finally:
            self.connection.unregister("_redflags_upload")
        self._tables.add(table)

    def has(self, table: str) -> bool:
        return table in self._tables

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]:
        """Rows as dicts; `params` are positional (?) or named ($name)."""
        return _rows(self.connection.cursor().execute(sql, params))

    def records(
        self, kind: RecordKind, columns: Sequence[str] | None = None, where: str | None = None
    ) -> Iterator[dict[str, Any]]:
        table, id_field = KIND_TABLES[kind]
        select = ", ".join(f'"{c}"' for c in columns) if columns else "*"
        sql = f"SELECT {select} FROM {table}"
        if where:
            sql += f" WHERE {where}"
        sql += f' ORDER BY "{id_field}"'
        cursor = self.connection.cursor()
        result = cursor.execute(sql)
        names = [d[0] for d in result.description]
        while batch := result.fetchmany(self.BATCH):
            for row in batch:
                yield dict(zip(names, row, strict=True))
