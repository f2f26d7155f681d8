"""Stage 2, evaluate: every catalogue indicator with a detector, run over the store -> findings."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from redflags.catalogue import Catalogue
from redflags.detectors import Detector, FindingsReader, detector_for
from redflags.detectors.ad_contacts import contact_ads_kept
from redflags.engines import Engine
from redflags.model import Finding
from redflags.stages.aggregates_ahead import aggregates_ahead
from redflags.stages.context import ScanContext, ScanError, Workspace
from redflags.stages.lanes import RecordLane

# how one (non-reader) detector's findings are had: evaluated on the engine, unless an
# incremental scan (stages/incremental.py) keeps some of them
RunDetector = Callable[[Detector, Engine], Iterable[Finding]]


@dataclass(frozen=True)
class Evaluated:
    findings: list[Finding]
    evaluated: list[str]  # the indicators that ran, readers last
    seconds: dict[str, float] = field(default_factory=dict)  # wall time per indicator


class EvaluateStage:
    """Runs the catalogue on the store's engine (or on Spark for the aggregate indicators)."""

    def __init__(self, context: ScanContext) -> None:
        self.context = context

    def run(self, workspace: Workspace, run_detector: RunDetector | None = None) -> Evaluated:
        context, progress = self.context, self.context.progress
        seconds: dict[str, float] = {}
        with (
            workspace.store.memory_guard("evaluating the indicators"),
            contact_ads_kept(),  # the contact-keyed ad detectors group the ads once
        ):
            engine = self._aggregate_engine(workspace)
            options = {
                "allow_list_path": context.allow_list_path,
                "timezone": context.options.timezone,
                "currency": context.options.currency,
                "region": context.region,  # every detector that reads phones
            }
            # an incremental scan runs the per-record indicators on its delta instead
            lane = None if run_detector else self._record_lane(workspace, options)
            progress.stage(
                "evaluate indicators", total=sum(1 for i in context.catalogue if not i.planned)
            )
            try:
                findings, evaluated = evaluate(
                    context.catalogue,
                    engine,
                    options,
                    lambda _: progress.advance(),
                    seconds,
                    run_detector,
                    lane,
                )
            finally:
                if lane is not None:
                    lane.close()
        return Evaluated(findings, evaluated, seconds)

    def _record_lane(self, workspace: Workspace, options: dict[str, Any]) -> RecordLane | None:
        """The per-record indicators in a second process (stages/lanes.py), on big scans."""
        detectors = [
            d
            for indicator in self.context.catalogue
            if (d := detector_for(indicator, options)) is not None
        ]
        return RecordLane.start(detectors, workspace.store, workspace.scratch / "lane", options)

    def _aggregate_engine(self, workspace: Workspace) -> Engine:
        """The store's own engine, or Spark over Parquet copies of it (per-record detectors
        still read the store in this process; see engines/spark_engine.py). The copies hold raw
        records, so they go to the scan's private scratch folder, never to the run folder."""
        options = self.context.options
        if options.engine == "duckdb":
            return workspace.engine
        if options.engine != "spark":
            raise ScanError(f"unknown engine {options.engine!r}: use duckdb or spark")
        from redflags.engines.spark_engine import SparkEngine, SparkUnavailable

        self.context.progress.stage(f"start Spark ({options.spark_master}) and hand it the records")
        try:
            return SparkEngine(
                workspace.store.connection, workspace.scratch / "spark", master=options.spark_master
            )
        except SparkUnavailable as exc:
            raise ScanError(str(exc)) from None


def evaluate(
    catalogue: Catalogue,
    engine: Engine,
    options: dict[str, Any],
    on_indicator: Callable[[str], None] | None = None,
    seconds: dict[str, float] | None = None,
    run_detector: RunDetector | None = None,
    lane: RecordLane | None = None,
) -> tuple[list[Finding], list[str]]:
    """Run every indicator that has a detector; return findings and the ids evaluated.

    Detectors that read findings (modifiers defined on top of other indicators) run last, each
    on the findings of all the others; their own findings are not handed on. With `seconds`,
    each indicator's wall time is written into it (ScanResult.indicator_seconds). With a
    `lane`, its indicators' findings come from there, in their place in the catalogue."""
    found: dict[str, list[Finding]] = {}
    evaluated: list[str] = []
    readers: list[FindingsReader] = []
    timings = seconds if seconds is not None else {}
    detectors = [(indicator, detector_for(indicator, options)) for indicator in catalogue]
    # on Spark, the aggregate definitions from several threads (an incremental scan keeps its
    # own per-detector choice, so it runs them one at a time)
    present = [d for _, d in detectors if d]
    ahead = {} if run_detector else aggregates_ahead(present, engine, timings)
    for indicator, detector in detectors:
        start = time.perf_counter()
        if detector is None:
            continue
        if isinstance(detector, FindingsReader):
            readers.append(detector)
            continue
        evaluated.append(indicator.id)
        if lane is not None and indicator.id in lane.ids:
            continue
        if indicator.id in ahead:
            found[indicator.id] = ahead[indicator.id]
        else:
            run = run_detector(detector, engine) if run_detector else detector.evaluate(engine)
            found[indicator.id] = list(run)
            timings[indicator.id] = round(time.perf_counter() - start, 3)
        if on_indicator:
            on_indicator(indicator.id)
    if lane is not None:
        # this process's own are done: it runs the lane's last ones the worker has not begun
        by_id = {i.id: d for i, d in detectors if d is not None}
        while (stolen := lane.steal()) is not None:
            start = time.perf_counter()
            found[stolen.id] = list(by_id[stolen.id].evaluate(engine))
            timings[stolen.id] = round(time.perf_counter() - start, 3)
            if on_indicator:
                on_indicator(stolen.id)
    for indicator_id, (lane_findings, lane_seconds) in (lane.results() if lane else {}).items():
        found[indicator_id] = lane_findings
        timings[indicator_id] = lane_seconds
        if on_indicator:
            on_indicator(indicator_id)
    findings = [finding for indicator_id in evaluated for finding in found[indicator_id]]
    prior = tuple(findings)
    for reader in readers:
        start = time.perf_counter()
        findings.extend(reader.evaluate_after(engine, prior))
        timings[reader.indicator.id] = round(time.perf_counter() - start, 3)
        evaluated.append(reader.indicator.id)
        if on_indicator:
            on_indicator(reader.indicator.id)
    return findings, evaluated
