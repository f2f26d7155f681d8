"""The `redflags` command line."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import duckdb
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from typer.core import TyperGroup

from redflags.cases.queues import QueueSettings
from redflags.catalogue import CatalogueError, Category, Status, load_catalogue
from redflags.catalogue.checklist import render_html, render_markdown
from redflags.catalogue.lint import lint_catalogue
from redflags.catalogue.reference import render_reference
from redflags.generator import DEMO_SCALE, DEMO_SEED
from redflags.ingest import IngestError, IngestProblems, raise_problems
from redflags.problems import DATA_ERRORS, problem_line
from redflags.runfolder import RunFolder
from redflags.service.casecommands import ServiceConfig, cases_app, open_publisher
from redflags.service.commands import audit_app, serve, service_app, users_app
from redflags.service.filecommands import file_app, verify_package_command
from redflags.settings import (
    DEFAULT_MODEL,
    RunSettings,
    SettingsError,
    check_timezone,
    is_time_zone,
    load_settings,
)
from redflags.store import StoreError
from redflags.terminal import json_printable, printable

if TYPE_CHECKING:
    from redflags.pipeline import ScanResult

DEBUG_ENV = "REDFLAGS_DEBUG"


def _safe(text: object) -> str:
    """User-controlled text (file and source names, reasons, notes) ready for rich: control
    characters shown as escapes, and `[...]` not taken for markup."""
    return escape(printable(text))


class GuardedGroup(TyperGroup):
    """Turns any exception a command lets through into one line on stderr and exit code 1: the
    problem for bad data, options or machine trouble, or "internal error" for a bug, with the
    traceback only under --debug (or REDFLAGS_DEBUG=1)."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):  # usage, help, exit codes
            raise
        except Exception as exc:  # the one place a bug is allowed to be caught broadly
            debug = bool(ctx.params.get("debug")) or _env_debug()
            problem = problem_line(exc)
            if debug:
                for chunk in traceback.format_exception(exc):
                    for line in chunk.splitlines():
                        errors.print(printable(line), markup=False, soft_wrap=True)
            if problem is not None:
                _fail(problem)
            first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
            _fail(
                f"internal error ({type(exc).__name__}{': ' + first if first else ''}); "
                "please report it"
                + ("" if debug else f"; run with --debug or {DEBUG_ENV}=1 for the traceback")
            )


def _env_debug() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip().lower() in ("1", "true", "yes", "on")


app = typer.Typer(
    cls=GuardedGroup,
    help="Find, link and explain red flags of technology-facilitated human trafficking.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


@app.callback()
def main(
    debug: Annotated[
        bool,
        typer.Option(
            "--debug", help=f"Show the traceback of an internal error (or set {DEBUG_ENV}=1)."
        ),
    ] = False,
) -> None:
    """Find, link and explain red flags of technology-facilitated human trafficking."""


catalogue_app = typer.Typer(
    help="Check and document the indicator catalogue.", no_args_is_help=True
)
indicators_app = typer.Typer(help="Browse the indicators.", no_args_is_help=True)
quarantine_app = typer.Typer(help="What ingest refused, and why.", no_args_is_help=True)
app.add_typer(catalogue_app, name="catalogue")
app.add_typer(indicators_app, name="indicators")
app.add_typer(quarantine_app, name="quarantine")
app.add_typer(users_app, name="users")
app.add_typer(audit_app, name="audit")
app.add_typer(service_app, name="service")
app.add_typer(cases_app, name="cases")
app.add_typer(file_app, name="file")
app.command("verify-package")(verify_package_command)
app.command()(serve)

# never highlight (it would colour parts of names) and never wrap: a path stays one line
console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])
Lang = Annotated[str, typer.Option("--lang", help="en or da")]
MemoryLimit = Annotated[
    str | None,
    typer.Option(help="Cap DuckDB's memory, e.g. 3GB; beyond it DuckDB spills to disk."),
]
Region = Annotated[
    str | None,
    typer.Option(
        "--region",
        help="Country of phone numbers written without a country code (ISO 3166 alpha-2, e.g. "
        "US); default: the settings file, else DK.",
    ),
]
SettingsFile = Annotated[
    Path | None,
    typer.Option(
        "--settings",
        help="Settings file (TOML: region, currency, timezone, memory_limit); default: "
        "./redflags.toml if there is one. Flags override it.",
    ),
]
MaxAlertShare = Annotated[
    float | None,
    typer.Option(
        "--max-alert-share",
        help="Alert budget: alerts on at most this share of the ads (ads-only scans) or records "
        "(default 0.05). Alerts past it are kept, ranked below the line.",
    ),
]
MaxCaseShare = Annotated[
    float | None,
    typer.Option("--max-case-share", help="Case budget, as --max-alert-share (default 0.01)."),
]
AlertMinScore = Annotated[
    float | None,
    typer.Option(
        "--alert-min-score",
        help="Score (without fairness modifiers) that makes a group an alert (default 4).",
    ),
]
Model = Annotated[
    str | None,
    typer.Option("--model", help="Risk model: risk-v2 (default) or risk-v1 (docs/scoring.md)."),
]


