"""Incremental scans (`redflags scan --incremental --db STORE`): a daily delta ingested into a
kept store, and only what depends on nothing but the delta computed again.

The rule is correctness first (docs/performance.md, "Incremental scans"):

- ingest stores only new records; a record already stored with the same content is skipped
  and counted, one whose content changed replaces the stored one (its old version kept in
  `record_versions`, as for any re-ingest) and counts as touched, like a new one;
- a per-record indicator (`Scope.RECORD`: its finding about a record reads that record only)
  runs on the touched records alone; its kept findings about untouched records stay;
- the extract stage reads only the touched records; the identifiers of the others are kept
  (`scan_state_identifiers`, the rows of its `record_identifiers` table);
- everything that reads several records (the aggregate, market, thread, template and photo
  indicators, the findings readers, entity resolution, linking, scoring and cases) is computed
  whole over the store, so its result is the full scan's by construction.

A store with no kept state, or state computed under other settings (catalogue, region,
currency, time zone, allow-list, version), is scanned in full and its state written."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

import duckdb

from redflags.detectors import Detector, FindingsReader
from redflags.detectors.base import Scope
from redflags.engines import DuckDBEngine, Engine
from redflags.extract.stored import TABLE as IDENTIFIERS_TABLE
from redflags.model import Finding
from redflags.model.records import KIND_TABLES
from redflags.report.kept_contacts import KeptContacts
from redflags.stages.context import ScanContext, ScanError
from redflags.stages.extract import Extracted, extract_identifiers
from redflags.store import Store
from redflags.store.scan_state import IDENTIFIERS, RECORDS, ScanState, about
from redflags.store.sql import quote_identifier

DELTA = "scan_delta"  # temp table on the store's connection: the touched records ('kind:id')
KEPT_PIVOTS = "scan_kept_pivots"  # temp view: (rec, pv) of every record, for the linker
STATE_FORMAT = 2  # what the state holds; 1 kept (record, pivot) pairs, not the identifiers


def per_record(detector: Detector) -> bool:
    """Whether an indicator's findings about a record read that record only, so it can run on
    the touched records alone. Deletion bursts (device events of one device) are several
    records even where the messages of the same indicator are one each."""
    return (
        not isinstance(detector, FindingsReader)
        and detector.record_scope() == Scope.RECORD
        and "device_event" not in detector.reads()
    )


def state_settings(context: ScanContext) -> dict[str, Any]:
    """What the kept findings and pivots depend on besides the records: other settings, other
    state (the scan falls back to a full one)."""
    options = context.options
    return {
        "redflags": version("redflags"),  # the detectors' code
        "state": STATE_FORMAT,
        "catalogue": context.catalogue.version,
        "lexicons": _catalogue_data_digest(),
        "region": context.region,
        "timezone": options.timezone,
        "currency": options.currency,
        "allow_list": hashlib.sha256(context.allow_list_path.read_bytes()).hexdigest(),
    }


def _catalogue_data_digest() -> str:
    """The lexicons and lists the detectors read: an edited word list is other settings too,
    even where no indicator's version changed."""
    digest = hashlib.sha256()
    for folder in ("lexicons", "lists"):
        root = Path(str(resources.files("redflags.catalogue") / folder))
        for path in sorted(root.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@dataclass
class Incremental:
    """One incremental scan's view of the store: the state kept by the last scan, the records
    not covered by it (new since, or changed since), and an engine over those records alone.

    What the state covers is kept as a list of records and the time up to which their content
    was read, not as a snapshot taken around this scan's ingest: records stored by
    `redflags ingest`, or by a scan without `--incremental`, are touched all the same."""

    context: ScanContext
    store: Store
    state: ScanState
    full: bool  # no usable state: this scan computes everything and writes the state
    touched: int = 0
    delta_engine: DuckDBEngine | None = None
    _delta_store: Store | None = None
    _read_at: datetime | None = None
    _contacts: KeptContacts | None = None

    @classmethod
    def begin(cls, context: ScanContext, store: Store) -> Incremental:
        """Before ingest: whether the kept state can be used. It is marked unusable until this
        scan ends, so a scan that fails half-way leaves the next one a full scan."""
        if store.path is None:
            raise ScanError("--incremental needs a kept store: give --db STORE")
        state = ScanState(store.connection)
        kept = state.settings()
        full = kept is None or kept.get("settings") != state_settings(context)
        state.invalidate()
        incremental = cls(context, store, state, full)
        if not full and kept is not None:
            incremental._read_at = datetime.fromisoformat(kept["read_at"])
        return incremental

    def ingested(self) -> None:
        """After ingest: the touched records in `scan_delta` (in no kept state's records, or
        replaced since the kept state read them), and an in-memory store holding only them
        for the per-record work."""
        con = self.store.connection
        read_at, self._read_at = self._read_at, datetime.now(UTC)
        every = " UNION ALL ".join(
            f"SELECT '{kind.value}:' || {quote_identifier(key)} AS rec FROM "
            f"{quote_identifier(table)}"
            for kind, (table, key) in KIND_TABLES.items()
        )
        if self.full:
            self.state.clear()
            self.state.cover(every)
            self.context.progress.note(
                "incremental: no state kept for these settings yet; a full scan keeps it"
            )
            return
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE {DELTA} AS
            SELECT rec FROM ({every}) WHERE rec NOT IN (SELECT rec FROM {RECORDS})
            UNION SELECT kind || ':' || record_id FROM record_versions WHERE replaced_at >= ?""",
            [read_at],
        )
        self.touched = int(con.execute(f"SELECT count(*) FROM {DELTA}").fetchall()[0][0])
        self.context.progress.note(
            f"incremental: {self.touched:,} records new or changed; the per-record indicators "
            "and the extract stage read only those"
        )
        self._delta_store = Store.open(None)
        for kind, (table, key) in KIND_TABLES.items():
            rows = con.sql(
                f"SELECT * FROM {quote_identifier(table)} WHERE '{kind.value}:' || "
                f"{quote_identifier(key)} IN (SELECT rec FROM {DELTA})"
            ).to_arrow_table()
            if rows.num_rows:
                self._delta_store.connection.register("_delta_rows", rows)
                self._delta_store.connection.execute(
                    f"INSERT INTO {quote_identifier(table)} SELECT * FROM _delta_rows"
                )
                self._delta_store.connection.unregister("_delta_rows")
        self.delta_engine = DuckDBEngine(self._delta_store.connection)
        self.state.forget_findings(DELTA)
        self.state.forget_identifiers(DELTA)
        self.state.cover(f"SELECT rec FROM {DELTA} WHERE rec NOT IN (SELECT rec FROM {RECORDS})")

    # -- extract -------------------------------------------------------------------------------

    def extract(self, connection: duckdb.DuckDBPyConnection, region: str) -> Extracted:
        """The extract stage's `record_identifiers` on the store's connection: the kept rows
        with the touched records' read again (identifiers_of reads one record at a time, so
        a record's rows do not depend on the others)."""
        if self.full or self._delta_store is None:
            extracted = extract_identifiers(connection, region)
            self.state.keep_identifiers(IDENTIFIERS_TABLE)
            return extracted
        delta = self._delta_store.connection
        new = extract_identifiers(delta, region)
        self.state.keep_identifiers(
            delta.sql(f"SELECT * FROM {IDENTIFIERS_TABLE}").to_arrow_table()
        )
        connection.execute(
            f"CREATE OR REPLACE TEMP VIEW {IDENTIFIERS_TABLE} AS SELECT * FROM {IDENTIFIERS}"
        )
        count = connection.execute(f"SELECT count(*) FROM {IDENTIFIERS}").fetchall()[0][0]
        return replace(new, identifiers=int(count))

    # -- evaluate ------------------------------------------------------------------------------

    def run_detector(self, detector: Detector, engine: Engine) -> Iterator[Finding]:
        """One indicator's findings: a per-record one's kept findings plus its findings on the
        touched records, in the order a full scan yields them; any other, computed whole."""
        if not per_record(detector):
            yield from detector.evaluate(engine)
            return
        if self.full or self.delta_engine is None:
            found = new = list(detector.evaluate(engine))
        else:
            kept = self.state.findings(detector.indicator.id)
            new = list(detector.evaluate(self.delta_engine))
            found = _in_scan_order([*kept, *new], detector)
        self.state.keep_findings(new)
        yield from found

    # -- link ----------------------------------------------------------------------------------

    def identifiers(self, region: str) -> str:
        """The (rec, pv) pairs of every record's identifiers as the extract stage left them
        (kept, with the touched records' read again): what the identifier index reads
        besides entity resolution's pivots."""
        self.store.connection.execute(
            f"CREATE OR REPLACE TEMP VIEW {KEPT_PIVOTS} AS SELECT record_kind || ':' || "
            f'record_id AS rec, "pivot" AS pv FROM {IDENTIFIERS_TABLE}'
        )
        return KEPT_PIVOTS

    def finish(self) -> None:
        """After link: the state is whole again; the next scan may use it."""
        assert self._read_at is not None, "finish() before ingested()"
        self.state.commit(
            {"settings": state_settings(self.context), "read_at": self._read_at.isoformat()}
        )
        if self._delta_store is not None:
            self._delta_store.close()
            self._delta_store = None
        # the report is written after the store closes: its kept answers are read now
        self._contacts = KeptContacts.load(self.store.connection)
        self.context.redactor.kept_contacts = self.context.keyed.kept_contacts = self._contacts

    def keep_report_answers(self) -> None:
        """After the report: keep the contact searches its redaction used (the store is
        opened again for that)."""
        if self._contacts is not None and self.store.path is not None:
            with Store.open(self.store.path) as store:
                self._contacts.save(store.connection)


def _in_scan_order(findings: list[Finding], detector: Detector) -> list[Finding]:
    """A full scan reads each kind's records in id order (`DuckDBEngine.records`), kinds in the
    order its parameters name them (else the kind's): the kept and the new findings merged into
    that order (stable, so one record's several findings keep theirs)."""
    order = getattr(detector.p, "record_kinds", None) or detector.reads()
    kinds = {kind: i for i, kind in enumerate(order)}

    def key(finding: Finding) -> tuple[int, str]:
        kind, _, record_id = about(finding).partition(":")
        return (kinds.get(kind, len(kinds)), record_id)

    return sorted(findings, key=key)
