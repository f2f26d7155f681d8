"""The only place that chains the stages: ingest -> evaluate -> link -> score -> cases -> report."""

from __future__ import annotations

import os
import secrets
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import chain
from pathlib import Path
from typing import Any, Protocol

import phonenumbers

from redflags import __version__
from redflags.cases import build_cases
from redflags.cases.baseline import Baseline
from redflags.cases.build import RecordFact
from redflags.cases.queues import QueueSettings, build_alerts, build_youth_queue, volume
from redflags.catalogue import Catalogue, load_catalogue
from redflags.catalogue.lists import default_list_path, load_allow_list
from redflags.detectors import FindingsReader, detector_for
from redflags.detectors.ad_contacts import contact_ads_kept
from redflags.detectors.features import settings as feature_settings
from redflags.detectors.lexicon_matcher import clear_prepared_texts
from redflags.engines import DuckDBEngine, Engine
from redflags.evaluation import indicator_metrics, load_truth, network_metrics
from redflags.evaluation.blind_truth import load_blind_truth
from redflags.evaluation.blind_truth import resolve as resolve_blind
from redflags.evaluation.lexicon_rates import lexicon_counts, lexicon_table, record_venues
from redflags.evaluation.metrics import queue_metrics
from redflags.evaluation.report import SCHEMA_VERSION as EVALUATION_SCHEMA_VERSION
from redflags.evaluation.report import render_markdown
from redflags.extract import IDENTITY_KINDS, identifiers_of
from redflags.ingest import IngestError, IngestReport, discover, ingest_source, raise_problems
from redflags.intake import file_labels, ingest_summary, quarantine_summary
from redflags.link import IdentifierIndex, Linker, LinkResult, PaymentPair
from redflags.link.money import with_money_pivots
from redflags.model import Case, Finding, Identifier, RecordKind
from redflags.model.cases import Alert, YouthItem
from redflags.model.records import KIND_TABLES
from redflags.normalise.contacts import clear_contact_cache
from redflags.normalise.identifiers import normalise_address
from redflags.normalise.phones import DEFAULT_REGION
from redflags.report import (
    Redactor,
    ReportContext,
    write_cases_json,
    write_dossiers,
    write_exports,
    write_findings_jsonl,
    write_html_report,
)
from redflags.report.json_export import dumps as json_dumps
from redflags.report.names import customer_ids, record_names, records_written
from redflags.report.redact import RedactionKeyError
from redflags.resolve import resolve_people
from redflags.runfolder import RunFolder, scratch_folder
from redflags.score import model_for
from redflags.settings import DEFAULT_MODEL
from redflags.stages import StageMeter
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
    db: Path | None = None  # store file to keep; default: a temporary one, deleted at the end
    lang: str = "en"
    reveal: bool = False
    allow_list: Path | None = None
    max_pivot_degree: int = 50
    redaction_key: bytes | None = None
    engine: str = "duckdb"  # or "spark": the aggregate indicators run there
    spark_master: str = "local[2]"
    timezone: str | None = None  # the institution's zone and currency; Danish by default
    currency: str | None = None
    baseline: Path | None = None  # verdict baseline (cases/baseline.py); None: every case is new
    show_all: bool = False  # with a baseline: show unchanged and dismissed cases too
    memory_limit: str | None = None  # DuckDB's cap (e.g. "3GB"); above it, it spills to disk
    queues: QueueSettings = field(default_factory=QueueSettings)  # alert line and budget
    model: str = DEFAULT_MODEL  # the risk model (score/: risk-v1, risk-v2)
    money_links: bool = True  # a payment a finding is about joins its ends (link/money.py)
    # the country of phone numbers written without a country code (ISO 3166 alpha-2); every
    # extractor, masker and linker of the run reads phones in it. None: Denmark
    region: str | None = None
    settings_file: Path | None = None  # the settings file the options came from, if any


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


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def _aggregate_engine(
    options: ScanOptions, local: DuckDBEngine, store: Store, scratch: Path, progress: Progress
) -> Engine:
    """The store's own engine, or Spark over Parquet copies of it (per-record detectors still
    read the store in this process; see engines/spark_engine.py). The copies hold raw records,
    so they go to the scan's private scratch folder, never to the run folder."""
    if options.engine == "duckdb":
        return local
    if options.engine != "spark":
        raise ScanError(f"unknown engine {options.engine!r}: use duckdb or spark")
    from redflags.engines.spark_engine import SparkEngine, SparkUnavailable

    progress.stage(f"start Spark ({options.spark_master}) and hand it the records")
    try:
        return SparkEngine(store.connection, scratch / "spark", master=options.spark_master)
    except SparkUnavailable as exc:
        raise ScanError(str(exc)) from None


