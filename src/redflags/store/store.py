"""One embedded DuckDB database holding raw records, quarantine and ingest bookkeeping."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

import duckdb
import pyarrow as pa

from redflags.model.records import RecordKind, field_specs
from redflags.store.schema import (
    SCHEMA_VERSION,
    all_ddl,
    arrow_schema,
    fingerprint,
    table_name,
)

# Rows per Arrow batch handed to DuckDB: large enough to amortise the call, small enough for memory.
BATCH_ROWS = 50_000

_BOOKKEEPING_TABLES = ("meta", "quarantine", "ingested_files")
_MEMORY = re.compile(r"\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.I)


class StoreError(Exception):
    """The database cannot be used: wrong schema, not a redflags store, or not writable."""


class QuarantineEntry(NamedTuple):
    """A row that was read but not stored, and why."""

    line: int | None
    reason: str
    raw: str | None


class Store:
    """Persistence for ingested records. Engines read `connection`; only ingest writes."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, path: Path | None) -> None:
        self._con = connection
        self._path = path
        self._tx_depth = 0

    @classmethod
    def open(cls, path: Path | None = None, *, read_only: bool = False) -> Store:
        """Open (and if needed create) a store; `None` gives a private in-memory database."""
        if path is None and read_only:
            raise StoreError("an in-memory store cannot be opened read-only")
        target = ":memory:" if path is None else str(path)
        try:
            con = duckdb.connect(target, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{target}: cannot open database: {exc}") from None
        # All timestamps are stored and shown in UTC, whatever the machine's zone.
        con.execute("SET TimeZone = 'UTC'")
        store = cls(con, path)
        try:
            store._ensure_schema(read_only)
        except BaseException:
            con.close()
            raise
        return store

    def _ensure_schema(self, read_only: bool) -> None:
        existing = {r[0] for r in self._con.execute("SHOW TABLES").fetchall()}
        where = str(self._path) if self._path else ":memory:"
        if "meta" not in existing:
            if existing:
                raise StoreError(f"{where}: a DuckDB database, but not a redflags store")
            if read_only:
                raise StoreError(f"{where}: empty database, nothing to read")
            with self.transaction():
                for ddl in all_ddl():
                    self._con.execute(ddl)
                self._con.executemany(
                    "INSERT INTO meta VALUES (?, ?)",
                    [
                        ("schema_version", str(SCHEMA_VERSION)),
                        ("schema_fingerprint", fingerprint()),
                    ],
                )
            return
        meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema_fingerprint") != fingerprint():
            raise StoreError(
                f"{where}: made with store schema {meta.get('schema_version')}/"
                f"{meta.get('schema_fingerprint')}, this redflags uses {SCHEMA_VERSION}/"
                f"{fingerprint()}; ingest into a new database"
            )

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The DuckDB connection, for read-only queries by engines and surfaces."""
        return self._con

    @property
    def path(self) -> Path | None:
        return self._path

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing; nested uses join the outer transaction."""
        if self._tx_depth:
            self._tx_depth += 1
            try:
                yield
            finally:
                self._tx_depth -= 1
            return
        self._con.begin()
        self._tx_depth = 1
        try:
            yield
        except BaseException:
            self._tx_depth = 0
            self._con.rollback()
            raise
        self._tx_depth = 0
        self._con.commit()

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- records ----------------------------------------------------------------------------

    def insert_records(
        self,
        kind: RecordKind | str,
        rows: Sequence[Mapping[str, Any]],
        source: str,
        file: str | None = None,
        lines: Sequence[int | None] | None = None,
    ) -> int:
        """Insert canonical rows; returns how many were new. Same source + id is ignored."""
        kind = RecordKind(kind)
        if lines is not None and len(lines) != len(rows):
            raise ValueError(f"{len(rows)} rows but {len(lines)} line numbers")
        names = [s.name for s in field_specs(kind)]
        schema = arrow_schema(kind)
        column_list = ", ".join([*names, "_source", "_file", "_line"])
        inserted = 0
        for start in range(0, len(rows), BATCH_ROWS):
            chunk = rows[start : start + BATCH_ROWS]
            n = len(chunk)
            data: dict[str, list[Any]] = {name: [r.get(name) for r in chunk] for name in names}
            data["_source"] = [source] * n
            data["_file"] = [file] * n
            data["_line"] = (
                list(lines[start : start + BATCH_ROWS]) if lines is not None else [None] * n
            )
            batch = pa.Table.from_pydict(data, schema=schema)
            inserted += self._insert_arrow(table_name(kind), column_list, batch)
        return inserted

    def _insert_arrow(
        self, table: str, column_list: str, batch: pa.Table, *, or_ignore: bool = True
    ) -> int:
        view = f"_incoming_{table}"
        verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
        self._con.register(view, batch)
        try:
            # fetchall, not fetchone: DuckDB 2 keeps a half-read result open and then refuses
            # the next statement on the connection.
            result = self._con.execute(
                f"{verb} INTO {table} ({column_list}) SELECT {column_list} FROM {view}"
            ).fetchall()
        except BaseException:
            # A failed statement aborts the transaction; unregistering then fails too and
            # would hide the real error.
            with suppress(duckdb.Error):
                self._con.unregister(view)
            raise
        self._con.unregister(view)
        return int(result[0][0]) if result else 0

    def insert_quarantine(
        self,
        kind: RecordKind | str,
        source: str,
        file: str | None,
        entries: Sequence[QuarantineEntry],
    ) -> int:
        """Append rows that could not be stored, with their reason and raw content."""
        kind = RecordKind(kind)
        if not entries:
            return 0
        n = len(entries)
        batch = pa.table(
            {
                "_source": pa.array([source] * n, pa.string()),
                "_file": pa.array([file] * n, pa.string()),
                "_line": pa.array([e.line for e in entries], pa.int64()),
                "kind": pa.array([kind.value] * n, pa.string()),
                "reason": pa.array([e.reason for e in entries], pa.string()),
                "raw": pa.array([e.raw for e in entries], pa.string()),
            }
        )
        columns = "_source, _file, _line, kind, reason, raw"
        return self._insert_arrow("quarantine", columns, batch, or_ignore=False)

    def count(self, kind: RecordKind | str, source: str | None = None) -> int:
        """Rows in a record table (by kind or table name) or in `quarantine`."""
        table = self._table(kind)
        sql = f"SELECT count(*) FROM {table}"
        params: list[Any] = []
        if source is not None:
            sql += " WHERE _source = ?" if table != "ingested_files" else " WHERE source = ?"
            params.append(source)
        rows = self._con.execute(sql, params).fetchall()
        return int(rows[0][0])

    @staticmethod
    def _table(kind: RecordKind | str) -> str:
        if kind in _BOOKKEEPING_TABLES:
            return str(kind)
        try:
            return table_name(RecordKind(kind))
        except ValueError:
            pass
        for k in RecordKind:
            if table_name(k) == kind:
                return str(kind)
        raise ValueError(f"no table for {kind!r}")

    # -- files ------------------------------------------------------------------------------

    def limit_memory(self, limit: str) -> None:
        """Cap DuckDB's memory ("3GB", "512MB"); beyond it, DuckDB spills to its temp folder."""
        if not _MEMORY.fullmatch(limit.strip()):
            raise StoreError(f"memory limit {limit!r}: use a size such as 3GB or 512MB")
        self._con.execute(f"SET memory_limit = '{limit.strip()}'")

    def file_seen(self, sha256: str, source: str) -> bool:
        """Whether a file with this content was already ingested for this source."""
        rows = self._con.execute(
            "SELECT 1 FROM ingested_files WHERE sha256 = ? AND source = ?", [sha256, source]
        ).fetchall()
        return bool(rows)

    def record_file(
        self,
        sha256: str,
        path: str,
        source: str,
        kind: RecordKind | str,
        read: int,
        stored: int,
        quarantined: int,
    ) -> None:
        """Remember an ingested file so the same content is not read again."""
        self._con.execute(
            "INSERT OR REPLACE INTO ingested_files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                sha256,
                path,
                source,
                RecordKind(kind).value,
                read,
                stored,
                quarantined,
                datetime.now(UTC),
            ],
        )
