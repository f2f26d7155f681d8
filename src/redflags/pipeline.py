"""The only place that chains the stages: ingest -> evaluate -> link -> score -> cases -> report."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from redflags import __version__
from redflags.cases import build_cases
from redflags.catalogue import Catalogue, load_catalogue
from redflags.catalogue.lists import default_list_path, load_allow_list
from redflags.detectors import detector_for
from redflags.engines import DuckDBEngine
from redflags.extract import identifiers_of
from redflags.ingest import IngestReport, discover, ingest_source
from redflags.link import Linker, LinkResult
from redflags.model import Case, Finding, Identifier, RecordKind
from redflags.normalise.identifiers import normalise_address
from redflags.report import Redactor, write_cases_json, write_findings_jsonl, write_html_report
from redflags.score import MODEL_NAME, RiskV1
from redflags.store import Store


class ScanError(Exception):
    """A problem with the scan's input or options, stated in one line."""


class Progress(Protocol):
    def stage(self, name: str, total: int | None = None) -> None: ...
    def advance(self, amount: int = 1) -> None: ...
    def note(self, message: str) -> None: ...


class _Silent:
    def stage(self, name: str, total: int | None = None) -> None:
        pass

    def advance(self, amount: int = 1) -> None:
        pass

    def note(self, message: str) -> None:
        pass


@dataclass(frozen=True)
class ScanOptions:
    out: Path | None = None  # run folder; default: a new folder under ./runs/
    db: Path | None = None  # store file; default: redflags.duckdb in the run folder
    lang: str = "en"
    reveal: bool = False
    allow_list: Path | None = None
    max_pivot_degree: int = 50
    redaction_key: bytes | None = None


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
    seconds: dict[str, float] = field(default_factory=dict)


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def evaluate(
    catalogue: Catalogue,
    engine: DuckDBEngine,
    options: dict[str, Any],
    on_indicator: Callable[[str], None] | None = None,
) -> tuple[list[Finding], list[str]]:
    """Run every indicator that has a detector; return findings and the ids evaluated."""
    findings: list[Finding] = []
    evaluated: list[str] = []
    for indicator in catalogue:
        detector = detector_for(indicator, options)
        if detector is None:
            continue
        findings.extend(detector.evaluate(engine))
        evaluated.append(indicator.id)
        if on_indicator:
            on_indicator(indicator.id)
    return findings, evaluated


def all_identifiers(engine: DuckDBEngine) -> Iterator[Identifier]:
    for kind in (RecordKind.AD, RecordKind.CUSTOMER, RecordKind.MESSAGE, RecordKind.DEVICE_EVENT):
        for record in engine.records(kind):
            yield from identifiers_of(kind.value, record)


def _record_texts(engine: DuckDBEngine, cases: Sequence[Case]) -> dict[str, dict[str, str]]:
    wanted = {
        r
        for c in cases
        for f in c.findings
        for e in f.evidence
        if e.start is not None
        for r in [f"{e.kind}:{e.record_id}"]
    }
    texts: dict[str, dict[str, str]] = {}
    for kind, id_field, fields in (
        ("ad", "ad_id", ("title", "body")),
        ("message", "message_id", ("text",)),
    ):
        ids = sorted(r.split(":", 1)[1] for r in wanted if r.startswith(kind + ":"))
        if not ids:
            continue
        table = "ads" if kind == "ad" else "messages"
        rows = engine.query(
            f"SELECT {id_field}, {', '.join(fields)} FROM {table} "
            f"WHERE {id_field} IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        )
        for row in rows:
            texts[f"{kind}:{row[id_field]}"] = {f: row[f] for f in fields if row[f]}
    return texts


@contextmanager
def _timed(seconds: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    yield
    seconds[name] = round(time.perf_counter() - start, 3)


def run_scan(
    paths: Sequence[Path], options: ScanOptions | None = None, progress: Progress | None = None
) -> ScanResult:
    options = options or ScanOptions()
    progress = progress or _Silent()
    run_id = new_run_id()
    run_dir = options.out or Path("runs") / run_id
    run_dir.mkdir(parents=True, exist_ok=True)
    seconds: dict[str, float] = {}

    discovery = discover(list(paths))
    skipped = [f"{s.path}: {s.reason}" for s in discovery.skipped]
    if not discovery:
        raise ScanError(f"no input files found in {', '.join(str(p) for p in paths)}")
    catalogue = load_catalogue()
    allow_list_path = options.allow_list or default_list_path("address_allow_list")
    allowed = {
        f"address:{a}"
        for e in load_allow_list(allow_list_path).entries
        if (a := normalise_address(e.address))
    }

    with Store.open(options.db or run_dir / "redflags.duckdb") as store:
        reports: list[IngestReport] = []
        with _timed(seconds, "ingest"):
            for spec in discovery:
                progress.stage(f"ingest {spec.name} ({spec.kind.value})")
                reports.extend(ingest_source(store, spec, progress.advance))
        for report in reports:
            progress.note(report.summary())

        engine = DuckDBEngine(store.connection)
        with _timed(seconds, "evaluate"):
            progress.stage("evaluate indicators", total=sum(1 for i in catalogue if not i.planned))
            findings, evaluated = evaluate(
                catalogue,
                engine,
                {"allow_list_path": allow_list_path},
                lambda _: progress.advance(),
            )
        with _timed(seconds, "link"):
            progress.stage("link records")
            linked = Linker(options.max_pivot_degree, allowed).link(
                all_identifiers(engine), findings
            )
        with _timed(seconds, "score"):
            model = RiskV1(catalogue)
            cases = build_cases((group, model.score(group.findings)) for group in linked.groups)
        record_texts = _record_texts(engine, cases)

    with _timed(seconds, "report"):
        progress.stage("write report")
        redactor = Redactor(options.redaction_key, reveal=options.reveal)
        run = {
            "run_id": run_id,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "redflags_version": __version__,
            "catalogue_version": catalogue.version,
            "model": MODEL_NAME,
            "inputs": [str(p) for p in paths],
        }
        write_findings_jsonl(run_dir / "findings.jsonl", findings, redactor)
        write_cases_json(run_dir / "cases.json", cases, redactor, run)
        ingest_rows = [
            {
                "source": r.source,
                "file": Path(r.file).name if r.file else r.source,
                "kind": r.kind.value,
                "read": r.read,
                "stored": r.stored,
                "stored_new": r.stored_new,
                "quarantined": r.quarantined,
                "skipped_file": r.skipped_file,
            }
            for r in reports
        ]
        report_path = run_dir / "report.html"
        write_html_report(
            report_path,
            cases,
            findings,
            catalogue,
            run,
            ingest_rows,
            record_texts,
            redactor,
            options.lang,
            linked.hubs,
            evaluated,
        )
        (run_dir / "run.json").write_text(
            json.dumps(
                {
                    **run,
                    "ingest": ingest_rows,
                    "skipped": skipped,
                    "evaluated": evaluated,
                    "findings": len(findings),
                    "cases": len(cases),
                    "seconds": seconds,
                },
                indent=2,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    return ScanResult(
        run_id=run_id,
        run_dir=run_dir,
        ingest=reports,
        skipped=skipped,
        findings=findings,
        cases=cases,
        link=linked,
        report=report_path,
        seconds=seconds,
    )
