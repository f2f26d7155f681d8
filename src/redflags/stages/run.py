"""`run_scan`: the table of contents of a scan. Each stage is one object with one job (see
docs/architecture.md, "A scan, stage by stage"); this module only orders them, measures them
and opens what they share (the run folder, the scratch folder, the store)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from redflags.engines import DuckDBEngine
from redflags.extract.stored import stored_texts
from redflags.ingest import IngestReport
from redflags.link import LinkResult
from redflags.model import Case, Finding
from redflags.model.cases import Alert, YouthItem
from redflags.runfolder import RunFolder, scratch_folder
from redflags.stages.context import (
    Progress,
    ScanContext,
    ScanOptions,
    Silent,
    Workspace,
    clear_text_caches,
)
from redflags.stages.evaluate import EvaluateStage
from redflags.stages.extract import ExtractStage, read_back
from redflags.stages.incremental import Incremental
from redflags.stages.ingest import IngestStage
from redflags.stages.link import LinkStage
from redflags.stages.publish import Found, Published, PublishStage
from redflags.stages.score import ScoreStage
from redflags.store import Store


@dataclass
class ScanResult:
    run_id: str
    run_dir: Path
    ingest: list[IngestReport]
    skipped: list[str]
    findings: list[Finding]
    cases: list[Case]
    link: LinkResult
    report: Path
    stages: dict[str, dict[str, float]] = field(default_factory=dict)
    shown: list[Case] = field(default_factory=list)  # the cases the report shows (baseline)
    statuses: dict[str, dict[str, Any]] = field(default_factory=dict)  # case id -> status
    labels: dict[str, str] = field(default_factory=dict)  # ingested file -> name to show
    quarantine: list[dict[str, Any]] = field(default_factory=list)  # quarantine_summary()
    folder: RunFolder | None = None  # the claimed run folder; record() after writing more
    alerts: list[Alert] = field(default_factory=list)  # ranked moderation items (A-…)
    youth_queue: list[YouthItem] = field(default_factory=list)  # forced youth review (Y-…)
    volume: dict[str, Any] = field(default_factory=dict)  # rates per 1,000 and the budget
    indicator_seconds: dict[str, float] = field(default_factory=dict)  # evaluate, per indicator
    # what the outputs quote (in clear): for publishing into the service's case store
    names: set[str] = field(default_factory=set)  # people's names the records carry
    record_texts: dict[str, dict[str, str]] = field(default_factory=dict)  # record -> field -> text


def run_scan(
    paths: Sequence[Path], options: ScanOptions | None = None, progress: Progress | None = None
) -> ScanResult:
    context = ScanContext.prepare(paths, options or ScanOptions(), progress or Silent())
    options, meter = context.options, context.meter
    score, publish = ScoreStage(context), PublishStage(context)
    with (
        RunFolder.claim(context.run_dir, context.run_id, options.kept_paths()) as folder,
        scratch_folder() as scratch,
    ):
        # without --db the raw records live in a private temporary store, never in the run folder
        with Store.open(options.db or scratch / "store.duckdb") as store:
            if options.memory_limit:
                store.limit_memory(options.memory_limit)
            workspace = Workspace(store, DuckDBEngine(store.connection), scratch)
            # --incremental: only the records this ingest touches are read again where that is
            # safe (stages/incremental.py); the result is a full scan's
            incremental = Incremental.begin(context, store) if options.incremental else None
            with meter.measure("ingest"):
                ingested = IngestStage(context).run(store)
                if incremental:
                    incremental.ingested()
            with meter.measure("extract"):
                ExtractStage(context).run(workspace, incremental.extract if incremental else None)
                kept = read_back(store.connection, context.region)
            # evaluate and link take each text's contacts from the extract stage's table
            with stored_texts(kept):
                with meter.measure("evaluate"):
                    evaluated = EvaluateStage(context).run(
                        workspace, incremental.run_detector if incremental else None
                    )
                with meter.measure("link"):
                    linked = LinkStage(context).run(
                        workspace, evaluated, incremental.identifiers if incremental else None
                    )
            del kept
            if incremental:
                incremental.finish()
            with meter.measure("score"):
                rated = score.rate(linked)
            with meter.measure("cases"):
                scored = score.cases(workspace, rated)
            quotes = publish.quote(workspace, evaluated, scored)  # while the store is open
        found = Found(ingested, evaluated, linked, scored, quotes)
        with meter.measure("report"):
            published = publish.run(found)
            if incremental:
                incremental.keep_report_answers()
        clear_text_caches()  # the run's texts are not read again
        meter.add("report", quotes.seconds)
        publish.write_run_json(found, published)
        return _result(context, found, published, folder)


def _result(
    context: ScanContext, found: Found, published: Published, folder: RunFolder
) -> ScanResult:
    return ScanResult(
        run_id=context.run_id,
        run_dir=context.run_dir,
        ingest=found.ingested.reports,
        skipped=context.inputs.skipped,
        findings=found.evaluated.findings,
        cases=published.cases,
        link=found.linked,
        report=published.report,
        stages=context.meter.stages,
        shown=published.shown,
        statuses=published.statuses,
        labels=context.inputs.labels,
        quarantine=found.ingested.quarantine,
        folder=folder,
        alerts=found.scored.alerts,
        youth_queue=found.scored.youth_queue,
        volume=found.scored.volume,
        indicator_seconds=found.evaluated.seconds,
        names=set(found.quotes.names),
        record_texts=found.quotes.record_texts,
    )