def _fail(message: str, details: Sequence[str] = ()) -> NoReturn:
    """One line `error: ...` on stderr (each detail on a line of its own), exit code 1."""
    errors.print(f"[bold red]error:[/] {_safe(message)}", soft_wrap=True)
    for line in details:
        errors.print(f"  {_safe(line)}", soft_wrap=True)
    raise typer.Exit(code=1)


def _fail_data(exc: BaseException) -> NoReturn:
    """A data problem: one line, or one line per broken file when there are several."""
    if isinstance(exc, IngestProblems):
        _fail(exc.summary, [str(p) for p in exc.problems])
    _fail(str(exc))


def _check_memory_limit(limit: str | None) -> None:
    """Refuse a bad --memory-limit before any work is done."""
    if limit is None:
        return
    from redflags.store import Store

    try:
        with Store.open(None) as probe:
            probe.limit_memory(limit)
    except StoreError as exc:
        _fail(f"--memory-limit: {exc}")
    except duckdb.Error as exc:
        _fail(f"--memory-limit {limit!r}: {str(exc).strip().splitlines()[0]}")


@contextmanager
def _memory_guard(limit: str | None) -> Iterator[None]:
    """DuckDB running out of memory under --memory-limit is the user's setting, not a bug."""
    try:
        yield
    except (duckdb.OutOfMemoryException, MemoryError):
        if limit is None:
            raise
        _fail(f"ran out of memory under --memory-limit {limit}; raise it")


def _print_quarantine(summary: Sequence[dict[str, Any]], shown_reasons: int = 5) -> None:
    """`quarantined 12 rows in ads.csv: 10 × "posted_at: ..." (lines 4, 9, 17 …), ...`"""
    for entry in summary:
        parts = []
        for group in entry["reasons"][:shown_reasons]:
            lines = ", ".join(map(str, group["lines"]))
            more = " …" if group["count"] > len(group["lines"]) else ""
            where = (
                f" (line{'s' if len(group['lines']) > 1 else ''} {lines}{more})" if lines else ""
            )
            parts.append(f'{group["count"]} × "{group["reason"]}"{where}')
        rest = sum(g["count"] for g in entry["reasons"][shown_reasons:]) + entry["other_reasons"]
        if rest:
            parts.append(f"{rest} more with other reasons")
        console.print(
            f"[yellow]quarantined[/] {_safe(entry['quarantined'])} row(s) in "
            f"{_safe(entry['file'] or entry['source'])}: {_safe(', '.join(parts))}",
            soft_wrap=True,
        )


def _settings(path: Path | None, **flags: str | float | None) -> RunSettings:
    """The run settings: flags over the settings file over the defaults (redflags/settings.py);
    a bad file or value is one `error:` line."""
    try:
        settings = load_settings(path).overridden(**flags)
        if settings.timezone is not None:
            check_timezone(settings.timezone)
    except SettingsError as exc:
        _fail(str(exc))
    return settings


def _queues(run: RunSettings) -> QueueSettings:
    """The alert line and budget: flags over the settings file over QueueSettings' defaults."""
    given = {
        "max_alert_share": run.max_alert_share,
        "max_case_share": run.max_case_share,
        "alert_min_score": run.alert_min_score,
    }
    return QueueSettings(**{k: v for k, v in given.items() if v is not None})


def _check_lang(lang: str) -> str:
    if lang not in ("en", "da"):
        _fail(f"--lang must be en or da, not {lang!r}")
    return lang


