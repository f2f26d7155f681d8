"""A second lane for the per-record indicators: they run in another process while this one
runs the rest, so a scan uses both of a 2-core machine's cores for its Python detectors.

Most detectors are Python that holds one core: the per-record ones (lexicons, language,
stated hours, obscured phones … `Scope.RECORD`, the indicators an incremental scan runs on the
touched records alone) are about a quarter to a half of the evaluate stage on the `medium`
world. Their findings about a record read that record only (`stages/incremental.py`,
`per_record`), so a process that holds a copy of the records they read finds exactly what this
process would: the same records, read in the same order by the same code. The lane's findings
are put back in the catalogue's order (`stages/evaluate.py`), so the scan's findings, cases and
reports are the same with or without it (`tests/test_evaluate_lanes.py`).

The copy goes through Parquet in the scan's private scratch folder (DuckDB's types round-trip
exactly), into an in-memory store in the worker, which is spawned rather than forked: this
process holds DuckDB's threads. Small scans do not pay the worker's start (about a second and a
half of imports): the lane opens only past `LANE_MIN_ROWS` records of the kinds it reads.
"""

from __future__ import annotations

import time
from multiprocessing import get_context
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import Any

from redflags.catalogue import Indicator
from redflags.detectors import Detector, detector_for
from redflags.engines import DuckDBEngine
from redflags.model import Finding
from redflags.model.records import KIND_TABLES, RecordKind
from redflags.store import Store
from redflags.store.sql import quote_identifier
from redflags.workers import worker_count

LANE_MIN_ROWS = 100_000  # records of the lane's kinds; below it one process is as quick

LaneResult = dict[str, tuple[list[Finding], float]]  # indicator -> (findings, wall seconds)


class RecordLane:
    """The per-record indicators of one scan, evaluated in a worker process."""

    def __init__(self, ids: set[str], pool: Pool, pending: AsyncResult[LaneResult]) -> None:
        self.ids = ids
        self._pool = pool
        self._pending = pending

    @classmethod
    def start(
        cls,
        detectors: list[Detector],
        store: Store,
        folder: Path,
        options: dict[str, Any],
        min_rows: int | None = None,
    ) -> RecordLane | None:
        """Copy the records the per-record detectors read and start them in a worker; None
        when there are none, there is one core (or the scan is a service's job: `worker_count`),
        or the records are few."""
        from redflags.stages.incremental import per_record  # it imports the link stage

        lane = [d for d in detectors if per_record(d)]
        if not lane or worker_count() < 2:
            return None
        kinds = sorted({kind for d in lane for kind in d.reads()})
        tables = [KIND_TABLES[RecordKind(kind)][0] for kind in kinds]
        con = store.connection
        rows = sum(
            int(con.execute(f"SELECT count(*) FROM {quote_identifier(t)}").fetchall()[0][0])
            for t in tables
        )
        if rows < (LANE_MIN_ROWS if min_rows is None else min_rows):
            return None
        folder.mkdir(parents=True, exist_ok=True)
        files: dict[str, str] = {}
        for table in tables:
            path = folder / f"{table}.parquet"
            con.execute(
                f"COPY (SELECT * FROM {quote_identifier(table)}) TO '{path}' (FORMAT parquet)"
            )
            files[table] = str(path)
        pool = get_context("spawn").Pool(1)
        indicators = [d.indicator for d in lane]
        pending = pool.apply_async(_evaluate_lane, (files, indicators, options))
        return cls({d.indicator.id for d in lane}, pool, pending)

    def results(self) -> LaneResult:
        """The lane's findings by indicator (waits for the worker; its error is raised here)."""
        return self._pending.get()

    def close(self) -> None:
        """End the worker, whether it finished or not (a failed or interrupted scan)."""
        self._pool.terminate()
        self._pool.join()


def _evaluate_lane(
    files: dict[str, str], indicators: list[Indicator], options: dict[str, Any]
) -> LaneResult:
    """In the worker: the records into an in-memory store, then each indicator in turn."""
    found: LaneResult = {}
    with Store.open(None) as store:
        for table, path in files.items():
            store.connection.execute(
                f"INSERT INTO {quote_identifier(table)} BY NAME SELECT * FROM read_parquet(?)",
                [path],
            )
        engine = DuckDBEngine(store.connection)
        for indicator in indicators:
            start = time.perf_counter()
            detector = detector_for(indicator, options)
            assert detector is not None, indicator.id  # it had one in the scanning process
            findings = list(detector.evaluate(engine))
            found[indicator.id] = (findings, round(time.perf_counter() - start, 3))
    return found