def evaluate(
    catalogue: Catalogue,
    engine: Engine,
    options: dict[str, Any],
    on_indicator: Callable[[str], None] | None = None,
    seconds: dict[str, float] | None = None,
) -> tuple[list[Finding], list[str]]:
    """Run every indicator that has a detector; return findings and the ids evaluated.

    Detectors that read findings (modifiers defined on top of other indicators) run last, each
    on the findings of all the others; their own findings are not handed on. With `seconds`,
    each indicator's wall time is written into it (ScanResult.indicator_seconds)."""
    findings: list[Finding] = []
    evaluated: list[str] = []
    readers: list[FindingsReader] = []
    timings = seconds if seconds is not None else {}
    for indicator in catalogue:
        start = time.perf_counter()
        detector = detector_for(indicator, options)
        if detector is None:
            continue
        if isinstance(detector, FindingsReader):
            readers.append(detector)
            continue
        findings.extend(detector.evaluate(engine))
        timings[indicator.id] = round(time.perf_counter() - start, 3)
        evaluated.append(indicator.id)
        if on_indicator:
            on_indicator(indicator.id)
    prior = tuple(findings)
    for reader in readers:
        start = time.perf_counter()
        findings.extend(reader.evaluate_after(engine, prior))
        timings[reader.indicator.id] = round(time.perf_counter() - start, 3)
        evaluated.append(reader.indicator.id)
        if on_indicator:
            on_indicator(reader.indicator.id)
    return findings, evaluated


def run_region(options: ScanOptions) -> str:
    """The run's phone region, checked: one line when it is not a region phonenumbers knows."""
    region = (options.region or DEFAULT_REGION).strip().upper()
    if region not in phonenumbers.SUPPORTED_REGIONS:
        raise ScanError(
            f"region {options.region!r} is not a phone region (ISO 3166 alpha-2, e.g. DK, US)"
        )
    return region


def all_identifiers(engine: DuckDBEngine, region: str = DEFAULT_REGION) -> Iterator[Identifier]:
    """Every identifier in the store, phones read in the run's `region`; transactions are not
    read (payments are edges)."""
    for kind in IDENTITY_KINDS:
        for record in engine.records(RecordKind(kind)):
            yield from identifiers_of(kind, record, region)


def payment_ends(engine: DuckDBEngine, txn_ids: list[str]) -> dict[str, tuple[str, str]]:
    """The payer and payee of each of these transactions (money links, link/money.py)."""
    rows = engine.query(
        "SELECT txn_id, payer, payee FROM transactions "
        "WHERE txn_id IN (SELECT unnest(?::VARCHAR[]))",
        [txn_ids],
    )
    return {str(r["txn_id"]): (str(r["payer"]), str(r["payee"])) for r in rows}


