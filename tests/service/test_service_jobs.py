"""Scan jobs: submitted by path under the data root or by upload, run in the background,
published into the case store; refused inputs, failures with the command line's one line, a
restart that cuts a job off, re-runs."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from redflags.service.api import create_app
from redflags.service.audit import SYSTEM, verify
from redflags.service.clock import utcnow
from redflags.service.db import open_database
from redflags.service.db.migrate import upgrade
from redflags.service.db.models import AuditEvent, CaseRow, ScanJob
from redflags.service.roles import Role
from redflags.service.scanjobs import CUT_OFF
from redflags.service.settings import ServiceSettings
from redflags.service.users import add_user

from .conftest import Service

SCANS = "/api/v1/scans"
WAIT_SECONDS = 300  # a generous bound for a loaded machine, not a speed target
TRANSACTIONS = "txn_id,ts,payer,payee,amount,channel\nT1,2026-01-01T10:00:00Z,a,b,100,p2p\n"


def wait_for(service: Service, headers: dict[str, str], job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job: dict[str, Any] = service.client.get(f"{SCANS}/{job_id}", headers=headers).json()
        if job["state"] in ("succeeded", "failed"):
            return job
        time.sleep(0.3)
    pytest.fail(f"scan job {job_id} did not finish in {WAIT_SECONDS} s")


def actions(service: Service, job_id: str) -> list[str]:
    with service.db.read() as session:
        return list(
            session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.target_id == job_id)
                .order_by(AuditEvent.id)
            )
        )


def test_a_scan_of_a_folder_under_the_data_root_publishes_its_cases(
    service: Service, as_role: Callable[[Role], dict[str, str]], thin_world: Path
) -> None:
    root = service.settings.data_root
    assert root is not None
    shutil.copytree(thin_world, root / "world")  # every typology: cases, at a third of the rows
    analyst = as_role(Role.analyst)
    answer = service.client.post(SCANS, json={"paths": ["world"], "region": "dk"}, headers=analyst)
    assert answer.status_code == 202, answer.text
    queued = answer.json()
    assert queued["state"] == "queued" and queued["inputs"] == ["world"]
    assert queued["options"] == {"region": "DK", "lang": "en"}

    job = wait_for(service, analyst, queued["id"])
    assert job["state"] == "succeeded", job["message"]
    assert job["progress"] == 1.0 and job["stage"] == "done" and job["run_id"]
    counts = job["counts"]
    assert counts["new"] > 0 and counts["changed"] == counts["unchanged"] == 0
    assert counts["findings"] > 0 and counts["quarantined"] == 0
    with service.db.read() as session:
        stored = session.scalar(select(func.count()).select_from(CaseRow))
        assert stored == counts["new"]
        assert verify(session).ok
    assert actions(service, queued["id"]) == ["scan.submit", "scan.finish"]
    # the redacted run folder stays with the job; the raw records are in the record store
    run = service.settings.state_dir / "runs" / queued["id"]
    assert (run / "cases.json").is_file()
    assert not list(run.rglob("*.duckdb"))

    listed = service.client.get(SCANS, params={"state": "succeeded"}, headers=analyst).json()
    assert listed["total"] == 1 and listed["items"][0]["id"] == queued["id"]


def test_paths_outside_the_data_root_are_refused(
    service: Service, as_role: Callable[[Role], dict[str, str]], tmp_path: Path
) -> None:
    root = service.settings.data_root
    assert root is not None
    root.mkdir()
    (root / "inside.csv").write_text(TRANSACTIONS, encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "transactions.csv").write_text(TRANSACTIONS, encoding="utf-8")
    (root / "link").symlink_to(outside)
    analyst = as_role(Role.analyst)
    for path, status in (
        ("../outside", 403),
        (str(outside), 403),
        ("link/transactions.csv", 403),  # a symlink is followed before the check
        ("/etc/passwd", 403),
        ("missing.csv", 422),
        ("", 422),
    ):
        answer = service.client.post(SCANS, json={"paths": [path]}, headers=analyst)
        assert answer.status_code == status, (path, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
    for body in ({"paths": []}, {"paths": ["inside.csv"], "region": "XX"}, {"paths": "x"}):
        assert service.client.post(SCANS, json=body, headers=analyst).status_code == 422
    # without a data root, no path is taken at all
    state = service.app.state.service
    state.settings = state.settings.model_copy(update={"data_root": None})
    answer = service.client.post(SCANS, json={"paths": ["inside.csv"]}, headers=analyst)
    assert answer.status_code == 403
    with service.db.read() as session:
        assert session.scalar(select(func.count()).select_from(ScanJob)) == 0


def test_an_upload_keeps_only_base_names_inside_its_folder(
    service: Service, as_role: Callable[[Role], dict[str, str]], tmp_path: Path
) -> None:
    analyst = as_role(Role.analyst)
    hostile = "../../../escaped/transactions.csv"
    answer = service.client.post(
        SCANS, files=[("files", (hostile, TRANSACTIONS.encode()))], headers=analyst
    )
    assert answer.status_code == 202, answer.text
    job = answer.json()
    assert job["inputs"] == ["upload:transactions.csv"]
    folder = service.settings.state_dir / "uploads" / job["id"]
    assert [p.name for p in folder.iterdir()] == ["transactions.csv"]
    assert not list(tmp_path.rglob("escaped"))
    done = wait_for(service, analyst, job["id"])
    assert done["state"] == "succeeded", done["message"]
    assert done["counts"]["read"] == 1

    for files, status in (
        ([("files", ("..", b"x"))], 422),
        ([("files", (".hidden.csv", b"x"))], 422),
        ([("files", ("C:\\x\\ads.csv", b"a")), ("files", ("a/ads.csv", b"b"))], 422),
        ([("other", ("ads.csv", b"x"))], 422),
    ):
        refused = service.client.post(SCANS, files=files, headers=analyst)
        assert refused.status_code == status, (files, refused.text)
    assert service.client.post(SCANS, content=b"x", headers=analyst).status_code == 415
    state = service.app.state.service
    state.settings = state.settings.model_copy(update={"max_upload_mb": 1})
    big = service.client.post(
        SCANS, files=[("files", ("ads.csv", b"x" * (1 << 20)))], headers=analyst
    )
    assert big.status_code == 413
    uploads = sorted(p.name for p in (service.settings.state_dir / "uploads").iterdir())
    assert uploads == [job["id"]]  # refused uploads leave nothing behind


def test_a_bad_file_fails_the_job_with_one_line_and_a_rerun_runs_it_again(
    service: Service, as_role: Callable[[Role], dict[str, str]]
) -> None:
    analyst = as_role(Role.analyst)
    answer = service.client.post(
        SCANS, files=[("files", ("ads.parquet", b"this is not parquet"))], headers=analyst
    )
    assert answer.status_code == 202, answer.text
    job_id = answer.json()["id"]
    # a job that has not finished is not re-run
    assert service.client.post(f"{SCANS}/{job_id}/rerun", headers=analyst).status_code == 409
    failed = wait_for(service, analyst, job_id)
    assert failed["state"] == "failed"
    message = failed["message"]
    assert message.startswith("ads.parquet: ") and "\n" not in message
    assert "Traceback" not in message and str(service.settings.state_dir) not in message
    assert actions(service, job_id) == ["scan.submit", "scan.fail"]

    again = service.client.post(f"{SCANS}/{job_id}/rerun", headers=analyst)
    assert again.status_code == 202, again.text
    assert again.json()["rerun_of"] == job_id and again.json()["id"] != job_id
    rerun = wait_for(service, analyst, again.json()["id"])
    assert rerun["state"] == "failed" and rerun["message"] == message
    assert service.client.post(f"{SCANS}/nope/rerun", headers=analyst).status_code == 404
    assert service.client.get(f"{SCANS}/nope", headers=analyst).status_code == 404


def _job(job_id: str, state: str, user_id: int) -> ScanJob:
    return ScanJob(
        id=job_id,
        state=state,
        created_by=user_id,
        created_at=utcnow(),
        inputs=[{"path": "x"}],
        options={},
    )


def test_a_restart_fails_the_jobs_it_cut_off(settings: ServiceSettings) -> None:
    db = open_database(settings.database)
    upgrade(db)
    with db.write() as session:
        user = add_user(session, "analyst", Role.analyst, None, SYSTEM)
        session.add_all(
            [
                _job("was-running", "running", user.id),
                _job("was-queued", "queued", user.id),
                _job("had-finished", "succeeded", user.id),
            ]
        )
    db.dispose()
    with TestClient(create_app(settings)) as client:
        state = client.app.state.service  # type: ignore[attr-defined]
        with state.db.read() as session:
            jobs = {j.id: j for j in session.scalars(select(ScanJob))}
            assert jobs["was-running"].state == jobs["was-queued"].state == "failed"
            assert jobs["was-running"].message == CUT_OFF
            assert jobs["had-finished"].state == "succeeded"
            cut = session.scalars(
                select(AuditEvent.target_id).where(AuditEvent.action == "scan.fail")
            )
            assert sorted(cut) == ["was-queued", "was-running"]


def test_a_second_worker_process_leaves_the_running_job_to_the_first(
    settings: ServiceSettings,
) -> None:
    """Two service processes on one state folder: only the lock holder runs jobs, so a newcomer
    does not take the other's running job for cut off; when the holder stops, it takes over."""
    first: TestClient | None = TestClient(create_app(settings))
    assert first is not None
    first.__enter__()
    try:
        with first.app.state.service.db.write() as session:  # type: ignore[attr-defined]
            user = add_user(session, "analyst", Role.analyst, None, SYSTEM)
            session.add(_job("running-elsewhere", "running", user.id))
        with TestClient(create_app(settings)) as second:
            state = second.app.state.service  # type: ignore[attr-defined]
            runner = state.extras["scan_runner"]
            assert not runner.is_runner
            with state.db.read() as session:
                assert session.get(ScanJob, "running-elsewhere").state == "running"
            first.__exit__(None, None, None)  # the first process stops
            first = None
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with state.db.read() as session:
                    job = session.get(ScanJob, "running-elsewhere")
                    seen = (job.state, job.message)
                if seen[0] == "failed":
                    break
                time.sleep(0.2)
            assert runner.is_runner
            assert seen == ("failed", CUT_OFF)
    finally:
        if first is not None:
            first.__exit__(None, None, None)