class RichProgress:
    """Stage-by-stage progress on the terminal (the pipeline's Progress protocol)."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: Any = None

    def stage(self, name: str, total: int | None = None) -> None:
        if self.task is not None:
            self.progress.update(
                self.task,
                completed=self.progress.tasks[-1].total or 1,
                total=self.progress.tasks[-1].total or 1,
            )
        self.task = self.progress.add_task(_safe(name), total=total)

    def advance(self, amount: int = 1) -> None:
        if self.task is not None:
            self.progress.advance(self.task, amount)

    def note(self, message: str) -> None:
        self.progress.console.print(f"  {_safe(message)}", highlight=False, soft_wrap=True)

    def finish(self) -> None:
        self.stage("done", total=1)
        self.progress.update(self.task, completed=1)


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=False,
        disable=not console.is_terminal,
    )


def _run_scan(
    paths: list[Path],
    out: Path | None,
    db: Path | None,
    lang: str,
    reveal: bool,
    allow_list: Path | None,
    **settings: Any,
) -> ScanResult:
    from redflags.pipeline import ScanError, ScanOptions, run_scan

    options = ScanOptions(
        out=out, db=db, lang=_check_lang(lang), reveal=reveal, allow_list=allow_list, **settings
    )
    _check_memory_limit(options.memory_limit)
    try:
        with _memory_guard(options.memory_limit), _progress() as bar:
            sink = RichProgress(bar)
            result = run_scan(paths, options, sink)
            sink.finish()
    except (*DATA_ERRORS, ScanError) as exc:
        _fail_data(exc)
    for line in result.skipped:
        console.print(f"[yellow]skipped[/] {_safe(line)}")
    _print_quarantine(result.quarantine)
    read = sum(r.read for r in result.ingest)
    stored = sum(r.stored for r in result.ingest)
    quarantined = sum(r.quarantined for r in result.ingest)
    console.print(f"read {read} = stored {stored} + quarantined {quarantined}", highlight=False)
    hidden = len(result.cases) - len(result.shown)
    table = Table(
        title=f"{len(result.shown)} case(s) shown from {len(result.findings)} finding(s)"
        + (f"; {hidden} hidden by the baseline (--all shows them)" if hidden else "")
    )
    table.add_column("case", no_wrap=True)
    for column in ("priority", "score", "sources"):
        table.add_column(column)
    table.add_column("indicators", no_wrap=True)
    for case in result.shown:
        status = result.statuses.get(case.case_id, {})
        changed = status.get("status") == "changed"
        table.add_row(
            _safe(case.case_id)
            + (f"\n{_safe(status['status'])}" if status else "")
            + (f": {_safe('; '.join(status['reasons']))}" if changed else ""),
            _safe(case.score.priority),
            f"{case.score.total:g}",
            _safe(", ".join(case.score.source_types)),
            "\n".join(_safe(i) for i in case.indicator_ids),
        )
    console.print(table)
    vol = result.volume
    if vol:  # the youth queue and the alerts are separate lists (docs/scoring.md)
        strong = sum(1 for y in result.youth_queue if y.strength == "strong")
        console.print(
            f"youth queue {len(result.youth_queue)} ({strong} strong); alerts {vol['alerts']} "
            f"({vol['alerts_per_1k_records']} per 1,000 records, budget "
            f"{vol['budget']['alert_line']} on {vol['budget']['basis']}); cases "
            f"{vol['cases_per_1k_records']} per 1,000 records",
            highlight=False,
        )
    console.print(f"Report: {_safe(result.report.resolve())}", soft_wrap=True)
    if options.baseline:
        console.print(f"Baseline: {_safe(options.baseline.resolve())}", soft_wrap=True)
    return result


@app.command()
def scan(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to scan.")],
    out: Annotated[Path | None, typer.Option(help="Run folder (default: runs/<run id>).")] = None,
    db: Annotated[
        Path | None,
        typer.Option(help="Keep the DuckDB store here (default: a temporary one, deleted after)."),
    ] = None,
    lang: Lang = "en",
    reveal: Annotated[bool, typer.Option(help="Show identifiers in clear in the outputs.")] = False,
    allow_list: Annotated[Path | None, typer.Option(help="Address allow-list YAML.")] = None,
    engine: Annotated[
        str, typer.Option(help="Where the aggregate indicators run: duckdb or spark.")
    ] = "duckdb",
    spark_master: Annotated[
        str, typer.Option(help="Spark master URL for --engine spark (e.g. spark://host:7077).")
    ] = "local[2]",
    timezone: Annotated[
        str | None, typer.Option(help="Local time zone of the data (default Europe/Copenhagen).")
    ] = None,
    currency: Annotated[
        str | None, typer.Option(help="Home currency of the amounts (default DKK).")
    ] = None,
    memory_limit: MemoryLimit = None,
    baseline: Annotated[
        Path | None,
        typer.Option(help="Verdict baseline (default: redflags.baseline.yaml beside --db)."),
    ] = None,
    all_cases: Annotated[
        bool, typer.Option("--all", help="Show every case, not only new and changed ones.")
    ] = False,
    region: Region = None,
    settings_file: SettingsFile = None,
    max_alert_share: MaxAlertShare = None,
    max_case_share: MaxCaseShare = None,
    alert_min_score: AlertMinScore = None,
    model: Model = None,
    publish: Annotated[
        bool,
        typer.Option(
            "--publish",
            help="Also publish the cases into the service's case store (docs/service.md).",
        ),
    ] = False,
    database: Annotated[
        str | None,
        typer.Option(
            "--database",
            help="With --publish: the case store (sqlite:///PATH or postgresql+psycopg://…); "
            "default: the service settings' store.",
        ),
    ] = None,
    service_config: ServiceConfig = None,
    incremental: Annotated[
        bool,
        typer.Option(
            "--incremental",
            help="With --db: ingest only the new records and recompute what they touch "
            "(docs/performance.md); the results are a full scan's.",
        ),
    ] = False,
) -> None:
    """Ingest, evaluate every indicator, link, score and write findings, cases and a report."""
    from redflags.cases.baseline import default_baseline_path

    for path in paths:
        if not path.exists():
            _fail(f"{path}: no such file or folder")
    if incremental and db is None:
        _fail("--incremental keeps its state in the store: give --db STORE")
    if not publish and (database or service_config):
        _fail("--database and --service-config choose where --publish publishes; add --publish")
    if timezone is not None and not is_time_zone(timezone):
        _fail(f"--timezone {timezone!r} is not a known time zone (e.g. Europe/Copenhagen)")
    run = _settings(
        settings_file,
        region=region,
        currency=currency,
        timezone=timezone,
        memory_limit=memory_limit,
        max_alert_share=max_alert_share,
        max_case_share=max_case_share,
        alert_min_score=alert_min_score,
        model=model,
    )
    _check_memory_limit(run.memory_limit)
    if engine not in ("duckdb", "spark"):
        _fail(f"--engine must be duckdb or spark, not {engine!r}")
    publisher = open_publisher(service_config, database) if publish else None
    try:
        result = _run_scan(
            paths,
            out,
            db,
            lang,
            reveal,
            allow_list,
            engine=engine,
            spark_master=spark_master,
            timezone=run.timezone,
            currency=run.currency,
            memory_limit=run.memory_limit,
            region=run.region,
            settings_file=run.source,
            # beside a kept store (--db); a scan's temporary store has none
            baseline=baseline or (default_baseline_path(db) if db else None),
            show_all=all_cases,
            queues=_queues(run),
            model=run.model or DEFAULT_MODEL,
            incremental=incremental,
        )
        if publisher is not None:
            console.print(_safe(publisher.publish(result)), soft_wrap=True)
    finally:
        if publisher is not None:
            publisher.close()


@app.command()
def verdict(
    case_id: Annotated[str, typer.Argument(help="Case id, as in the report (C-...).")],
    status: Annotated[str, typer.Argument(help="confirmed, dismissed or needs_information")],
    note: Annotated[str | None, typer.Option(help="Why (kept with the verdict).")] = None,
    baseline: Annotated[
        Path | None, typer.Option(help="Baseline file (default: beside --db, else ./).")
    ] = None,
    db: Annotated[Path | None, typer.Option(help="Store whose baseline to use.")] = None,
    user: Annotated[
        str | None, typer.Option(help="Who decides (default: $REDFLAGS_USER or login name).")
    ] = None,
    suppress: Annotated[
        bool, typer.Option(help="Also suppress the case (hidden until it changes materially).")
    ] = False,
    until: Annotated[
        str | None, typer.Option(help="With --suppress: suppressed until YYYY-MM-DD.")
    ] = None,
) -> None:
    """Record an analyst's verdict on a case in the baseline (who, when, why)."""
    from redflags.cases.baseline import (
        DEFAULT_NAME,
        Baseline,
        BaselineError,
        current_user,
        default_baseline_path,
    )

    path = baseline or (default_baseline_path(db) if db else Path(DEFAULT_NAME))
    if not path.exists():
        _fail(f"{path}: no baseline yet; scan with --db or --baseline {path} first")
    try:
        book = Baseline.load(path)
        who = current_user(user)
        record = book.record_verdict(case_id, status, who, note)
        if suppress:
            book.suppress(case_id, who, note, until)
        book.save()
    except BaselineError as exc:
        _fail(str(exc))
    console.print(
        _safe(
            f"{case_id}: {record['status']} by {record['by']} at {record['at']}"
            + (" (suppressed)" if suppress else "")
            + f" in {path}"
        ),
        soft_wrap=True,
    )


