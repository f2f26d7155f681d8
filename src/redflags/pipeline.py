"""The entry points of a scan and of an evaluation: `run_scan` (stages/run.py orders the
stages: ingest -> evaluate -> link -> score -> publish) and `run_evaluation` /
`run_blind_evaluation`, a scan of a world measured against its truth.

The scan's names are re-exported here, so `redflags.pipeline` stays the one import for callers
(cli.py, api.py, tests, bench)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from redflags.catalogue import load_catalogue
from redflags.evaluation import indicator_metrics, load_truth, network_metrics
from redflags.evaluation.blind_truth import load_blind_truth
from redflags.evaluation.blind_truth import resolve as resolve_blind
from redflags.evaluation.lexicon_rates import lexicon_counts, lexicon_table, record_venues
from redflags.evaluation.metrics import queue_metrics
from redflags.evaluation.report import SCHEMA_VERSION as EVALUATION_SCHEMA_VERSION
from redflags.evaluation.report import render_markdown
from redflags.report.json_export import dumps as json_dumps
from redflags.runfolder import scratch_folder
from redflags.stages.context import (
    Progress,
    ScanContext,
    ScanError,
    ScanOptions,
    Workspace,
    new_run_id,
    run_region,
)
from redflags.stages.evaluate import evaluate
from redflags.stages.link import all_identifiers, payment_ends, payment_pairs
from redflags.stages.meter import StageMeter
from redflags.stages.run import ScanResult, run_scan
from redflags.stages.score import record_facts
from redflags.store import Store

__all__ = [
    "EvaluationResult",
    "Progress",
    "ScanContext",
    "ScanError",
    "ScanOptions",
    "ScanResult",
    "Store",
    "Workspace",
    "all_identifiers",
    "evaluate",
    "new_run_id",
    "payment_ends",
    "payment_pairs",
    "record_facts",
    "run_blind_evaluation",
    "run_evaluation",
    "run_region",
    "run_scan",
]


@dataclass
class EvaluationResult:
    scan: ScanResult
    metrics: dict[str, Any]
    metrics_path: Path
    markdown_path: Path


def run_evaluation(
    world: Path, options: ScanOptions | None = None, progress: Progress | None = None
) -> EvaluationResult:
    """Scan a synthetic world and measure the result against its truth/ folder."""
    meter = StageMeter()
    with meter.measure("truth"):
        truth = load_truth(world)
    scan = run_scan([world], options, progress)
    with meter.measure("metrics"):
        evaluated = [i for i in load_catalogue() if not i.planned]
        indicators = indicator_metrics(scan.findings, truth.expected, [i.id for i in evaluated])
        buyers = {
            f"customer:{e['entity_id']}"
            for e in truth.entities
            if e.get("role") == "customer" and e.get("entity_kind") == "customer"
        }
        networks = network_metrics(scan.cases, truth.networks, truth.network_records(), buyers)
        positive_records = {
            r for r, n in truth.records.items() if n is not None and truth.networks[n]["positive"]
        }
        lexicon = lexicon_table(
            lexicon_counts(scan.findings, evaluated, positive_records, record_venues(world)),
            {i.id: i for i in evaluated},
        )
        entities = max(scan.link.pivot_count, 1)
        metrics: dict[str, Any] = {
            "schema_version": EVALUATION_SCHEMA_VERSION,
            "run_id": scan.run_id,
            "world": truth.world,
            "indicators": indicators,
            "indicators_without_detector": {
                i: len(records)
                for i, records in sorted(truth.expected.items())
                if i not in indicators
            },
            "networks": networks,
            "lexicon": lexicon,
            "entities": scan.link.pivot_count,
            "cases_per_10k": round(len(scan.cases) * 10_000 / entities, 3),
            "volume": scan.volume,
            "youth_queue": queue_metrics(
                scan.youth_queue, truth.records, truth.networks, "item_id"
            ),
            "alerts": queue_metrics(scan.alerts, truth.records, truth.networks, "alert_id"),
            "hard_negative_cases": networks["hard_negative_cases"],
        }
    return _written(scan, metrics, meter)


def _written(scan: ScanResult, metrics: dict[str, Any], meter: StageMeter) -> EvaluationResult:
    metrics["stages"] = {**scan.stages, **meter.stages}
    metrics_path = scan.run_dir / "metrics.json"
    metrics_path.write_text(json_dumps(metrics, indent=2), encoding="utf-8")
    markdown_path = scan.run_dir / "metrics.md"
    markdown_path.write_text(render_markdown(metrics), encoding="utf-8")
    if scan.folder is not None:
        scan.folder.record()  # the marker lists the metrics too
    return EvaluationResult(
        scan=scan, metrics=metrics, metrics_path=metrics_path, markdown_path=markdown_path
    )


def run_blind_evaluation(
    world: Path,
    descriptors: Path,
    options: ScanOptions | None = None,
    progress: Progress | None = None,
) -> EvaluationResult:
    """Scan a blind world (its own files, read through our descriptors) and measure the cases
    against its truth.yaml (evaluation/blind_truth.py). The world's folder is never written:
    its files and the descriptors are copied into a scratch folder and scanned there."""
    options = options or ScanOptions()
    meter = StageMeter()
    with meter.measure("truth"):
        meta, networks = load_blind_truth(world)
    with scratch_folder() as scratch:
        data = scratch / "data"
        shutil.copytree(world, data, ignore=shutil.ignore_patterns("truth.yaml", "*.py", "*.md"))
        for descriptor in sorted(descriptors.glob("*.source.y*ml")):
            target = data / descriptor.relative_to(descriptors)
            shutil.copyfile(descriptor, target)
        db = scratch / "store.duckdb"
        scan = run_scan([data], replace(options, db=db), progress)
        with meter.measure("metrics"), Store.open(db, read_only=True) as store:
            resolved = resolve_blind(meta, networks, store, data)
    truth = resolved.truth
    with meter.measure("metrics"):
        result = network_metrics(scan.cases, truth.networks, truth.network_records())
        metrics: dict[str, Any] = {
            "schema_version": EVALUATION_SCHEMA_VERSION,
            "run_id": scan.run_id,
            "world": truth.world,
            "blind": True,
            "indicators": {},
            "networks": result,
            "unresolved_members": resolved.unresolved,
            "entities": scan.link.pivot_count,
            "cases_per_10k": round(len(scan.cases) * 10_000 / max(scan.link.pivot_count, 1), 3),
            "volume": scan.volume,
            "youth_queue": queue_metrics(
                scan.youth_queue, truth.records, truth.networks, "item_id"
            ),
            "alerts": queue_metrics(scan.alerts, truth.records, truth.networks, "alert_id"),
            "hard_negative_cases": result["hard_negative_cases"],
            "cases": [
                {
                    "case_id": c.case_id,
                    "score": round(c.score.total, 2),
                    "forced_review": c.score.forced_review,
                    "indicators": list(c.indicator_ids),
                    "networks": sorted(
                        {n for r in c.records if (n := truth.records.get(r)) is not None}
                    ),
                }
                for c in scan.cases
            ],
        }
    return _written(scan, metrics, meter)
