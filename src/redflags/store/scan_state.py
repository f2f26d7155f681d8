"""What an incremental scan keeps in the store between scans (docs/performance.md,
"Incremental scans"): the findings of the per-record indicators, the identifiers the extract
stage found in each record (the rows of its `record_identifiers`), and the settings they were
computed under.

The tables are created on first use, outside the record schema's fingerprint: a store scanned
without `--incremental` never has them, and dropping them only costs the next scan its speed."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from redflags.extract.stored import COLUMNS as IDENTIFIER_COLUMNS
from redflags.model import Finding

FINDINGS = "scan_state_findings"
IDENTIFIERS = "scan_state_identifiers"
RECORDS = "scan_state_records"
_SETTINGS_KEY = "scan_state_settings"

_DDL = (
    # one per-record finding; `record` is the 'kind:id' it is about, `seq` its place in the scan
    f"""CREATE TABLE IF NOT EXISTS {FINDINGS} (
  indicator_id VARCHAR NOT NULL,
  record VARCHAR NOT NULL,
  finding VARCHAR NOT NULL
)""",
    # the extract stage's rows (extract/stored.py), kept as they were for the next scan
    f"CREATE TABLE IF NOT EXISTS {IDENTIFIERS} ({IDENTIFIER_COLUMNS})",
    "DROP TABLE IF EXISTS scan_state_pivots",  # what an earlier version kept instead
    # the records ('kind:id') the kept findings and pivots cover
    f"""CREATE TABLE IF NOT EXISTS {RECORDS} (
  rec VARCHAR NOT NULL
)""",
)


class ScanState:
    """The kept state of the last scan of one store, on that store's connection."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self.con = connection
        for ddl in _DDL:
            self.con.execute(ddl)

    # -- the settings the state was computed under ------------------------------------------

    def settings(self) -> dict[str, Any] | None:
        """What the last whole state was computed under, or None: no state, or a scan that
        was changing it did not finish."""
        rows = self.con.execute("SELECT value FROM meta WHERE key = ?", [_SETTINGS_KEY]).fetchall()
        return json.loads(rows[0][0]) if rows else None

    def invalidate(self) -> None:
        self.con.execute("DELETE FROM meta WHERE key = ?", [_SETTINGS_KEY])

    def commit(self, settings: dict[str, Any]) -> None:
        self.invalidate()
        self.con.execute(
            "INSERT INTO meta VALUES (?, ?)", [_SETTINGS_KEY, json.dumps(settings, sort_keys=True)]
        )

    def clear(self) -> None:
        """Forget every kept finding, pivot and record: a full scan writes them again."""
        for table in (FINDINGS, IDENTIFIERS, RECORDS):
            self.con.execute(f"DELETE FROM {table}")

    def cover(self, records: str) -> None:
        """Add the records of the query `records` (column `rec`) to those the state covers."""
        self.con.execute(f"INSERT INTO {RECORDS} SELECT rec FROM ({records})")

    # -- findings of per-record indicators ---------------------------------------------------

    def findings(self, indicator_id: str) -> list[Finding]:
        rows = self.con.execute(
            f"SELECT finding FROM {FINDINGS} WHERE indicator_id = ? ORDER BY rowid",
            [indicator_id],
        ).fetchall()
        return [Finding.model_validate_json(r[0]) for r in rows]

    def forget_findings(self, records: str) -> None:
        """Drop the kept findings about the records of the relation `records` (column `rec`)."""
        self.con.execute(f"DELETE FROM {FINDINGS} WHERE record IN (SELECT rec FROM {records})")

    def keep_findings(self, findings: Iterable[Finding]) -> None:
        rows = [
            (f.indicator_id, about(f), f.model_dump_json(exclude={"finding_id"})) for f in findings
        ]
        if rows:
            columns = list(zip(*rows, strict=True))
            self._append(FINDINGS, ("indicator_id", "record", "finding"), columns)

    # -- identifiers of the extract stage ----------------------------------------------------

    def forget_identifiers(self, records: str) -> None:
        """Drop the kept identifiers of the records of the relation `records` (column `rec`)."""
        self.con.execute(
            f"DELETE FROM {IDENTIFIERS} WHERE record_kind || ':' || record_id "
            f"IN (SELECT rec FROM {records})"
        )

    def keep_identifiers(self, rows: str | pa.Table) -> None:
        """Keep the extract stage's rows: a relation on this connection, or an Arrow table of
        its columns (read from another connection)."""
        if isinstance(rows, str):
            self.con.execute(f"INSERT INTO {IDENTIFIERS} SELECT * FROM {rows}")
            return
        self.con.register("_scan_state_identifiers", rows)
        try:
            self.con.execute(f"INSERT INTO {IDENTIFIERS} SELECT * FROM _scan_state_identifiers")
        finally:
            self.con.unregister("_scan_state_identifiers")

    def _append(self, table: str, names: Sequence[str], columns: Sequence[Sequence[Any]]) -> None:
        if not columns or not columns[0]:
            return
        batch = pa.table([pa.array(list(c), pa.string()) for c in columns], names=list(names))
        self.con.register("_scan_state_batch", batch)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _scan_state_batch")
        finally:
            self.con.unregister("_scan_state_batch")


def about(finding: Finding) -> str:
    """The record ('kind:id') a per-record finding is about: its first evidence record."""
    if not finding.evidence:
        return f"{finding.subject_kind}:{finding.subject}"
    return f"{finding.evidence[0].kind}:{finding.evidence[0].record_id}"