@app.command()
def demo(
    out: Annotated[Path, typer.Option(help="Folder for the demo data and run.")] = Path(
        "runs/demo"
    ),
    seed: Annotated[int, typer.Option(help="Seed of the synthetic demo world.")] = DEMO_SEED,
    lang: Lang = "en",
    reveal: Annotated[bool, typer.Option(help="Show identifiers in clear.")] = False,
    memory_limit: MemoryLimit = None,
    region: Region = None,
    settings_file: SettingsFile = None,
) -> None:
    """Write the synthetic demo world (`redflags synth --scale demo`) and scan it."""
    from redflags.generator import load_generator
    from redflags.pipeline import new_run_id

    generate_world = load_generator()
    run = _settings(settings_file, region=region, memory_limit=memory_limit)
    _check_memory_limit(run.memory_limit)
    # a run folder of ours: what the last demo wrote is replaced, anything else is refused
    with RunFolder.claim(out, new_run_id()):
        data = out / "data"
        summary = generate_world(data, DEMO_SCALE, seed, overwrite=True)
        console.print(
            f"Demo data: {summary.rows} rows of {len(summary.counts)} kinds, "
            f"{summary.networks} networks with truth, in {_safe(data)}"
        )
        _run_scan(
            [data],
            out / "run",
            None,
            lang,
            reveal,
            None,
            memory_limit=run.memory_limit,
            region=run.region,
            timezone=run.timezone,
            currency=run.currency,
            settings_file=run.source,
        )


Size = Annotated[int | None, typer.Option(help="Background rows of this kind (overrides --scale).")]


