"""Stage 5, publish: the run folder's outputs — findings.jsonl, cases.json, the exports, one
dossier per case, report.html and run.json — redacted by default; the verdict baseline applied
and saved.

What the outputs quote is read while the store is open (`quote`); the SQL for the quoted texts
lives here (`record_texts`), the names and customer ids in report/names.py."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from redflags import __version__
from redflags.cases.baseline import Baseline
from redflags.detectors.features import settings as feature_settings
from redflags.engines import DuckDBEngine
from redflags.link import LinkResult
from redflags.model import KIND_TABLES, Case, RecordKind
from redflags.report import (
    ReportContext,
    write_cases_json,
    write_dossiers,
    write_exports,
    write_findings_jsonl,
    write_html_report,
)
from redflags.report.detail import CaseDetail, read_case_detail
from redflags.report.json_export import dumps as json_dumps
from redflags.report.names import customer_ids, record_names, records_written
from redflags.stages.context import ScanContext, Workspace
from redflags.stages.evaluate import Evaluated
from redflags.stages.ingest import Ingested
from redflags.stages.score import Scored
from redflags.store.sql import quote_identifier

# written beside report.html by write_exports; the report links them
EXPORTS = ("cases.csv", "findings.csv", "evidence.csv", "entities.ftm.jsonl", "network.gexf")


@dataclass(frozen=True)
class Quotes:
    """What the outputs quote from the store, read before it closes."""

    record_texts: dict[str, dict[str, str]]  # record -> field -> text, for highlights
    names: set[str]  # people's names the records carry: redacted in all text
    customers: set[str]  # the bank's customer ids: redacted in all text
    seconds: float  # reading time, counted in the "report" stage
    # group id -> the store's rows of its case (people, transactions); only with --reveal
    details: dict[str, CaseDetail] = field(default_factory=dict)


@dataclass(frozen=True)
class Found:
    """Everything the stages before publish produced: publish's input."""

    ingested: Ingested
    evaluated: Evaluated
    linked: LinkResult
    scored: Scored
    quotes: Quotes


@dataclass(frozen=True)
class Published:
    run: dict[str, Any]  # the run's metadata, as at the top of run.json and cases.json
    cases: list[Case]  # every case, with the baseline's verdicts applied
    shown: list[Case]  # the cases the outputs show
    statuses: dict[str, dict[str, Any]]  # case id -> status in the baseline
    document: dict[str, Any]  # cases.json as written (run.json quotes its youth queue)
    exported: dict[str, Any]  # rows per export file
    report: Path


