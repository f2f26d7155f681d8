"""Stage 1, ingest: every input file read into the store, bad rows quarantined with a reason."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from redflags.ingest import IngestError, IngestReport, ingest_source, raise_problems
from redflags.intake import ingest_summary, quarantine_summary
from redflags.stages.context import ScanContext
from redflags.store import Store


@dataclass(frozen=True)
class Ingested:
    reports: list[IngestReport]  # one per file read
    quarantine: list[dict[str, Any]]  # quarantine_summary(): reasons grouped per file
    rows: list[dict[str, Any]]  # one per file, named as the user sees it (run.json, report)


class IngestStage:
    """Reads the inputs the context found into `store`; every broken file is said at the end,
    not only the first."""

    def __init__(self, context: ScanContext) -> None:
        self.context = context

    def run(self, store: Store) -> Ingested:
        progress, labels = self.context.progress, self.context.inputs.labels
        reports: list[IngestReport] = []
        problems: list[IngestError] = []
        for spec in self.context.inputs.discovery:
            progress.stage(f"ingest {spec.name} ({spec.kind.value})")
            reports.extend(ingest_source(store, spec, progress.advance, problems))
        raise_problems(problems)
        for report in reports:
            progress.note(ingest_summary(report, labels))
            if note := report.categories_note():
                progress.note(note)
        return Ingested(reports, quarantine_summary(store, reports, labels), _rows(reports, labels))


def _rows(reports: list[IngestReport], labels: dict[str, str]) -> list[dict[str, Any]]:
    return [
        {
            "source": r.source,
            "file": labels.get(r.file, r.file) if r.file else r.source,
            "kind": r.kind.value,
            "read": r.read,
            "stored": r.stored,
            "stored_new": r.stored_new,
            "updated": r.updated,
            "quarantined": r.quarantined,
            "skipped_file": r.skipped_file,
        }
        for r in reports
    ]
