"""Deleting what finished scan jobs left on disk: their uploaded files (the raw data, with
identifiers in clear) and their redacted run folders, once they are older than the team keeps
them. The case store is not touched: cases, decisions, comments and the audit trail stay, and a
job's row stays (its state, counts and who ran it), marked as pruned in the audit trail.

An upload folder is kept while a job that is not finished reads it (a re-run reads the
original job's uploads); a re-run of a pruned job is refused with "the uploaded file … is gone"."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redflags.service.audit import Actor, record
from redflags.service.clock import aware, utcnow
from redflags.service.db.models import ScanJob
from redflags.service.scaninputs import runs_dir, uploads_dir
from redflags.service.scanjobs import FINISHED
from redflags.service.settings import ServiceSettings


@dataclass
class Pruned:
    jobs: list[str] = field(default_factory=list)  # whose folders were deleted
    kept_for: dict[str, list[str]] = field(default_factory=dict)  # upload job -> its readers
    bytes_freed: int = 0


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def prune_finished_jobs(
    session: Session, settings: ServiceSettings, older_than_days: int, actor: Actor
) -> Pruned:
    """Delete the uploads and run folders of jobs finished more than `older_than_days` ago."""
    cutoff = utcnow() - timedelta(days=older_than_days)
    jobs = list(session.scalars(select(ScanJob)))
    readers: dict[str, list[str]] = {}  # a job id -> unfinished jobs reading its uploads
    for job in jobs:
        if job.state not in FINISHED:
            for entry in job.inputs:
                if "upload" in entry:
                    readers.setdefault(str(entry["job"]), []).append(job.id)
    pruned = Pruned()
    for job in jobs:
        finished_at = aware(job.finished_at)
        if job.state not in FINISHED or finished_at is None or finished_at >= cutoff:
            continue
        folders = [runs_dir(settings, job.id)]
        if job.id in readers:
            pruned.kept_for[job.id] = sorted(set(readers[job.id]))
        else:
            folders.append(uploads_dir(settings, job.id))
        present = [f for f in folders if f.is_dir() and not f.is_symlink()]
        if not present:
            continue
        freed = sum(_size(f) for f in present)
        for folder in present:
            shutil.rmtree(folder)
        pruned.jobs.append(job.id)
        pruned.bytes_freed += freed
        record(
            session,
            actor,
            "scan.prune",
            "scan",
            job.id,
            details={"folders": [f.parent.name for f in present], "bytes": freed},
        )
    return pruned