@app.command()
def synth(
    out: Annotated[Path, typer.Option(help="Folder for the world (empty, or --overwrite).")],
    scale: Annotated[str, typer.Option(help="demo, small, medium or large.")] = "small",
    seed: Annotated[int, typer.Option(help="The same seed writes the same bytes.")] = 1,
    format: Annotated[str, typer.Option("--format", help="parquet or csv")] = "parquet",
    customers: Size = None,
    ads: Size = None,
    messages: Size = None,
    transactions: Size = None,
    device_events: Size = None,
    instances: Annotated[
        int | None, typer.Option(help="Instances of each typology (overrides --scale).")
    ] = None,
    days: Annotated[int | None, typer.Option(help="Days the world spans.")] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace a world already in --out.")] = False,
) -> None:
    """Generate a synthetic world with ground truth: ads, messages, transactions, customers and
    device events with trafficking networks and look-alikes in a large benign background."""
    from rich.progress import TimeElapsedColumn

    from redflags.generator import WorldError, load_generator

    generate_world = load_generator()

    sizes = {
        "customers": customers,
        "ads": ads,
        "messages": messages,
        "transactions": transactions,
        "device_events": device_events,
        "instances": instances,
        "days": days,
    }
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description:<13}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not console.is_terminal,
    )

    class Sink:
        def __init__(self) -> None:
            self.tasks: dict[str, Any] = {}

        def start(self, kind: str, total: int) -> None:
            self.tasks[kind] = bar.add_task(kind, total=total)

        def advance(self, kind: str, rows: int) -> None:
            bar.advance(self.tasks[kind], rows)

    from redflags.pipeline import new_run_id

    if out.is_dir() and any(out.iterdir()) and not overwrite:
        _fail(f"{out}: not empty; use --overwrite to replace the world there")
    # only a world of ours is replaced, and only what its marker lists (written at the end:
    # the generator wants an empty folder)
    with RunFolder.claim(out, new_run_id(), mark=False):
        left = sorted(p.name for p in out.iterdir())
        if left:
            _fail(
                f"{out} holds {', '.join(left)}, which redflags did not write; choose another --out"
            )
        try:
            with bar:
                summary = generate_world(out, scale, seed, format, Sink(), sizes)
        except WorldError as exc:
            _fail(str(exc))
    table = Table(title=f"World {summary.scale.name}, seed {seed}")
    for column in ("kind", "rows", "of which typology", "seconds", "rows/s"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    speed = summary.rows_per_second()
    for kind, rows in summary.counts.items():
        table.add_row(
            kind,
            f"{rows:,}",
            f"{summary.typology_counts[kind]:,}",
            f"{summary.seconds[kind]:.1f}",
            f"{speed[kind]:,.0f}",
        )
    console.print(table)
    console.print(
        f"{summary.rows:,} rows, {summary.networks} networks "
        f"({sum(summary.instances.values())} typology instances), {summary.images:,} images "
        f"in {summary.seconds['total']:.1f} s ({summary.rows / summary.seconds['total']:,.0f} "
        "rows/s)",
        highlight=False,
    )
    console.print(f"World: {_safe(out.resolve())}  (truth in {_safe(out.resolve() / 'truth')})")


@app.command()
def evaluate(
    world: Annotated[
        Path,
        typer.Option(
            help="World folder written by `redflags synth`, or a blind world (its own files "
            "and a truth.yaml; give --descriptors)."
        ),
    ],
    descriptors: Annotated[
        Path | None,
        typer.Option(help="For a blind world: the folder of *.source.yaml that map its files."),
    ] = None,
    out: Annotated[Path | None, typer.Option(help="Run folder (default: runs/<run id>).")] = None,
    memory_limit: MemoryLimit = None,
    region: Region = None,
    settings_file: SettingsFile = None,
    max_alert_share: MaxAlertShare = None,
    max_case_share: MaxCaseShare = None,
    alert_min_score: AlertMinScore = None,
    model: Model = None,
) -> None:
    """Scan a synthetic world and measure precision, recall and cost against its truth."""
    from redflags.evaluation.blind_truth import is_blind_world
    from redflags.evaluation.truth import TruthError
    from redflags.pipeline import ScanError, ScanOptions, run_blind_evaluation, run_evaluation

    if not world.is_dir():
        _fail(f"{world}: no such folder")
    blind = is_blind_world(world)
    if blind and (descriptors is None or not descriptors.is_dir()):
        _fail(f"{world} is a blind world (truth.yaml): give --descriptors FOLDER to map its files")
    run = _settings(
        settings_file,
        region=region,
        memory_limit=memory_limit,
        max_alert_share=max_alert_share,
        max_case_share=max_case_share,
        alert_min_score=alert_min_score,
        model=model,
    )
    memory_limit = run.memory_limit
    _check_memory_limit(memory_limit)
    try:
        with _memory_guard(memory_limit), _progress() as bar:
            sink = RichProgress(bar)
            options = ScanOptions(
                out=out,
                memory_limit=memory_limit,
                region=run.region,
                timezone=run.timezone,
                currency=run.currency,
                settings_file=run.source,
                queues=_queues(run),
                model=run.model or DEFAULT_MODEL,
            )
            if blind and descriptors is not None:
                result = run_blind_evaluation(world, descriptors, options, sink)
            else:
                result = run_evaluation(world, options, sink)
            sink.finish()
    except (*DATA_ERRORS, ScanError, TruthError) as exc:
        _fail_data(exc)
    metrics = result.metrics
    nets = metrics["networks"]
    console.print(
        f"networks: recall {nets['recall']} ({nets['raised']}/{nets['positive_networks']}), "
        f"precision {nets['precision']} ({nets['true_cases']}/{nets['cases']}), "
        f"ARI {nets['ari']}; hard-negative cases {metrics['hard_negative_cases']}; "
        f"{metrics['cases_per_10k']} cases per 10,000 entities",
        highlight=False,
    )
    table = Table(title="indicators (record level)")
    table.add_column("indicator", no_wrap=True)
    for column in ("precision", "recall", "f1", "support"):
        table.add_column(column, justify="right")
    for indicator, row in metrics["indicators"].items():
        table.add_row(indicator, *(str(row[k]) for k in ("precision", "recall", "f1", "support")))
    console.print(table)
    _print_lexicon_rates(metrics.get("lexicon") or {})
    for case in metrics.get("cases", ()):
        console.print(
            f"{_safe(case['case_id'])}: score {case['score']:g} on "
            f"{_safe(', '.join(case['networks']) or 'no network of the truth')}"
            + (" (forced review)" if case["forced_review"] else ""),
            highlight=False,
        )
    for network, missing in (metrics.get("unresolved_members") or {}).items():
        console.print(
            f"[yellow]truth[/] {_safe(network)}: {missing} member row(s) not in the store "
            "(quarantined, or in a file no descriptor reads)"
        )
    _print_quarantine(result.scan.quarantine)
    console.print(f"Metrics: {_safe(result.metrics_path.resolve())}", soft_wrap=True)
    console.print(f"Table: {_safe(result.markdown_path.resolve())}", soft_wrap=True)


def _print_lexicon_rates(rows: dict[str, dict[str, Any]]) -> None:
    """Lexicon indicators against lawful records: false alarms per 1,000 and likelihood ratios."""
    if not rows:
        return

    def shown(value: float | None) -> str:
        return "–" if value is None else f"{value:.3g}"

    table = Table(title="lexicon indicators, lawful ads and messages on the same sites")
    table.add_column("indicator", no_wrap=True)
    for column in ("recall", "false alarms /1k", "of them weak", "LR strong", "LR weak"):
        table.add_column(column, justify="right")
    for indicator, row in rows.items():
        table.add_row(
            indicator,
            shown(row["recall_on_positives"]),
            shown(row["false_alarms_per_1000_lawful"]),
            shown(row["weak_false_alarms_per_1000_lawful"]),
            shown(row["likelihood_ratio_strong"]),
            shown(row["likelihood_ratio_weak"]),
        )
    console.print(table)


@app.command()
def amlsim(
    archive: Annotated[
        Path, typer.Option(help="IBM AMLSim sample archive (e.g. 20K_fanin200.tgz).")
    ],
    out: Annotated[Path | None, typer.Option(help="Keep the store and metrics JSON here.")] = None,
    memory_limit: MemoryLimit = None,
) -> None:
    """Outside check: run the fan-in style indicators on an AMLSim sample (not trafficking data)."""
    from redflags.outside.amlsim import AmlsimError, check_amlsim
    from redflags.pipeline import new_run_id

    if not archive.is_file():
        _fail(f"{archive}: no such file")
    _check_memory_limit(memory_limit)
    try:
        with _memory_guard(memory_limit):
            if out is None:
                check = check_amlsim(archive, None, memory_limit)
            else:
                with RunFolder.claim(out, new_run_id()):
                    check = check_amlsim(archive, out, memory_limit)
    except (*DATA_ERRORS, AmlsimError) as exc:
        _fail(str(exc))
    metrics = check.metrics()
    console.print(_safe(check.load.report.summary()), soft_wrap=True)
    labels = metrics["labels"]
    console.print(
        f"labels: {labels['is_fraud']} isFraud of {labels['accounts']} accounts; "
        f"{labels['fan_in_receivers']} fan-in receivers (>= {labels['min_fan_in_members']} "
        f"alert members paying in)",
        highlight=False,
    )
    table = Table(title="accounts flagged (subject of a finding) vs AMLSim labels")
    for column in ("variant", "flagged", "P isFraud", "R isFraud", "P receivers", "R receivers"):
        left = column == "variant"
        table.add_column(column, justify="left" if left else "right", no_wrap=left)
    for v in metrics["variants"]:
        if not v["ran"]:
            table.add_row(v["name"], "-", "not run", "", "", "")
            continue
        fraud, recv = v["is_fraud"], v["receivers"]
        row = (fraud["precision"], fraud["recall"], recv["precision"], recv["recall"])
        table.add_row(v["name"], str(fraud["flagged"]), *map(str, row))
    console.print(table)
    for v in metrics["variants"]:
        if v["overrides"] or v["note"]:
            console.print(f"{v['name']}: {v['note'] or v['description']}", highlight=False)
    console.print(f"{metrics['note']} ({metrics['seconds']} s)", highlight=False, soft_wrap=True)
    if out is not None:
        console.print(f"Metrics: {_safe((out / 'amlsim_metrics.json').resolve())}")


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to ingest.")],
    db: Annotated[Path, typer.Option(help="DuckDB store file.")] = Path("redflags.duckdb"),
    memory_limit: MemoryLimit = None,
    region: Region = None,
    settings_file: SettingsFile = None,
) -> None:
    """Ingest sources into a store; prints read = stored + quarantined per file."""
    from redflags.ingest import discover, ingest_source
    from redflags.intake import file_labels, ingest_summary, quarantine_summary
    from redflags.store import Store

    # ingest reads no phones (records are stored as written); the region is checked and kept
    # in the store's meta table, so the store says which region its data came with
    run = _settings(settings_file, region=region, memory_limit=memory_limit)
    memory_limit = run.memory_limit
    _check_memory_limit(memory_limit)
    try:
        discovery = discover(paths)
        if not discovery:
            _fail(f"no input files found in {', '.join(map(str, paths))}")
        labels = file_labels(paths, (f for spec in discovery for f in spec.files))
        with _memory_guard(memory_limit), Store.open(db) as store:
            if memory_limit:
                store.limit_memory(memory_limit)
            if run.region:
                store.connection.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('region', ?)", [run.region]
                )
            reports = []
            problems: list[IngestError] = []
            for spec in discovery:
                for report in ingest_source(store, spec, problems=problems):
                    reports.append(report)
                    console.print(_safe(ingest_summary(report, labels)))
                    if note := report.categories_note():
                        console.print(_safe(note))
            raise_problems(problems)
            quarantine = quarantine_summary(store, reports, labels)
    except DATA_ERRORS as exc:
        _fail_data(exc)
    _print_quarantine(quarantine)
    for skipped in discovery.skipped:
        console.print(f"[yellow]skipped[/] {_safe(skipped.path)}: {_safe(skipped.reason)}")