def payment_pairs(engine: DuckDBEngine, accounts: set[str] | None = None) -> list[PaymentPair]:
    """Payments aggregated per ordered (payer, payee) pair in one DuckDB statement; with
    `accounts`, only pairs that touch one of them."""
    touching = ""
    params: list[Any] = []
    if accounts is not None:
        touching = (
            " AND (payer IN (SELECT unnest(?::VARCHAR[]))"
            " OR payee IN (SELECT unnest(?::VARCHAR[])))"
        )
        params = [sorted(accounts), sorted(accounts)]
    rows = engine.query(
        "SELECT payer, payee, count(*) AS n, round(sum(amount), 2) AS amount, "
        "any_value(currency) AS currency, min(ts) AS first, max(ts) AS last, "
        "list(txn_id ORDER BY ts)[1:5] AS txn_ids, bool_or(merchant IS NOT NULL) AS merchant "
        f"FROM transactions WHERE payer <> payee{touching} GROUP BY payer, payee",
        params or None,
    )
    return [
        PaymentPair(
            payer=str(r["payer"]),
            payee=str(r["payee"]),
            count=int(r["n"]),
            amount=float(r["amount"] or 0),
            currency=r["currency"],
            first=r["first"].isoformat() if r["first"] is not None else None,
            last=r["last"].isoformat() if r["last"] is not None else None,
            txn_ids=tuple(r["txn_ids"] or ()),
            merchant=bool(r["merchant"]),
        )
        for r in rows
    ]


def record_facts(engine: DuckDBEngine, records: set[str]) -> dict[str, RecordFact]:
    """When and where of the given ads, transactions and device events (for cases' cities,
    timeline and removals)."""
    facts: dict[str, RecordFact] = {}
    for kind, table, id_field, ts, city, event in (
        ("ad", "ads", "ad_id", "posted_at", "city", "NULL"),
        ("transaction", "transactions", "txn_id", "ts", "city", "NULL"),
        ("device_event", "device_events", "event_id", "ts", "NULL", "event"),
    ):
        ids = sorted(r.split(":", 1)[1] for r in records if r.startswith(kind + ":"))
        if not ids:
            continue
        rows = engine.query(
            f"SELECT {id_field} AS id, {ts} AS ts, {city} AS city, {event} AS event "
            f"FROM {table} WHERE {id_field} IN (SELECT unnest(?::VARCHAR[]))",
            [ids],
        )
        for r in rows:
            facts[f"{kind}:{r['id']}"] = RecordFact(
                ts=r["ts"].isoformat() if r["ts"] is not None else None,
                city=r["city"],
                event=r["event"],
            )
    return facts


