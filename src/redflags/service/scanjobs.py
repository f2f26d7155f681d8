"""Scan jobs in the case store: submitted, claimed by the runner, moved along, finished or failed.

A job's row is its whole state (the runner keeps nothing in memory that a restart would lose):
`queued` -> `running` -> `succeeded` | `failed`. Claiming is one conditional UPDATE, so two
runners never take the same job. A job found `running` or `queued` when the service starts
again was cut off: it is marked failed with CUT_OFF, and `rerun` makes a new job of it.

A cancelled job: `queued` -> `cancelled` at once; `running` -> `cancelling`, which the runner
sees within a second, ends the job's process and marks `cancelled`. Publication is one
transaction, so a cancelled scan has published all of its cases or none; one that finished
before the runner saw the request stays `succeeded` and says so."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from redflags.service.audit import SYSTEM, Actor, record
from redflags.service.clock import aware, utcnow
from redflags.service.db import Database
from redflags.service.db.models import ScanJob, User
from redflags.service.scaninputs import shown

CUT_OFF = "cut off by a restart; re-run it"
FINISHED = frozenset({"succeeded", "failed", "cancelled"})
STATES = ("queued", "running", "cancelling", "succeeded", "failed", "cancelled")
STAGE_CHARS = 32  # the stage column's width


class JobError(ValueError):
    """A job that does not exist (404) or cannot do what was asked now (409)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def new_job_id() -> str:
    return f"scan-{utcnow():%Y%m%d}-{secrets.token_hex(5)}"


def submit(
    session: Session,
    job_id: str,
    user_id: int,
    actor: Actor,
    inputs: list[dict[str, Any]],
    options: dict[str, Any],
    rerun_of: str | None = None,
) -> ScanJob:
    job = ScanJob(
        id=job_id,
        state="queued",
        created_by=user_id,
        created_at=utcnow(),
        inputs=inputs,
        options=options,
        rerun_of=rerun_of,
    )
    session.add(job)
    session.flush()
    details: dict[str, Any] = {"inputs": [shown(i) for i in inputs], "options": options}
    if rerun_of:
        details["rerun_of"] = rerun_of
    record(session, actor, "scan.submit", "scan", job_id, details=details)
    return job


def get_job(session: Session, job_id: str) -> ScanJob:
    job = session.get(ScanJob, job_id)
    if job is None:
        raise JobError(404, f"no scan job {job_id!r}")
    return job


def rerun(session: Session, job_id: str, user_id: int, actor: Actor) -> ScanJob:
    """A finished job's inputs and options as a new job (its `rerun_of` names the old one)."""
    old = get_job(session, job_id)
    if old.state not in FINISHED:
        raise JobError(409, f"scan job {job_id} is {old.state}; re-run it when it has finished")
    return submit(
        session, new_job_id(), user_id, actor, list(old.inputs), dict(old.options), old.id
    )


def request_cancel(session: Session, job_id: str, actor: Actor) -> ScanJob:
    """Cancel a queued job now, or ask the runner to end a running one (409 when finished)."""
    job = get_job(session, job_id)
    was = job.state
    if was in FINISHED:
        raise JobError(409, f"scan job {job_id} is {was} already")
    if was == "queued":
        job.state, job.finished_at = "cancelled", utcnow()
        job.message = f"cancelled by {actor.name} before it started"
    elif was == "running":
        job.state = "cancelling"
    record(session, actor, "scan.cancel", "scan", job_id, details={"was": was})
    return job


def list_jobs(
    session: Session, limit: int, offset: int, state: str | None = None
) -> tuple[int, list[tuple[ScanJob, str]]]:
    """(total, [(job, submitter's user name)]) newest first."""
    query = select(ScanJob, User.username).join(User, User.id == ScanJob.created_by)
    if state is not None:
        query = query.where(ScanJob.state == state)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.execute(
        query.order_by(ScanJob.created_at.desc(), ScanJob.id.desc()).limit(limit).offset(offset)
    )
    return total, [(job, name) for job, name in rows]


