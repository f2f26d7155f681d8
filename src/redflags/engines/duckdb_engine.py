"""Read-only access to the stored records for detectors, over a DuckDB connection."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Protocol

import duckdb

from redflags.model import KIND_TABLES, RecordKind

Params = Sequence[Any] | Mapping[str, Any] | None


class Engine(Protocol):
    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]: ...

    def records(
        self, kind: RecordKind, columns: Sequence[str] | None = None, where: str | None = None
    ) -> Iterator[dict[str, Any]]: ...


class DuckDBEngine:
    """Runs SQL on the store's connection and hands rows to detectors as dicts."""

    BATCH = 10_000

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.connection = connection

    def query(self, sql: str, params: Params = None) -> list[dict[str, Any]]:
        """Rows as dicts; `params` are positional (?) or named ($name)."""
        cursor = self.connection.cursor()
        result = cursor.execute(sql, params)
        names = [d[0] for d in result.description]
        return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

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
