"""One embedded DuckDB database holding raw records, quarantine and ingest bookkeeping."""

from __future__ import annotations

import os
import re
import tempfile
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
    id_field,
    sql_type,
    table_name,
)

# Rows per Arrow batch handed to DuckDB: large enough to amortise the call, small enough for memory.
BATCH_ROWS = 50_000

_BOOKKEEPING_TABLES = ("meta", "quarantine", "ingested_files", "record_versions")
_MEMORY = re.compile(r"(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.I)
_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12}
_UNITS.update({"kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40})
# Below this DuckDB cannot even plan the scan's joins; refuse rather than fail half-way.
MIN_MEMORY = 64 * 10**6
_LOCK_PID = re.compile(r"PID (\d+)")


class StoreError(Exception):
    """The database cannot be used: wrong schema, not a redflags store, locked, not writable, or
    out of memory. str() is always one line, shown to the user without a traceback."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(str(message).split()))


class MergeCounts(NamedTuple):
    """What merging one file's staged rows did: new ids, changed records, identical records."""

    new: int
    updated: int
    unchanged: int


def _open_problem(path: Path, exc: duckdb.Error) -> str:
    """One line for why DuckDB could not open `path`."""
    text = str(exc)
    if "Could not set lock" in text or "Conflicting lock" in text:
        pid = _LOCK_PID.search(text)
        who = f" (pid {pid.group(1)})" if pid else ""
        return f"in use by another process{who}; wait for it to finish or use another --db"
    if "not a valid DuckDB database" in text:
        return "is not a DuckDB database"
    if "Permission denied" in text:
        return "cannot open: permission denied"
    if "serialization" in text.lower() or "storage version" in text.lower():
        return "made by another DuckDB version; ingest into a new database"
    first = text.splitlines()[0] if text else type(exc).__name__
    return f"cannot open database: {first}"


def _sql_text(text: str) -> str:
    """A SQL string literal (for SET, which takes no parameters); never used for record values."""
    return "'" + text.replace("'", "''") + "'"


def parse_size(limit: str) -> int:
    """Bytes in a size such as "3GB", "512MB" or "1.5GiB"; StoreError for anything else."""
    match = _MEMORY.fullmatch(limit.strip())
    if not match:
        raise StoreError(f"memory limit {limit!r}: use a size such as 3GB or 512MB")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


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
        self._memory_text: str | None = None  # the limit as the user wrote it

    @classmethod
    def open(cls, path: Path | None = None, *, read_only: bool = False) -> Store:
        """Open (and if needed create) a store; `None` gives a private in-memory database."""
        if path is None and read_only:
            raise StoreError("an in-memory store cannot be opened read-only")
        if path is not None:
            cls._check_path(Path(path), read_only)
        target = ":memory:" if path is None else str(path)
        try:
            con = duckdb.connect(target, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{target}: {_open_problem(Path(target), exc)}") from None
        # All timestamps are stored and shown in UTC, whatever the machine's zone.
        con.execute("SET TimeZone = 'UTC'")
        # Spill to disk beyond the memory limit instead of failing: beside a file store (DuckDB's
        # own default), for an in-memory one a private folder in the system temp (never the cwd).
        spill = (
            f"{path}.tmp"
            if path is not None
            else os.path.join(tempfile.gettempdir(), f"redflags-duckdb-{os.getpid()}")
        )
        con.execute(f"SET temp_directory = {_sql_text(spill)}")
        store = cls(con, path)
        try:
            store._ensure_schema(read_only)
        except BaseException:
            con.close()
            raise
        return store

    @staticmethod
    def _check_path(path: Path, read_only: bool) -> None:
        """The problems DuckDB reports badly (or with a traceback), caught before it sees them."""
        if path.is_dir():
            raise StoreError(f"{path}: is a folder; give a file such as {path}/redflags.duckdb")
        if not path.exists():
            if read_only:
                raise StoreError(f"{path}: no such store")
            if not path.parent.is_dir():
                raise StoreError(f"{path}: folder {path.parent} does not exist")
        elif not path.is_file():
            raise StoreError(f"{path}: not a regular file")

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
        """Insert canonical rows; returns how many were new. Same source + id is ignored.

        Low level (tests, fixtures): ingest goes through a stage and `merge_staged`, which
        updates changed records instead of ignoring them.
        """
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
        """Quarantine rows that could not be stored, with their reason and raw content.

        Idempotent: an entry already there (same source, file, line, reason and raw row) is not
        added again. Returns how many entries the call covered, new or not, so a file's
        quarantined count stays what its reading found.
        """
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
        view = "_incoming_quarantine"
        self._con.register(view, batch)
        try:
            self.add_quarantine_from(view)
        finally:
            with suppress(duckdb.Error):
                self._con.unregister(view)
        return n

    def add_quarantine_from(self, relation: str) -> int:
        """Copy quarantine entries from a table or view of ours (columns as `quarantine`) that
        are not there yet; returns how many rows `relation` holds."""
        columns = "_source, _file, _line, kind, reason, raw"
        self._con.execute(
            f"""INSERT INTO quarantine ({columns})
            SELECT DISTINCT {columns} FROM {relation} i
            WHERE NOT EXISTS (
                SELECT 1 FROM quarantine q
                WHERE q._source = i._source AND q._file IS NOT DISTINCT FROM i._file
                  AND q._line IS NOT DISTINCT FROM i._line AND q.reason = i.reason
                  AND q.raw IS NOT DISTINCT FROM i.raw)
            ORDER BY _line"""
        ).fetchall()
        return int(self._con.execute(f"SELECT count(*) FROM {relation}").fetchall()[0][0])

    # -- staged merge: how every ingested file reaches its record table -----------------------

    def create_stage(self, kind: RecordKind | str) -> str:
        """An empty temp table for a part of one file's valid rows (canonical fields and
        `_line`), and beside it `<stage>_ids`: the id and line of every row of the file staged
        so far, which is all that finding duplicates needs once a part has been merged."""
        kind = RecordKind(kind)
        stage = f"_stage_{table_name(kind)}"
        columns = ", ".join(
            [*(f"{s.name} {sql_type(s)}" for s in field_specs(kind)), "_line BIGINT"]
        )
        self._con.execute(f"CREATE OR REPLACE TEMP TABLE {stage} ({columns})")
        self._con.execute(f"CREATE OR REPLACE TEMP TABLE {stage}_ids (id VARCHAR, _line BIGINT)")
        return stage

    def clear_stage(self, stage: str) -> None:
        """Empty a stage after a part was merged (its ids stay for finding duplicates)."""
        self._con.execute(f"DELETE FROM {stage}")

    def append_stage(
        self,
        kind: RecordKind | str,
        stage: str,
        rows: Sequence[Mapping[str, Any]],
        lines: Sequence[int | None],
    ) -> None:
        """Add validated rows (one batch) to a stage made by `create_stage`."""
        kind = RecordKind(kind)
        names = [s.name for s in field_specs(kind)]
        schema = pa.schema([f for f in arrow_schema(kind) if f.name not in ("_source", "_file")])
        data: dict[str, list[Any]] = {name: [r.get(name) for r in rows] for name in names}
        data["_line"] = list(lines)
        batch = pa.Table.from_pydict(data, schema=schema)
        self._insert_arrow(stage, ", ".join([*names, "_line"]), batch, or_ignore=False)
        ids = pa.table({"id": batch.column(id_field(kind)), "_line": batch.column("_line")})
        self._insert_arrow(f"{stage}_ids", "id, _line", ids, or_ignore=False)

    def staged_lines(
        self, kind: RecordKind | str, stage: str, ids: Sequence[str]
    ) -> dict[str, int]:
        """Of `ids`, those already staged for this file, with the line that put them there."""
        if not ids:
            return {}
        view = "_incoming_ids"
        self._con.register(view, pa.table({"id": pa.array(list(ids), pa.string())}))
        try:
            rows = self._con.execute(
                f"SELECT s.id, min(s._line) FROM {stage}_ids s JOIN {view} i ON s.id = i.id "
                "GROUP BY s.id"
            ).fetchall()
        finally:
            with suppress(duckdb.Error):
                self._con.unregister(view)
        return {str(r[0]): int(r[1]) for r in rows}

    def merge_staged(
        self, kind: RecordKind | str, staged: str, source: str, file: str | None
    ) -> MergeCounts:
        """Merge one file's valid rows into the record table (rule in docs/data.md).

        `staged` is a table or view of ours with the canonical fields and `_line`, at most one
        row per id. A new id is inserted; an id whose stored content differs is updated, the
        old row kept in `record_versions`; an identical one is left alone (unchanged).
        """
        kind = RecordKind(kind)
        table, key = table_name(kind), id_field(kind)
        names = [s.name for s in field_specs(kind)]
        total = int(self._con.execute(f"SELECT count(*) FROM {staged}").fetchall()[0][0])
        has_source = self._con.execute(
            f"SELECT 1 FROM {table} WHERE _source = ? LIMIT 1", [source]
        ).fetchall()
        updated = 0
        if has_source:  # a first ingest of a source cannot change anything: skip the join
            differs = " OR ".join(f"t.{n} IS DISTINCT FROM s.{n}" for n in names)
            self._con.execute(
                f"""CREATE OR REPLACE TEMP TABLE _changed AS
                SELECT s.* FROM {staged} s JOIN {table} t ON t._source = ? AND t.{key} = s.{key}
                WHERE {differs}""",
                [source],
            )
            self._con.execute(
                f"""INSERT INTO record_versions
                SELECT ?, t._source, t.{key}, to_json(t)::VARCHAR, ?, ?, c._line
                FROM {table} t JOIN _changed c ON t._source = ? AND t.{key} = c.{key}""",
                [kind.value, datetime.now(UTC), file, source],
            )
            assignments = ", ".join(f"{n} = c.{n}" for n in names if n != key)
            updated = int(
                self._con.execute(
                    f"""UPDATE {table} t SET {assignments}, _file = ?, _line = c._line
                    FROM _changed c WHERE t._source = ? AND t.{key} = c.{key}""",
                    [file, source],
                ).fetchall()[0][0]
            )
            self._con.execute("DROP TABLE _changed")
        column_list = ", ".join(names)
        new = int(
            self._con.execute(
                f"""INSERT OR IGNORE INTO {table} ({column_list}, _source, _file, _line)
                SELECT {column_list}, ?, ?, _line FROM {staged} ORDER BY _line""",
                [source, file],
            ).fetchall()[0][0]
        )
        return MergeCounts(new=new, updated=updated, unchanged=total - new - updated)

    def drop_stage(self, stage: str) -> None:
        self._con.execute(f"DROP TABLE IF EXISTS {stage}")
        self._con.execute(f"DROP TABLE IF EXISTS {stage}_ids")

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
        size = parse_size(limit)
        if size < MIN_MEMORY:
            raise StoreError(
                f"memory limit {limit.strip()!r} is too small: redflags needs at least 64MB "
                "for DuckDB to run a scan"
            )
        # parse_size accepted only digits and a unit, so the text is safe to put in the SET.
        self._con.execute(f"SET memory_limit = '{size}B'")
        self._memory_text = limit.strip()

    @property
    def memory_limit(self) -> str:
        if self._memory_text:
            return self._memory_text
        rows = self._con.execute("SELECT current_setting('memory_limit')").fetchall()
        return str(rows[0][0])

    @contextmanager
    def memory_guard(self, doing: str) -> Iterator[None]:
        """Turn DuckDB running out of memory while `doing` something into one StoreError line."""
        try:
            yield
        except duckdb.OutOfMemoryException:
            raise StoreError(
                f"ran out of the {self.memory_limit} memory limit while {doing}; "
                "raise --memory-limit"
            ) from None

    def file_seen(self, sha256: str, source: str) -> bool:
        """Whether a file with this content was already ingested for this source."""
        rows = self._con.execute(
            "SELECT 1 FROM ingested_files WHERE sha256 = ? AND source = ?", [sha256, source]
        ).fetchall()
        return bool(rows)

    def record_file(
        self,
        sha256: str,
        *,
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