@app.command()
def extract(
    file: Annotated[
        Path | None, typer.Argument(help="UTF-8 text, one text per line (default: stdin).")
    ] = None,
    region: Region = None,
    settings_file: SettingsFile = None,
) -> None:
    """Print the phones, handles, e-mails and URLs in each input line, one JSON object a line."""
    import contextlib
    import json

    from redflags.normalise.contacts import find_contacts
    from redflags.normalise.phones import DEFAULT_REGION

    region = _settings(settings_file, region=region).region or DEFAULT_REGION
    name = str(file) if file else "stdin"
    out = typer.get_binary_stream("stdout")  # UTF-8 whatever the terminal's locale
    try:
        # stdin is not ours to close; a file is.
        opened = (
            file.open("rb") if file else contextlib.nullcontext(typer.get_binary_stream("stdin"))
        )
        with opened as lines:
            for number, raw in enumerate(lines, start=1):
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
                found = [
                    {k: getattr(c, k) for k in ("kind", "value", "start", "end", "obfuscated")}
                    # as a scan reads it: the text's own region when `region` reads no phone
                    for c in find_contacts(text, region)
                ]
                line = json_printable(
                    json.dumps({"line": number, "identifiers": found}, ensure_ascii=False)
                )
                out.write(line.encode("utf-8") + b"\n")
    except UnicodeDecodeError:
        _fail(f"{name}: line {number} is not UTF-8 text")
    out.flush()


