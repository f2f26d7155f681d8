"""kill -9 of the server in the middle of decisions loses no committed decision and leaves no
half-written one (issue #15, item 9), on SQLite and PostgreSQL.

The server runs as `uvicorn redflags.service.asgi:app` in a process of its own; two clients
write comments and status decisions as fast as they can; the server is killed with SIGKILL
while requests are in flight. Then: every change a client was told succeeded is in the store,
every change in the store has its audit row and every audit row its change (one transaction
each), the audit chain holds, and the server starts again on the same store."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import func, select

from redflags.pipeline import ScanResult
from redflags.service.audit import SYSTEM, verify
from redflags.service.db import open_database
from redflags.service.db.migrate import upgrade
from redflags.service.db.models import AuditEvent, CaseRow, Comment, Decision
from redflags.service.keys import load_or_create_key
from redflags.service.localserver import free_port, start_server
from redflags.service.publish import publish_scan
from redflags.service.roles import Role
from redflags.service.security.tokens import issue_token
from redflags.service.settings import ServiceSettings
from redflags.service.users import add_user


def _count(session: object, query: object) -> int:
    return int(session.scalar(query) or 0)  # type: ignore[attr-defined]


def test_kill_9_mid_decision_loses_nothing_committed(
    settings: ServiceSettings, demo_scan: ScanResult, tmp_path: Path
) -> None:
    # The demo's two smallest cases: what the clients write to. A large case only made each
    # new server process spend seconds redacting it before the writes (and the check after the
    # restart) could begin; the writes, the kill and the checks are the same on any case.
    small = sorted(demo_scan.cases, key=lambda case: (len(case.findings), case.case_id))[:2]
    db = open_database(settings.database)
    upgrade(db)
    scan = ScanResult(**{**demo_scan.__dict__, "cases": small})
    publish_scan(db, load_or_create_key(settings.key_file), scan, SYSTEM)
    with db.write() as session:
        owner = add_user(session, "writer", Role.analyst, None, SYSTEM)
        token = issue_token(session, owner, "crash", Role.analyst, 1).secret
    cases = [c.case_id for c in small]
    port = free_port()
    server = start_server(settings, port)
    acknowledged_comments: list[str] = []
    acknowledged_decisions: list[int] = []
    stop = threading.Event()

    def client(worker: int) -> None:
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers, timeout=60) as c:
            n = 0
            while not stop.is_set():
                case_id = cases[(worker + n) % len(cases)]
                n += 1
                try:
                    text = f"note {worker}-{n}"
                    answer = c.post(f"/api/v1/cases/{case_id}/comments", json={"text": text})
                    if answer.status_code == 201:
                        acknowledged_comments.append(text)
                    seen = c.get(f"/api/v1/cases/{case_id}").json()
                    version = seen["version"]
                    status = (
                        "needs_information" if seen["status"] == "in_progress" else "in_progress"
                    )
                    answer = c.post(
                        f"/api/v1/cases/{case_id}/decisions",
                        json={"status": status, "note": text, "version": version},
                    )
                    if answer.status_code == 201:
                        acknowledged_decisions.append(answer.json()["decision"]["id"])
                except (httpx.HTTPError, ValueError, KeyError):
                    if stop.is_set():
                        return

    workers = [threading.Thread(target=client, args=(i,)) for i in range(2)]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + 120  # a generous bound for a loaded machine
    while time.monotonic() < deadline and (
        len(acknowledged_comments) < 5 or len(acknowledged_decisions) < 5
    ):
        time.sleep(0.05)
    time.sleep(0.3)
    os.kill(server.pid, signal.SIGKILL)  # mid-request: the clients are still sending
    server.wait(timeout=10)
    stop.set()
    for worker in workers:
        worker.join(timeout=10)
    assert len(acknowledged_comments) >= 5 and len(acknowledged_decisions) >= 5

    db.dispose()
    db = open_database(settings.database)
    try:
        with db.read() as session:
            texts = set(session.scalars(select(Comment.text)))
            assert set(acknowledged_comments) <= texts  # nothing a client was told is lost
            ids = set(session.scalars(select(Decision.id)))
            assert set(acknowledged_decisions) <= ids
            # each change and its audit row were written together, or not at all
            comments = _count(session, select(func.count()).select_from(Comment))
            comment_rows = _count(
                session,
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action == "case.comment"),
            )
            assert comments == comment_rows
            decisions = _count(session, select(func.count()).select_from(Decision))
            decision_rows = _count(
                session,
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.action.in_(("case.status", "decision.propose"))),
            )
            assert decisions == decision_rows
            for case_id in cases:  # a case's status is its last applied decision's
                last = session.scalar(
                    select(Decision.status)
                    .where(Decision.case_id == case_id, Decision.state == "applied")
                    .order_by(Decision.id.desc())
                    .limit(1)
                )
                if last is not None:
                    assert session.get(CaseRow, case_id).status == last
            assert verify(session).ok
    finally:
        db.dispose()
    again = start_server(settings, port)
    try:
        answer = httpx.get(
            f"http://127.0.0.1:{port}/api/v1/cases/{cases[0]}",
            headers={"Authorization": f"Bearer {token}"},
            timeout=120,  # a generous bound for a loaded machine
        )
        assert answer.status_code == 200
    finally:
        again.terminate()
        again.wait(timeout=20)
