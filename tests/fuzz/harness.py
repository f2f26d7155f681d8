"""Run one corpus case through `redflags ingest` and hold its outcome to the contract.

The contract (issue #11, docs/data.md, docs/security.md):
- a file that cannot be read stops with exit code 1 and ONE line `error: <file>: <what>`, no
  traceback, nothing stored;
- otherwise exit code 0, and `read = stored + quarantined` per file, where "stored" is really in
  the store (its tables are counted) and every quarantined row is in the `quarantine` table;
- nothing of the input reaches the terminal as a control sequence, nothing is written outside
  the case's own folder, and every case ends in bounded time (and, for the big ones, memory).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from typer.testing import CliRunner

from redflags.cli import app
from redflags.model.records import KIND_TABLES
from redflags.store import Store

Expect = Literal["error", "accept", "either"]
Runs = Sequence[Sequence[Path]]

CASE_SECONDS = 20.0  # wall-clock bound of one in-process case
ISOLATED_SECONDS = 20.0  # bound of one isolated (subprocess) case, imports included
ISOLATED_MEMORY = 2560 * 2**20  # RLIMIT_AS of an isolated case; the CLI alone maps ~1.1 GB

# Wide enough that rich never wraps a summary line: the harness parses them.
WIDE = {"COLUMNS": "100000"}
_SUMMARY = re.compile(
    r": read (\d+) = stored (\d+) \(new (\d+), updated (\d+), already stored (\d+)\) "
    r"\+ quarantined (\d+)$"
)
_SKIPPED_FILE = re.compile(r": skipped, the same content was already ingested for ")
# The grouped quarantine reasons printed after the summaries (counts checked against the store).
_QUARANTINE_GROUP = re.compile(r"^quarantined \d+ row\(s\) in .+: \d+ × ")
# Terminal control characters that no input may smuggle onto the analyst's screen.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")


@dataclass(frozen=True)
class Case:
    """One malformed input and the outcome the contract promises for it."""

    id: str
    klass: str
    build: Callable[[Path], Runs]  # writes the input under a folder; the paths of each run
    expect: Expect
    read: int | None = None  # totals over all runs, when the case pins them
    stored: int | None = None
    quarantined: int | None = None
    quarantine_lines: tuple[int, ...] = ()  # lines that must be in quarantine
    mentions: tuple[str, ...] = ()  # text the output must contain (e.g. a line number)
    forbidden: tuple[str, ...] = ()  # absolute paths that must not exist afterwards
    isolated: bool = False  # run in a subprocess under a memory limit and a timeout
    check: Callable[[Store], None] | None = None  # more about what is in the store


@dataclass
class RunResult:
    exit_code: int
    output: str
    crash: str | None  # an exception that escaped the CLI, or a signal that killed it
    seconds: float


@dataclass
class Tally:
    """Which cases held the contract, for "tried N, held M"."""

    held: dict[str, bool] = field(default_factory=dict)

    def record(self, case_id: str, ok: bool) -> None:
        self.held[case_id] = ok

    def summary(self) -> str:
        failed = sorted(k for k, ok in self.held.items() if not ok)
        text = f"tried {len(self.held)}, held {len(self.held) - len(failed)}"
        return text + (f"; failed: {', '.join(failed)}" if failed else "")


TALLY = Tally()


class ContractBroken(AssertionError):
    pass


def invoke(args: Sequence[str], *, isolated: bool = False, cwd: Path | None = None) -> RunResult:
    """Run the `redflags` CLI with `args`: in process, or in a bounded subprocess."""
    start = time.monotonic()
    if not isolated:
        result = CliRunner().invoke(app, list(args), env=WIDE)
        crash = None
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            crash = f"{type(result.exception).__name__}: {result.exception}"
        return RunResult(result.exit_code, result.output, crash, time.monotonic() - start)
    script = (
        "import json, resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({ISOLATED_MEMORY}, {ISOLATED_MEMORY}))\n"
        "from typer.testing import CliRunner\n"
        "from redflags.cli import app\n"
        "r = CliRunner().invoke(app, sys.argv[1:])\n"
        "e = r.exception\n"
        "crash = None if e is None or isinstance(e, SystemExit) else f'{type(e).__name__}: {e}'\n"
        "sys.__stdout__.write(json.dumps({'code': r.exit_code, 'out': r.output, 'crash': crash}))\n"
    )
    env = {**os.environ, **WIDE}
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    try:
        done = subprocess.run(
            [sys.executable, "-c", script, *args],
            capture_output=True,
            timeout=ISOLATED_SECONDS,
            env=env,
            cwd=cwd,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return RunResult(-1, "", f"timed out after {ISOLATED_SECONDS:.0f} s", ISOLATED_SECONDS)
    seconds = time.monotonic() - start
    if done.returncode != 0:
        tail = done.stderr.decode(errors="replace")[-300:]
        return RunResult(-1, "", f"died with code {done.returncode}: {tail}", seconds)
    report = json.loads(done.stdout)
    return RunResult(report["code"], report["out"], report["crash"], seconds)


def _fail(message: str) -> None:
    raise ContractBroken(message)


def check_one_line_error(output: str, where: str = "") -> str:
    """The output of a failed command: one `error:` line, nothing else but earlier summaries."""
    lines = [line for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("error:")]
    if len(errors) != 1:
        _fail(f"{where}expected exactly one line starting 'error:', got: {output!r}")
    others = [line for line in lines if not line.startswith("error:") and not _summary_line(line)]
    if others:
        _fail(f"{where}the error is not one line; extra lines: {others!r}")
    return errors[0]


def _summary_line(line: str) -> bool:
    return bool(
        _SUMMARY.search(line)
        or _SKIPPED_FILE.search(line)
        or _QUARANTINE_GROUP.search(line)
        or line.startswith("skipped ")
        or line.startswith("note: ")  # unknown merchant categories (ingest/categories.py)
    )


def check_clean_output(run: RunResult, where: str = "") -> None:
    """Common to every run: no escaped exception, no traceback, no terminal control sequence."""
    if run.crash is not None:
        _fail(f"{where}crashed: {run.crash}\noutput: {run.output[-500:]!r}")
    if "Traceback" in run.output:
        _fail(f"{where}a traceback reached the user: {run.output[-500:]!r}")
    if run.exit_code not in (0, 1):
        _fail(f"{where}exit code {run.exit_code}")
    if match := _CONTROL.search(run.output):
        _fail(f"{where}control character {match.group()!r} in the output: {run.output[:300]!r}")


@dataclass
class Totals:
    read: int = 0
    stored: int = 0
    new: int = 0
    quarantined: int = 0


def summed(output: str) -> Totals:
    totals = Totals()
    for line in output.splitlines():
        if match := _SUMMARY.search(line):
            read, stored, new, _, _, quarantined = map(int, match.groups())
            totals.read += read
            totals.stored += stored
            totals.new += new
            totals.quarantined += quarantined
    return totals


def store_counts(db: Path) -> tuple[int, int, list[tuple[int | None, str]]]:
    """(records over all kind tables, quarantine rows, [(line, reason)]) really in the store."""
    if not db.exists():
        return 0, 0, []
    with Store.open(db, read_only=True) as store:
        records = sum(store.count(kind) for kind in KIND_TABLES)
        quarantine = store.connection.execute(
            "SELECT _line, reason FROM quarantine ORDER BY _line"
        ).fetchall()
    return records, len(quarantine), [(line, reason) for line, reason in quarantine]


def run_case(case: Case, root: Path) -> None:
    """Build the case under `root`, ingest it, and check the contract. Raises ContractBroken."""
    data = root / "in"
    data.mkdir(parents=True, exist_ok=True)
    db = root / "store" / "s.duckdb"
    db.parent.mkdir(exist_ok=True)
    cwd = root / "cwd"  # nothing may appear here: the CLI must not write beside itself
    cwd.mkdir(exist_ok=True)
    runs = case.build(data)
    totals = Totals()
    errored = False
    before = os.getcwd()
    os.chdir(cwd)
    try:
        for number, paths in enumerate(runs, start=1):
            where = f"run {number}: "
            run = invoke(
                ["ingest", *map(str, paths), "--db", str(db)], isolated=case.isolated, cwd=cwd
            )
            check_clean_output(run, where)
            limit = ISOLATED_SECONDS if case.isolated else CASE_SECONDS
            if run.seconds > limit:
                _fail(f"{where}took {run.seconds:.1f} s (limit {limit:.0f} s)")
            if case.expect == "error" and run.exit_code != 1:
                _fail(f"{where}expected a one-line error, got exit 0: {run.output[-400:]!r}")
            if case.expect == "accept" and run.exit_code != 0:
                _fail(f"{where}expected the input accepted, got: {run.output[-400:]!r}")
            if run.exit_code == 1:
                check_one_line_error(run.output, where)
                errored = True
            else:
                for line in run.output.splitlines():
                    if line.strip() and not _summary_line(line):
                        _fail(f"{where}unexpected output line {line!r}")
            this = summed(run.output)
            totals.read += this.read
            totals.stored += this.stored
            totals.new += this.new
            totals.quarantined += this.quarantined
            for text in case.mentions:
                if text not in run.output:
                    _fail(f"{where}output does not mention {text!r}: {run.output[-400:]!r}")
    finally:
        os.chdir(before)
    _check_store(case, db, totals, errored)
    for path in case.forbidden:
        if Path(path).exists():
            _fail(f"the input made the CLI write {path}")
    stray = sorted(p.name for p in cwd.iterdir())
    if stray:
        _fail(f"the CLI wrote into its working folder: {stray}")


def _check_store(case: Case, db: Path, totals: Totals, errored: bool) -> None:
    if totals.read != totals.stored + totals.quarantined:
        _fail(f"printed counts do not reconcile: {totals}")
    records, quarantined, entries = store_counts(db)
    if records != totals.new:
        _fail(f"printed {totals.new} new record(s) but the store holds {records}")
    if quarantined != totals.quarantined:
        _fail(f"printed {totals.quarantined} quarantined but the store holds {quarantined}")
    if errored and case.expect == "either":
        return  # refused as a whole file: the row expectations are about acceptance
    for name, want in (
        ("read", case.read),
        ("stored", case.stored),
        ("quarantined", case.quarantined),
    ):
        if want is not None and getattr(totals, name) != want:
            _fail(f"{name} {getattr(totals, name)}, the case expects {want}; {totals}")
    lines = {line for line, _ in entries}
    missing = [n for n in case.quarantine_lines if n not in lines]
    if missing:
        _fail(f"no quarantine entry for line(s) {missing}; quarantine holds {entries}")
    if case.check is not None and db.exists():
        with Store.open(db, read_only=True) as store:
            case.check(store)