def _record_texts(engine: DuckDBEngine, cases: Sequence[Case]) -> dict[str, dict[str, str]]:
    wanted = {
        f"{e.kind}:{e.record_id}"
        for c in cases
        for f in c.findings
        for e in f.evidence
        if e.start is not None
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


def _user_paths(options: ScanOptions) -> list[Path]:
    """Files the user asked to keep (a --db store and its companions, the baseline): never
    listed in a run folder's marker, so never removed with a later run's outputs."""
    keep = [options.baseline] if options.baseline else []
    if options.db:
        db = options.db
        keep += [db, db.with_name(db.name + ".wal"), db.with_name(db.name + ".tmp")]
    return keep


def run_scan(
    paths: Sequence[Path], options: ScanOptions | None = None, progress: Progress | None = None
) -> ScanResult:
    options = options or ScanOptions()
    progress = progress or _Silent()
    region = run_region(options)
    clear_contact_cache()  # the kept texts of whatever ran before make room for this scan's
    clear_prepared_texts()
    try:  # a redaction key that cannot be used is said at once, in one line
        redactor = Redactor(options.redaction_key, reveal=options.reveal, region=region)
        # the baseline never holds clear pivots, even with --reveal
        keyed = Redactor(options.redaction_key, region=region) if options.baseline else redactor
    except RedactionKeyError as exc:
        raise ScanError(str(exc)) from None
    run_id = new_run_id()
    run_dir = options.out or Path("runs") / run_id
    meter = StageMeter()

    discovery = discover(list(paths))
    skipped = [f"{s.path}: {s.reason}" for s in discovery.skipped]
    if not discovery:
        raise ScanError(f"no input files found in {', '.join(str(p) for p in paths)}")
    labels = file_labels(paths, (f for spec in discovery for f in spec.files))
    folder_path = Path(os.path.abspath(run_dir))
    for path in paths:
        inside = Path(os.path.abspath(path))
        if inside == folder_path or folder_path in inside.parents:
            # a re-run would clean the run folder, and the input with it
            raise ScanError(f"{path} is inside the run folder {run_dir}; choose another --out")
    catalogue = load_catalogue()
    allow_list_path = options.allow_list or default_list_path("address_allow_list")
    allowed = {
        f"address:{a}"
        for e in load_allow_list(allow_list_path).entries
        if (a := normalise_address(e.address))
    }

    keep = _user_paths(options)
    with (
        RunFolder.claim(run_dir, run_id, keep) as folder,
        scratch_folder() as scratch,
    ):
        # without --db the raw records live in a private temporary store, never in the run folder
        with Store.open(options.db or scratch / "store.duckdb") as store:
            if options.memory_limit:
                store.limit_memory(options.memory_limit)
            reports: list[IngestReport] = []
            problems: list[IngestError] = []  # every broken file is said, not only the first
            with meter.measure("ingest"):
                for spec in discovery:
                    progress.stage(f"ingest {spec.name} ({spec.kind.value})")
                    reports.extend(ingest_source(store, spec, progress.advance, problems))
            raise_problems(problems)
            for report in reports:
                progress.note(ingest_summary(report, labels))
                if note := report.categories_note():
                    progress.note(note)
            quarantine = quarantine_summary(store, reports, labels)

            engine = DuckDBEngine(store.connection)
            indicator_seconds: dict[str, float] = {}
            with (
                meter.measure("evaluate"),
                store.memory_guard("evaluating the indicators"),
                contact_ads_kept(),  # the contact-keyed ad detectors group the ads once
            ):
                aggregate_engine = _aggregate_engine(options, engine, store, scratch, progress)
                progress.stage(
                    "evaluate indicators", total=sum(1 for i in catalogue if not i.planned)
                )
                findings, evaluated = evaluate(
                    catalogue,
                    aggregate_engine,
                    {
                        "allow_list_path": allow_list_path,
                        "timezone": options.timezone,
                        "currency": options.currency,
                        "region": region,  # every detector that reads phones (Detector.region)
                    },
                    lambda _: progress.advance(),
                    indicator_seconds,
                )
            with meter.measure("link"), store.memory_guard("linking records"):
                progress.stage("link records")
                # person:<id> pivots join a KYC record, ad persona and sender of one person
                index = IdentifierIndex.build(
                    store.connection,
                    chain(all_identifiers(engine, region), resolve_people(engine, region)),
                )
                # modifiers (fairness-sensitive) are attached to groups, never used to link them
                modifiers = [i.id for i in catalogue if i.fairness_sensitive]
                linking = (
                    with_money_pivots(findings, lambda ids: payment_ends(engine, ids))
                    if options.money_links
                    else findings
                )
                linked = Linker(
                    options.max_pivot_degree, allowed, modifier_indicators=modifiers
                ).link_indexed(index, linking, lambda accounts: payment_pairs(engine, accounts))
                index.close()
            with meter.measure("score"):
                model = model_for(options.model, catalogue)
                scored = [(group, model.score(group.findings)) for group in linked.groups]
            with meter.measure("cases"):
                wanted = {r for group, score in scored if score.is_case for r in group.records}
                cases = build_cases(scored, catalogue, record_facts(engine, wanted))
                youth_queue = build_youth_queue(scored, catalogue, cases)
                n_records, n_ads = _record_counts(store)
                alerts = build_alerts(scored, catalogue, options.queues)
                volumes = volume(
                    n_records, n_ads, len(cases), alerts, len(youth_queue), options.queues
                )
                line = volumes["budget"]["alert_line"]
                alerts = [a.model_copy(update={"within_budget": a.rank <= line}) for a in alerts]
            # what the report quotes is read while the store is open: counted in "report"
            reading = time.perf_counter()
            record_texts = _record_texts(engine, cases)
            names = record_names(engine, records_written(findings, cases))  # redacted in all text
            customers = customer_ids(engine)
            reading = time.perf_counter() - reading

        with meter.measure("report"):
            progress.stage("write report")
            redactor.add_names(names)
            redactor.add_customer_ids(customers)
            run = {
                "run_id": run_id,
                "created": datetime.now(UTC).isoformat(timespec="seconds"),
                "redflags_version": __version__,
                "catalogue_version": catalogue.version,
                "model": model.name,
                "inputs": [str(p) for p in paths],
                "region": region,
                "settings": {
                    "region": region,
                    **feature_settings(
                        {"timezone": options.timezone, "currency": options.currency}
                    ),
                    "memory_limit": options.memory_limit,
                    "file": str(options.settings_file) if options.settings_file else None,
                },
            }
            baseline = Baseline.load(options.baseline) if options.baseline else None
            statuses: dict[str, dict[str, Any]] = {}
            shown = cases
            if baseline is not None:
                cases, found = baseline.apply(cases, keyed.pivot, run_id, options.show_all)
                statuses = {i: s.as_dict() for i, s in found.items()}
                shown = [c for c in cases if statuses[c.case_id]["shown"]]
            hidden = [s for s in statuses.values() if not s["shown"]]
            write_findings_jsonl(run_dir / "findings.jsonl", findings, redactor)
            document = write_cases_json(
                run_dir / "cases.json",
                shown,
                redactor,
                run,
                statuses,
                hidden,
                youth_queue=youth_queue,
                alerts=alerts,
                volume=volumes,
            )
            exported = write_exports(
                run_dir, shown, findings, catalogue, redactor, options.lang, statuses
            )
            write_dossiers(
                run_dir / "cases",
                shown,
                catalogue,
                record_texts,
                redactor,
                options.lang,
                run,
                statuses,
            )
            ingest_rows = [
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
            report_path = run_dir / "report.html"
            write_html_report(
                report_path,
                ReportContext(
                    cases=shown,
                    findings=findings,
                    catalogue=catalogue,
                    run=run,
                    ingest=ingest_rows,
                    record_texts=record_texts,
                    redactor=redactor,
                    lang=options.lang,
                    hubs=linked.hubs,
                    evaluated=evaluated,
                    statuses=statuses,
                    hidden=hidden,
                    dossiers=True,
                    youth_queue=youth_queue,
                    alerts=alerts,
                    volume=volumes,
                    exports=[
                        "cases.csv",
                        "findings.csv",
                        "evidence.csv",
                        "entities.ftm.jsonl",
                        "network.gexf",
                    ],
                ),
            )
            if baseline is not None:
                baseline.save()
        clear_contact_cache()  # the run's texts are not read again
        clear_prepared_texts()
        meter.stages["report"]["seconds"] = round(meter.stages["report"]["seconds"] + reading, 3)
        (run_dir / "run.json").write_text(
            json_dumps(  # no NaN or infinity: null, never invalid JSON
                {
                    **run,
                    "ingest": ingest_rows,
                    "skipped": skipped,
                    "quarantine": quarantine,
                    "evaluated": evaluated,
                    "findings": len(findings),
                    "cases": len(cases),
                    "cases_shown": len(shown),
                    "youth_queue": [  # the reasons quote records: redacted like cases.json
                        {
                            "item_id": item["item_id"],
                            "strength": item["strength"],
                            "case_id": item["case_id"],
                            "reasons": item["reasons_en"],
                        }
                        for item in document["youth_queue"]  # item_to_dict, as in cases.json
                    ],
                    "alerts": len(alerts),
                    "volume": volumes,
                    "baseline": str(options.baseline) if options.baseline else None,
                    "exports": exported,
                    "stages": meter.stages,
                },
                indent=2,
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
            stages=meter.stages,
            shown=list(shown),
            statuses=statuses,
            labels=labels,
            quarantine=quarantine,
            folder=folder,
            alerts=alerts,
            youth_queue=youth_queue,
            volume=volumes,
            indicator_seconds=indicator_seconds,
        )


def _record_counts(store: Store) -> tuple[int, int]:
    """(records, ads) in the store: the basis of the rates and the alert budget."""
    counts = {kind: store.count(kind) for kind in KIND_TABLES}
    return sum(counts.values()), counts[RecordKind.AD]


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