def job_view(job: ScanJob, submitter: str) -> dict[str, Any]:
    return {
        "id": job.id,
        "state": job.state,
        "stage": job.stage,
        "progress": round(job.progress, 3),
        "message": job.message,
        "created_by": submitter,
        "created_at": aware(job.created_at),
        "started_at": aware(job.started_at),
        "finished_at": aware(job.finished_at),
        "inputs": [shown(i) for i in job.inputs],
        "options": job.options,
        "run_id": job.run_id,
        "counts": job.counts,
        "rerun_of": job.rerun_of,
    }


def submitter_of(session: Session, job: ScanJob) -> str:
    return session.scalar(select(User.username).where(User.id == job.created_by)) or "?"


# -- the runner's side ---------------------------------------------------------------------------


def claim_next(db: Database) -> str | None:
    """Take the oldest queued job (now `running`), or None when there is none."""
    with db.read() as session:  # polled: the write lock only when there is something to take
        job_id = session.scalar(
            select(ScanJob.id)
            .where(ScanJob.state == "queued")
            .order_by(ScanJob.created_at, ScanJob.id)
            .limit(1)
        )
    if job_id is None:
        return None
    with db.write() as session:
        claimed = session.execute(
            update(ScanJob)
            .where(ScanJob.id == job_id, ScanJob.state == "queued")
            .values(state="running", started_at=utcnow(), stage="starting", progress=0.0)
        )
        return job_id if claimed.rowcount == 1 else None  # type: ignore[attr-defined]


def set_progress(db: Database, job_id: str, stage: str, progress: float) -> None:
    with db.write() as session:
        session.execute(
            update(ScanJob)
            .where(ScanJob.id == job_id, ScanJob.state == "running")
            .values(stage=stage[:STAGE_CHARS], progress=min(max(progress, 0.0), 1.0))
        )


def succeed(db: Database, job_id: str, run_id: str, counts: dict[str, Any], actor: Actor) -> None:
    with db.write() as session:
        job = get_job(session, job_id)
        if job.state not in ("running", "cancelling"):  # failed meanwhile (cut off): it stays so
            return
        late_cancel = job.state == "cancelling"  # published already: say so, do not hide it
        job.state, job.stage, job.progress = "succeeded", "done", 1.0
        job.finished_at, job.run_id, job.counts = utcnow(), run_id, counts
        job.message = (
            f"{counts.get('new', 0)} new, {counts.get('changed', 0)} changed, "
            f"{counts.get('unchanged', 0)} unchanged case(s)"
        ) + ("; it had finished when the cancel came" if late_cancel else "")
        record(session, actor, "scan.finish", "scan", job_id, details={"run_id": run_id, **counts})


def fail(
    db: Database,
    job_id: str,
    message: str,
    actor: Actor = SYSTEM,
    only_if: Sequence[str] = ("queued", "running"),
) -> bool:
    """Mark the job failed with `message` if it is still in one of `only_if`; True if it was."""
    with db.write() as session:
        job = session.get(ScanJob, job_id)
        if job is None or job.state not in only_if:
            return False
        job.state, job.message, job.finished_at = "failed", message[:2000], utcnow()
        record(
            session, actor, "scan.fail", "scan", job_id, ok=False, details={"message": job.message}
        )
        return True


def cancel_requested(db: Database, job_id: str) -> bool:
    with db.read() as session:
        return session.scalar(select(ScanJob.state).where(ScanJob.id == job_id)) == "cancelling"


def finish_cancel(db: Database, job_id: str, message: str = "cancelled while it ran") -> bool:
    """Mark a `cancelling` job `cancelled` (its process has ended); True if it was."""
    with db.write() as session:
        job = session.get(ScanJob, job_id)
        if job is None or job.state != "cancelling":
            return False
        job.state, job.message, job.finished_at = "cancelled", message, utcnow()
        record(session, SYSTEM, "scan.cancelled", "scan", job_id, details={"message": message})
        return True


def fail_cut_off(db: Database, states: Sequence[str]) -> list[str]:
    """Every job in `states` marked failed as cut off (no process runs it any more)."""
    with db.read() as session:
        ids = list(session.scalars(select(ScanJob.id).where(ScanJob.state.in_(states))))
    return [job_id for job_id in ids if fail(db, job_id, CUT_OFF, only_if=states)]
