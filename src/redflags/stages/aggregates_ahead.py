"""The aggregate indicators' findings, computed ahead from a few driver threads at once.

On Spark a definition's cost over small or medium data is mostly the driver's work (parsing,
optimising, planning) and a few short stages; from one thread the executors idle while the
driver plans. Spark schedules jobs from several threads, so an engine that says it can
(`concurrent_statements` above 1, engines/spark_engine.py) gets its aggregate definitions run
from that many threads. The findings come back keyed by indicator and the evaluate stage takes
them in the catalogue's order, so they are identical to one-at-a-time.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from redflags.detectors import Detector
from redflags.detectors.aggregate import AggregateDetector
from redflags.engines import Engine
from redflags.model import Finding


def aggregates_ahead(
    detectors: Sequence[Detector], engine: Engine, seconds: dict[str, float]
) -> dict[str, list[Finding]]:
    """Findings of every aggregate detector in `detectors` by indicator id, or nothing on an
    engine that runs one statement at a time. Each indicator's wall time goes into `seconds`."""
    workers = int(getattr(engine, "concurrent_statements", 1))
    aggregates = [d for d in detectors if isinstance(d, AggregateDetector)]
    if workers < 2 or len(aggregates) < 2:
        return {}
    for detector in aggregates:  # the shared tables, built once before any thread reads them
        detector.feature_tables(engine)

    def run(detector: AggregateDetector) -> list[Finding]:
        start = time.perf_counter()
        found = list(detector.evaluate(engine))
        seconds[detector.indicator.id] = round(time.perf_counter() - start, 3)
        return found

    with ThreadPoolExecutor(workers, thread_name_prefix="aggregate") as pool:
        found = list(pool.map(run, aggregates))
    return {d.indicator.id: f for d, f in zip(aggregates, found, strict=True)}