@quarantine_app.command("show")
def quarantine_show(
    db: Annotated[Path, typer.Option(help="The store (DuckDB file) kept by ingest or scan --db.")],
    source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
    reasons: Annotated[int, typer.Option(min=1, max=1000, help="Reasons shown per file.")] = 20,
) -> None:
    """List quarantined rows per file: reasons grouped, with counts and their first lines.
    Values are left out of the reasons (they may be identifiers); the raw rows stay in the
    store's `quarantine` table."""
    from redflags.intake import stored_quarantine
    from redflags.store import Store

    if not db.is_file():
        _fail(f"{db}: no such store")
    try:
        with Store.open(db, read_only=True) as store:
            summary = stored_quarantine(store, source, kept=reasons)
    except DATA_ERRORS as exc:
        _fail_data(exc)
    except duckdb.Error as exc:
        _fail(f"{db}: not a redflags store ({exc.__class__.__name__})")
    if not summary:
        console.print("nothing quarantined" + (f" for {_safe(source)}" if source else ""))
        return
    _print_quarantine(summary, shown_reasons=reasons)
    total = sum(entry["quarantined"] for entry in summary)
    console.print(f"{total} row(s) quarantined in {len(summary)} file(s)", highlight=False)


@app.command()
def templates(
    ads_file: Annotated[
        Path,
        typer.Argument(help="Ads: ads.csv/.jsonl/.parquet, a *.source.yaml, or any data file."),
    ],
    out: Annotated[
        Path | None, typer.Option(help="Write one row per ad here (.csv or .jsonl).")
    ] = None,
    region: Region = None,
    settings_file: SettingsFile = None,
    min_cluster: Annotated[int, typer.Option(help="Fewest ads in a cluster.")] = 2,
    threshold: Annotated[
        float | None,
        typer.Option(help="Least Jaccard similarity of two linked ads (default: the catalogue's)."),
    ] = None,
    shingle: Annotated[
        int | None, typer.Option(help="Words per shingle (default: the catalogue's).")
    ] = None,
    reveal: Annotated[bool, typer.Option(help="Show identifiers in clear in the output.")] = False,
) -> None:
    """Cluster the ads of one file by template; one row per ad with its cluster and template."""
    from redflags.normalise.phones import DEFAULT_REGION
    from redflags.report.redact import RedactionKeyError
    from redflags.templates import (
        TemplateOptions,
        TemplatesError,
        check_region,
        run_templates,
        summary_lines,
        write,
    )

    if not ads_file.exists():
        _fail(f"{ads_file}: no such file or folder")
    try:
        options = TemplateOptions(
            region=check_region(_settings(settings_file, region=region).region or DEFAULT_REGION),
            min_cluster=min_cluster,
            threshold=threshold,
            shingle=shingle,
            reveal=reveal,
        )
        if out is not None and out.suffix.lower() not in (".csv", ".jsonl"):
            raise TemplatesError(f"--out {out}: write .csv or .jsonl")
        result = run_templates(ads_file, options)
        if out is not None:
            write(result.rows, out)
    except (*DATA_ERRORS, TemplatesError, RedactionKeyError) as exc:
        _fail(str(exc))
    _print_quarantine(result.quarantine)
    read = sum(r.read for r in result.reports)
    stored = sum(r.stored for r in result.reports)
    quarantined = sum(r.quarantined for r in result.reports)
    console.print(f"read {read} = stored {stored} + quarantined {quarantined}")
    for line in summary_lines(result):
        console.print(_safe(line))
    if out is not None:
        console.print(f"Rows: {_safe(out.resolve())}")


