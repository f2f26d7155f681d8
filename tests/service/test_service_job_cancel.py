"""Cancelling scan jobs: a queued job at once, a running one by ending its process (nothing
published); only its submitter or a reviewer may; a finished one cannot be, but re-runs."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import func, select

from redflags.service.audit import verify
from redflags.service.db.models import CaseRow
from redflags.service.roles import Role

from .conftest import Service
from .test_service_jobs import SCANS, actions

WAIT_SECONDS = 120  # a bound for a loaded machine, not a speed target


def _wait_state(service: Service, headers: dict[str, str], job_id: str, *states: str) -> dict:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job: dict[str, Any] = service.client.get(f"{SCANS}/{job_id}", headers=headers).json()
        if job["state"] in states:
            return job
        time.sleep(0.2)
    pytest.fail(f"scan job {job_id} did not reach {states} in {WAIT_SECONDS} s")


def test_a_running_scan_is_ended_and_a_queued_one_cancelled_at_once(
    service: Service, as_role: Callable[[Role], dict[str, str]]
) -> None:
    root = service.settings.data_root
    assert root is not None
    (root / "stuck").mkdir(parents=True)
    # a named pipe nobody writes: the job's reader waits on it until its process is ended
    os.mkfifo(root / "stuck" / "transactions.csv")
    analyst = as_role(Role.analyst)
    running = service.client.post(SCANS, json={"paths": ["stuck"]}, headers=analyst).json()["id"]
    _wait_state(service, analyst, running, "running")
    # one job runs at a time: the second waits in the queue
    queued = service.client.post(SCANS, json={"paths": ["stuck"]}, headers=analyst).json()["id"]

    another_analyst, viewer = as_role(Role.analyst), as_role(Role.viewer)
    for headers in (another_analyst, viewer):
        for job_id in (running, queued):
            refused = service.client.post(f"{SCANS}/{job_id}/cancel", headers=headers)
            assert refused.status_code == 403, refused.text
    assert service.client.post(f"{SCANS}/nope/cancel", headers=analyst).status_code == 404

    answer = service.client.post(f"{SCANS}/{queued}/cancel", headers=as_role(Role.reviewer))
    assert answer.status_code == 202, answer.text
    assert answer.json()["state"] == "cancelled"
    assert "before it started" in answer.json()["message"]
    assert actions(service, queued) == ["scan.submit", "scan.cancel"]

    answer = service.client.post(f"{SCANS}/{running}/cancel", headers=analyst)
    assert answer.status_code == 202, answer.text
    assert answer.json()["state"] == "cancelling"
    job = _wait_state(service, analyst, running, "cancelled", "failed", "succeeded")
    assert job["state"] == "cancelled" and job["finished_at"]
    with service.db.read() as session:
        assert session.scalar(select(func.count()).select_from(CaseRow)) == 0
        assert verify(session).ok
    assert actions(service, running) == ["scan.submit", "scan.cancel", "scan.cancelled"]
    listed = service.client.get(SCANS, params={"state": "cancelled"}, headers=analyst).json()
    assert sorted(item["id"] for item in listed["items"]) == sorted([running, queued])
    # finished: not cancelled again, and it can be re-run
    assert service.client.post(f"{SCANS}/{running}/cancel", headers=analyst).status_code == 409
    again = service.client.post(f"{SCANS}/{running}/rerun", headers=analyst)
    assert again.status_code == 202, again.text
    service.client.post(f"{SCANS}/{again.json()['id']}/cancel", headers=analyst)
