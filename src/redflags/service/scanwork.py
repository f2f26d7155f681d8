"""One scan job, run in a process of its own (the runner starts it): the scan with progress
written to the job's row, then publication into the case store.

The job keeps its records in the service's record store (`<state dir>/records.duckdb`), which
filing and online scoring read; one job runs at a time, so no two scans write it at once. The
case store keeps what the cases need (their JSON and quoted texts). The run folder with the
redacted report stays under `<state dir>/runs/<job id>/`.

A problem with the data ends the job `failed` with the one line the command line would print;
a bug ends it with "internal error" and an id, and the traceback goes to the service's log
only."""

from __future__ import annotations

import ctypes
import logging
import os
import secrets
import signal
import sys
import time
from typing import Any

from redflags.problems import problem_line
from redflags.service.audit import Actor
from redflags.service.db import Database, open_database
from redflags.service.keys import load_or_create_key
from redflags.service.publish import publish_scan
from redflags.service.scaninputs import InputRefused, input_paths, readable, runs_dir
from redflags.service.scanjobs import fail, get_job, set_progress, submitter_of, succeed
from redflags.service.settings import ServiceSettings
from redflags.settings import DEFAULT_MODEL

log = logging.getLogger("redflags.service")
WRITE_EVERY_SECONDS = 1.0
PR_SET_PDEATHSIG = 1  # linux/prctl.h

# Where each stage of a scan starts and ends on the job's 0..1 progress (stage names are those
# the pipeline gives its Progress; ingest stages are named per source).
_SPANS = (
    ("ingest", 0.02, 0.30),
    ("start Spark", 0.30, 0.30),
    ("evaluate", 0.30, 0.80),
    ("link", 0.80, 0.88),
    ("write report", 0.88, 0.95),
    ("publish", 0.95, 1.0),
)


class JobProgress:
    """The pipeline's Progress, written to the job's row at most once a second."""

    def __init__(self, db: Database, job_id: str) -> None:
        self.db, self.job_id = db, job_id
        self.name, self.start, self.end = "starting", 0.0, 0.02
        self.total: int | None = None
        self.done = 0
        self.written_at = 0.0

    def stage(self, name: str, total: int | None = None) -> None:
        span = next(((s, e) for p, s, e in _SPANS if name.startswith(p)), None)
        start, end = span or (self.end, self.end)
        if name.startswith("ingest") and self.name.startswith("ingest"):
            start = min(self.fraction() + 0.02, end)  # one more source read
        self.name, self.start, self.end = name, start, end
        self.total, self.done = total, 0
        self._write(force=False)

    def advance(self, amount: int = 1) -> None:
        self.done += amount
        self._write(force=False)

    def note(self, message: str) -> None:
        pass  # summaries of what was read: the job's counts say it at the end

    def fraction(self) -> float:
        within = min(self.done / self.total, 1.0) if self.total else 0.0
        return self.start + (self.end - self.start) * within

    def _write(self, force: bool) -> None:
        now = time.monotonic()
        if force or now - self.written_at >= WRITE_EVERY_SECONDS:
            self.written_at = now
            set_progress(self.db, self.job_id, self.name, self.fraction())


def _end_with_parent(parent_pid: int) -> None:
    """Linux: this process is killed when the service process dies, however it dies (a job
    left running by a killed service must not go on publishing behind its restarted self)."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before prctl took effect
        os._exit(1)


def run_job(settings_values: dict[str, Any], job_id: str, parent_pid: int) -> None:
    """The job process's entry point (spawned: it gets the settings as plain values)."""
    _end_with_parent(parent_pid)
    logging.basicConfig(level=logging.INFO)
    settings = ServiceSettings(**settings_values)
    db = open_database(settings.database)
    try:
        execute(settings, db, job_id)
    finally:
        db.dispose()


def execute(settings: ServiceSettings, db: Database, job_id: str) -> None:
    from redflags.pipeline import ScanOptions, run_scan  # the job process's heavy import

    with db.read() as session:
        job = get_job(session, job_id)
        actor = Actor(submitter_of(session, job)[:64])
        inputs, options = list(job.inputs), dict(job.options)
    paths = []
    try:
        paths = input_paths(settings, inputs)
        key = load_or_create_key(settings.key_file)
        progress = JobProgress(db, job_id)
        scan_options = ScanOptions(
            out=runs_dir(settings, job_id),
            lang=options.get("lang", "en"),
            region=options.get("region") or settings.region,
            model=options.get("model") or DEFAULT_MODEL,
            redaction_key=key,  # the run folder's files: redacted with the installation's key
            db=settings.records_db,  # kept: filing and online matching read the records
        )
        result = run_scan(paths, scan_options, progress)
        progress.stage("publish")
        published = publish_scan(db, key, result, actor)
    except InputRefused as exc:
        fail(db, job_id, str(exc), actor)
        return
    except Exception as exc:
        line = problem_line(exc)
        if line is None:
            error_id = secrets.token_hex(6)
            log.error("scan job %s: internal error %s", job_id, error_id, exc_info=exc)
            line = f"internal error ({type(exc).__name__}); the service's log names it {error_id}"
        fail(db, job_id, readable(line, settings, paths), actor)
        return
    counts = {k: v for k, v in published.as_dict().items() if k not in ("cases", "run_id")}
    counts["findings"] = len(result.findings)
    counts["read"] = sum(r.read for r in result.ingest)
    counts["quarantined"] = sum(r.quarantined for r in result.ingest)
    succeed(db, job_id, result.run_id, counts, actor)