class PublishStage:
    def __init__(self, context: ScanContext) -> None:
        self.context = context

    def quote(self, workspace: Workspace, evaluated: Evaluated, scored: Scored) -> Quotes:
        start = time.perf_counter()
        engine = workspace.engine
        texts = record_texts(engine, scored.cases)
        names = record_names(engine, records_written(evaluated.findings, scored.cases))
        customers = customer_ids(engine)
        details = (
            {c.group_id: read_case_detail(engine, c) for c in scored.cases}
            if self.context.options.reveal
            else {}
        )
        return Quotes(texts, names, customers, time.perf_counter() - start, details)

    def run(self, found: Found) -> Published:
        context, options = self.context, self.context.options
        context.progress.stage("write report")
        redactor, run_dir = context.redactor, context.run_dir
        redactor.add_names(found.quotes.names)
        redactor.add_customer_ids(found.quotes.customers)
        run = self._run_metadata(found.scored.model)
        baseline = Baseline.load(options.baseline) if options.baseline else None
        cases = found.scored.cases
        statuses: dict[str, dict[str, Any]] = {}
        shown = cases
        if baseline is not None:
            cases, verdicts = baseline.apply(
                cases, context.keyed.pivot, context.run_id, options.show_all
            )
            statuses = {i: s.as_dict() for i, s in verdicts.items()}
            shown = [c for c in cases if statuses[c.case_id]["shown"]]
        report = ReportContext(
            cases=shown,
            findings=found.evaluated.findings,
            catalogue=context.catalogue,
            run=run,
            ingest=found.ingested.rows,
            record_texts=found.quotes.record_texts,
            redactor=redactor,
            lang=options.lang,
            hubs=found.linked.hubs,
            evaluated=found.evaluated.evaluated,
            statuses=statuses,
            hidden=[s for s in statuses.values() if not s["shown"]],
            dossiers=True,
            youth_queue=found.scored.youth_queue,
            alerts=found.scored.alerts,
            volume=found.scored.volume,
            exports=EXPORTS,
        )
        write_findings_jsonl(run_dir / "findings.jsonl", found.evaluated.findings, redactor)
        document = write_cases_json(run_dir / "cases.json", report)
        details = {
            c.case_id: found.quotes.details[c.group_id]
            for c in shown
            if c.group_id in found.quotes.details
        }
        exported = write_exports(run_dir, report, details)
        write_dossiers(run_dir / "cases", report)
        write_html_report(run_dir / "report.html", report)
        if baseline is not None:
            baseline.save()
        return Published(
            run, list(cases), list(shown), statuses, document, exported, run_dir / "report.html"
        )

    def _run_metadata(self, model: str) -> dict[str, Any]:
        context, options = self.context, self.context.options
        return {
            "run_id": context.run_id,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "redflags_version": __version__,
            "catalogue_version": context.catalogue.version,
            "model": model,
            "inputs": [str(p) for p in context.inputs.paths],
            "region": context.region,
            "settings": {
                "region": context.region,
                **feature_settings({"timezone": options.timezone, "currency": options.currency}),
                "memory_limit": options.memory_limit,
                "file": str(options.settings_file) if options.settings_file else None,
            },
        }

    def write_run_json(self, found: Found, published: Published) -> None:
        """run.json: the run's metadata, what was read and skipped, what ran and how long
        each stage took (written last, so the stages are all in it)."""
        context, options = self.context, self.context.options
        scored = found.scored
        (context.run_dir / "run.json").write_text(
            json_dumps(  # no NaN or infinity: null, never invalid JSON
                {
                    **published.run,
                    "ingest": found.ingested.rows,
                    "skipped": context.inputs.skipped,
                    "quarantine": found.ingested.quarantine,
                    "evaluated": found.evaluated.evaluated,
                    "findings": len(found.evaluated.findings),
                    "cases": len(published.cases),
                    "cases_shown": len(published.shown),
                    "youth_queue": [  # the reasons quote records: redacted like cases.json
                        {
                            "item_id": item["item_id"],
                            "strength": item["strength"],
                            "case_id": item["case_id"],
                            "reasons": item["reasons_en"],
                        }
                        for item in published.document["youth_queue"]
                    ],
                    "alerts": len(scored.alerts),
                    "volume": scored.volume,
                    "baseline": str(options.baseline) if options.baseline else None,
                    "exports": published.exported,
                    "stages": context.meter.stages,
                },
                indent=2,
            ),
            encoding="utf-8",
        )


def record_texts(engine: DuckDBEngine, cases: Sequence[Case]) -> dict[str, dict[str, str]]:
    """The ad and message texts the cases' evidence points into (the report highlights
    them)."""
    wanted = {
        f"{e.kind}:{e.record_id}"
        for c in cases
        for f in c.findings
        for e in f.evidence
        if e.start is not None
    }
    texts: dict[str, dict[str, str]] = {}
    for kind, fields in ((RecordKind.AD, ("title", "body")), (RecordKind.MESSAGE, ("text",))):
        ids = sorted(r.split(":", 1)[1] for r in wanted if r.startswith(kind.value + ":"))
        if not ids:
            continue
        table, id_field = KIND_TABLES[kind]
        columns = ", ".join(quote_identifier(c) for c in (id_field, *fields))
        rows = engine.query(
            f"SELECT {columns} FROM {quote_identifier(table)} "
            f"WHERE {quote_identifier(id_field)} IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        )
        for row in rows:
            texts[f"{kind.value}:{row[id_field]}"] = {f: row[f] for f in fields if row[f]}
    return texts