def _load() -> Any:
    try:
        return load_catalogue()
    except CatalogueError as exc:
        _fail("the catalogue has problems:", exc.problems)


@catalogue_app.command("lint")
def catalogue_lint() -> None:
    """Validate every indicator file, its examples and lexicons; non-zero exit on problems."""
    from redflags.detectors import DETECTOR_KINDS

    catalogue = _load()
    problems = lint_catalogue(catalogue, set(DETECTOR_KINDS))
    if problems:
        _fail(f"{len(problems)} problem(s):", problems)
    implemented = sum(1 for i in catalogue if not i.planned)
    console.print(
        f"catalogue {catalogue.version}: {len(catalogue)} indicators, {implemented} "
        f"with detectors, {len(catalogue) - implemented} planned: OK",
        highlight=False,
    )


@catalogue_app.command("schema")
def catalogue_schema() -> None:
    """Print the catalogue's JSON Schema (an indicator file; `detector.params` typed per kind),
    for editors that validate YAML while it is typed (docs/catalogue.schema.json)."""
    from redflags.catalogue.json_schema import render_schema

    sys.stdout.write(render_schema(i.detector.kind for i in _load()))


@catalogue_app.command("reference")
def catalogue_reference(
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
) -> None:
    """Print (or write) the Markdown indicator reference generated from the YAML."""
    text = render_reference(_load())
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        console.print(f"wrote {out}", highlight=False)


@indicators_app.command("list")
def indicators_list(
    lang: Lang = "en",
    category: Annotated[Category | None, typer.Option(help="Only this category.")] = None,
    status: Annotated[Status | None, typer.Option(help="Only this status.")] = None,
) -> None:
    """List indicators with status, weight and detector."""
    lang = _check_lang(lang)
    table = Table(show_lines=False)
    table.add_column("id", no_wrap=True)  # ids are what people copy; never break them
    for column in ("title", "status", "weight", "detector"):
        table.add_column(column)
    for i in _load():
        if (category and i.category is not category) or (status and i.status is not status):
            continue
        shown = "[dim]planned[/]" if i.planned else i.status.value
        table.add_row(i.id, i.title.get(lang), shown, f"{i.weight:g}", i.detector.kind)
    console.print(table)


@indicators_app.command("show")
def indicators_show(indicator_id: str, lang: Lang = "en") -> None:
    """Everything about one indicator."""
    lang = _check_lang(lang)
    catalogue = _load()
    try:
        i = catalogue.get(indicator_id)
    except KeyError as exc:
        _fail(str(exc.args[0]))
    da = lang == "da"
    console.print(f"[bold]{i.id}[/] v{i.version} · {i.title.get(lang)}", highlight=False)
    console.print(
        f"Status: {i.status.value}"
        f"{' (planned: no detector yet)' if i.planned and not da else ''}"
        f"{' (planlagt: endnu ingen detektor)' if i.planned and da else ''} · "
        f"{i.category.value} · weight {i.weight:g} · origin {', '.join(i.origin)} · "
        f"data {', '.join(i.data_sources)}",
        highlight=False,
    )
    for label, text in (
        ("Description" if not da else "Beskrivelse", i.description.get(lang)),
        ("Rule" if not da else "Regel", i.rule.get(lang)),
    ):
        console.print(f"\n[bold]{label}[/]\n{text}", highlight=False)
    console.print(f"\n[bold]Detector[/] {i.detector.kind}", highlight=False)
    for key, value in i.detector.params.items():
        console.print(f"  {key}: {value}", highlight=False)
    flags = [
        name
        for name, on in (
            ("negative control", i.negative_control),
            ("requires human review", i.requires_human),
            ("fairness-sensitive (modifier only)", i.fairness_sensitive),
        )
        if on
    ]
    if flags:
        console.print("Flags: " + ", ".join(flags), highlight=False)
    if i.known_false_positives:
        console.print(
            "\n[bold]" + ("Known false positives" if not da else "Kendte falske positiver") + "[/]"
        )
        for fp in i.known_false_positives:
            console.print(f"  - {fp.get(lang)}", highlight=False)
    if i.sources:
        console.print("\n[bold]" + ("Sources" if not da else "Kilder") + "[/]")
        for source in i.sources:
            console.print(f"  - {source}", highlight=False, soft_wrap=True)


@app.command()
def checklist(
    format: Annotated[str, typer.Option("--format", help="md or html")] = "md",
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
) -> None:
    """A printable bilingual (English/Danish) checklist of the indicators a person can observe."""
    if format not in ("md", "html"):
        _fail(f"--format must be md or html, not {format!r}")
    catalogue = _load()
    text = render_html(catalogue) if format == "html" else render_markdown(catalogue)
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        console.print(f"wrote {out}", highlight=False)


if __name__ == "__main__":
    app()
