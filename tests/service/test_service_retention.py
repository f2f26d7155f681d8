"""`redflags service prune`: the uploads and run folders of jobs finished long enough ago are
deleted and audited; recent jobs, unfinished ones, uploads a pending re-run reads, and the case
store's rows stay."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from redflags.cli import app as cli
from redflags.service.audit import SYSTEM, verify
from redflags.service.clock import utcnow
from redflags.service.db import open_database
from redflags.service.db.migrate import upgrade
from redflags.service.db.models import AuditEvent, ScanJob
from redflags.service.roles import Role
from redflags.service.scaninputs import InputRefused, input_paths, runs_dir, uploads_dir
from redflags.service.settings import ServiceSettings
from redflags.service.users import add_user


def _job(job_id: str, state: str, user_id: int, days_ago: int | None, reads: str = "") -> ScanJob:
    finished = utcnow() - timedelta(days=days_ago) if days_ago is not None else None
    return ScanJob(
        id=job_id,
        state=state,
        created_by=user_id,
        created_at=utcnow() - timedelta(days=90),
        finished_at=finished,
        inputs=[{"upload": "ads.csv", "job": reads or job_id}],
        options={},
    )


def _folders(settings: ServiceSettings, job_id: str) -> list[Path]:
    folders = [uploads_dir(settings, job_id), runs_dir(settings, job_id)]
    for folder in folders:
        folder.mkdir(parents=True)
        (folder / "ads.csv").write_text("ad_id,body\nA1,x\n", encoding="utf-8")
    return folders


def test_prune_deletes_only_what_is_old_finished_and_unread(settings: ServiceSettings) -> None:
    db = open_database(settings.database)
    upgrade(db)
    with db.write() as session:
        user = add_user(session, "analyst", Role.analyst, None, SYSTEM)
        session.add_all(
            [
                _job("old-done", "succeeded", user.id, days_ago=45),
                _job("old-cancelled", "cancelled", user.id, days_ago=31),
                _job("old-read-again", "failed", user.id, days_ago=40),
                _job("rerun-queued", "queued", user.id, None, reads="old-read-again"),
                _job("recent", "succeeded", user.id, days_ago=3),
                _job("running", "running", user.id, None),
            ]
        )
    folders = {j: _folders(settings, j) for j in ("old-done", "old-cancelled", "old-read-again")}
    folders |= {j: _folders(settings, j) for j in ("recent", "running")}
    db.dispose()

    arguments = ["service", "prune", "--older-than", "30", "--database", settings.database]
    arguments += ["--state-dir", str(settings.state_dir)]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    assert "pruned 3 finished jobs" in result.output
    assert "kept the uploads of old-read-again: rerun-queued" in result.output

    gone = [*folders["old-done"], *folders["old-cancelled"]]
    assert not any(f.exists() for f in gone)
    uploads, run = folders["old-read-again"]
    assert uploads.is_dir() and not run.exists()  # a pending re-run still reads the uploads
    assert all(f.is_dir() for j in ("recent", "running") for f in folders[j])

    db = open_database(settings.database)
    try:
        with db.read() as session:
            assert len(list(session.scalars(select(ScanJob)))) == 6  # rows stay
            pruned = session.scalars(
                select(AuditEvent.target_id).where(AuditEvent.action == "scan.prune")
            )
            assert sorted(pruned) == ["old-cancelled", "old-done", "old-read-again"]
            assert verify(session).ok
            job = session.get(ScanJob, "old-done")
            assert job is not None
            with pytest.raises(InputRefused, match="is gone"):
                input_paths(settings, list(job.inputs))
    finally:
        db.dispose()
