"""The evaluate stage's aggregate definitions from several driver threads (on an engine that
says it can, as Spark does) give exactly the findings, order and timings of one at a time."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pyarrow as pa

from redflags.catalogue import load_catalogue
from redflags.detectors import detector_for
from redflags.detectors.aggregate import AggregateDetector
from redflags.engines import DuckDBEngine
from redflags.ingest import ingest_records
from redflags.model import KIND_TABLES, RecordKind
from redflags.pipeline import evaluate
from redflags.store import Store

CATALOGUE = load_catalogue()
TABLE_KINDS = {table: kind for kind, (table, _) in KIND_TABLES.items()}


class ThreadedEngine:
    """DuckDB behind a lock (its connection serves one thread at a time), declaring two
    concurrent statements like the Spark engine; it notes which threads asked."""

    name = "threaded"
    concurrent_statements = 2

    def __init__(self, engine: DuckDBEngine) -> None:
        self.engine = engine
        self.lock = threading.Lock()
        self.threads: set[str] = set()

    def sql(self, definition: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        with self.lock:
            self.threads.add(threading.current_thread().name)
            return self.engine.sql(definition, params)

    def materialise(
        self, table: str, definition: str, params: Mapping[str, Any] | None = None
    ) -> None:
        with self.lock:
            self.engine.materialise(table, definition, params)

    def register(self, table: str, data: pa.Table) -> None:
        with self.lock:
            self.engine.register(table, data)

    def has(self, table: str) -> bool:
        return self.engine.has(table)

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:
        with self.lock:
            return self.engine.query(sql, params)

    def records(
        self, kind: RecordKind, columns: Sequence[str] | None = None, where: str | None = None
    ) -> Iterator[dict[str, Any]]:
        with self.lock:
            rows = list(self.engine.records(kind, columns, where))
        return iter(rows)


def _examples_store(store: Store) -> None:
    """Every aggregate indicator's catalogue examples, each under a source of its own."""
    for indicator in CATALOGUE:
        if isinstance(detector_for(indicator), AggregateDetector):
            for index, example in enumerate(CATALOGUE.examples.get(indicator.id, ())):
                for table, rows in example.records.items():
                    source = f"example:{indicator.id}:{index}"
                    ingest_records(store, TABLE_KINDS[table], rows, source=source)


def test_threads_give_the_findings_of_one_at_a_time() -> None:
    with Store.open(None) as one, Store.open(None) as other:
        _examples_store(one)
        _examples_store(other)
        seconds_one: dict[str, float] = {}
        serial = evaluate(CATALOGUE, DuckDBEngine(one.connection), {}, seconds=seconds_one)
        threaded = ThreadedEngine(DuckDBEngine(other.connection))
        seconds_threaded: dict[str, float] = {}
        ahead = evaluate(CATALOGUE, threaded, {}, seconds=seconds_threaded)
    findings, evaluated = serial
    assert sum(f.indicator_id.startswith("FIN-") for f in findings) >= 10, "aggregates fired"
    assert [f.model_dump() for f in ahead[0]] == [f.model_dump() for f in findings]
    assert ahead[1] == evaluated
    assert set(seconds_threaded) == set(seconds_one)
    assert any(t.startswith("aggregate") for t in threaded.threads), "from the threads"
