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
process holds DuckDB's threads. The contacts the extract stage found in those records' free
texts go with them, so the worker reads them from the table (`stored_texts`) as this process
does, instead of running the careful extractor on every text again (on `large`, every ad's
two texts for BEH-OBSCURED-PHONE alone). Small scans do not pay the worker's start (about a
second and a half of imports): the lane opens only past `LANE_MIN_ROWS` records of the kinds
it reads.

The two processes share the lane's indicators: the worker takes them from the front of the
list, and this process, once its own indicators are done, takes them from the back
(`steal`), so neither waits long for the other whichever side the records make heavier.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from multiprocessing import get_context
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redflags.catalogue import Indicator
from redflags.detectors import Detector, detector_for
from redflags.engines import DuckDBEngine
from redflags.extract.stored import CREATE, TABLE, stored_texts
from redflags.model import Finding
from redflags.model.records import KIND_TABLES, RecordKind
from redflags.stages.extract import read_back
from redflags.store import Store
from redflags.store.sql import quote_identifier, quote_literal
from redflags.workers import worker_count

LANE_MIN_ROWS = 100_000  # records of the lane's kinds; below it one process is as quick
CONTACTS_FILE = "record_identifiers.parquet"  # the lane's records' free-text contacts

LaneResult = dict[str, tuple[list[Finding], float]]  # indicator -> (findings, wall seconds)
if TYPE_CHECKING:
    from multiprocessing.sharedctypes import SynchronizedArray

    # (front, back): the worker claims indicators[front], this process indicators[back - 1]
    Claims = SynchronizedArray[Any]  # two C ints, read as Python ints

_claims: Claims | None = None  # in the worker: the shared claims, set when it starts


class RecordLane:
    """The per-record indicators of one scan, evaluated in a worker process."""

    def __init__(
        self,
        indicators: list[Indicator],
        pool: Pool,
        pending: AsyncResult[LaneResult],
        claims: Claims,
    ) -> None:
        self.ids = {i.id for i in indicators}
        self._indicators = indicators
        self._pool = pool
        self._pending = pending
        self._claims = claims

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
        files = copy_for_lane(store, kinds, folder)
        context = get_context("spawn")
        indicators = [d.indicator for d in lane]
        claims = context.Array("i", [0, len(indicators)])
        pool = context.Pool(1, initializer=_share_claims, initargs=(claims,))
        pending = pool.apply_async(_evaluate_lane, (files, indicators, options))
        return cls(indicators, pool, pending, claims)

    def steal(self) -> Indicator | None:
        """The lane's last indicator the worker has not started, now this process's to run;
        None when the worker has claimed them all."""
        with self._claims.get_lock():
            front, back = int(self._claims[0]), int(self._claims[1])
            if front >= back:
                return None
            self._claims[1] = back - 1
            return self._indicators[back - 1]

    def results(self) -> LaneResult:
        """The worker's findings by indicator, for those it ran (waits for it; its error is
        raised here)."""
        return self._pending.get()

    def close(self) -> None:
        """End the worker, whether it finished or not (a failed or interrupted scan)."""
        self._pool.terminate()
        self._pool.join()


def copy_for_lane(store: Store, kinds: list[str], folder: Path) -> dict[str, str]:
    """The records of `kinds`, and the extract stage's contacts of their free texts, as
    Parquet files in `folder`: table name -> file."""
    folder.mkdir(parents=True, exist_ok=True)
    con, files = store.connection, {}
    for kind in kinds:
        table = KIND_TABLES[RecordKind(kind)][0]
        path = folder / f"{table}.parquet"
        con.execute(
            f"COPY (SELECT * FROM {quote_identifier(table)}) TO {quote_literal(str(path))} "
            "(FORMAT parquet)"
        )
        files[table] = str(path)
    path = folder / CONTACTS_FILE
    marks = ", ".join("?" for _ in kinds)
    con.execute(
        f"COPY (SELECT * FROM {quote_identifier(TABLE)} WHERE record_kind IN ({marks}) "
        f"AND start IS NOT NULL) TO {quote_literal(str(path))} (FORMAT parquet)",
        kinds,
    )
    files[TABLE] = str(path)
    return files


def _share_claims(claims: Claims) -> None:
    global _claims
    _claims = claims


def _claimed(count: int) -> Iterator[int]:
    """The indicators the worker claims, front first; every one when no claims are shared (a
    call in this process, as the tests make)."""
    if _claims is None:
        yield from range(count)
        return
    while True:
        with _claims.get_lock():
            front, back = int(_claims[0]), int(_claims[1])
            if front >= back:
                return
            _claims[0] = front + 1
        yield front


def _evaluate_lane(
    files: dict[str, str], indicators: list[Indicator], options: dict[str, Any]
) -> LaneResult:
    """In the worker: the records and their texts' contacts into an in-memory store, then the
    indicators it claims, one at a time."""
    found: LaneResult = {}
    with Store.open(None) as store:
        connection = store.connection
        connection.execute(CREATE)
        for table, path in files.items():
            connection.execute(
                f"INSERT INTO {quote_identifier(table)} BY NAME SELECT * FROM read_parquet(?)",
                [path],
            )
        engine = DuckDBEngine(connection)
        with stored_texts(read_back(connection, options["region"])):
            for index in _claimed(len(indicators)):
                indicator = indicators[index]
                start = time.perf_counter()
                detector = detector_for(indicator, options)
                assert detector is not None, indicator.id  # it had one in the scanning process
                findings = list(detector.evaluate(engine))
                found[indicator.id] = (findings, round(time.perf_counter() - start, 3))
    return found
