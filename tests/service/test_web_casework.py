"""The forms of the pages change the case store and are audited: assignment, comments, a status
decision that waits for a second reviewer (four eyes) and is approved or rejected, a stale
version refused, revealing one identifier with a reason, an alert's state, users and tokens,
scan jobs by upload with their progress."""

from __future__ import annotations

import os
import re
import time
from typing import Any

from sqlalchemy import select

from redflags.service.audit import verify
from redflags.service.db.models import AuditEvent, CaseRow, Decision
from redflags.service.roles import Role

from .test_web_support import Web

WAIT_SECONDS = 300  # a generous bound for a loaded machine, not a speed target


def _audit(web: Web, action: str, target: str | None = None) -> list[dict[str, Any]]:
    query = select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)
    if target is not None:
        query = query.where(AuditEvent.target_id == target)
    with web.db.read() as session:
        return [
            {"actor": r.actor, "ok": r.ok, "details": r.details} for r in session.scalars(query)
        ]


def _case(web: Web, case_id: str) -> CaseRow:
    with web.db.read() as session:
        row = session.get(CaseRow, case_id)
        session.expunge(row)
        return row


def _version(html: str) -> int:
    found = re.search(r'data-testid="casework" data-version="(\d+)"', html)
    assert found, html[:300]
    return int(found.group(1))


def test_assign_and_comment(web: Web) -> None:
    case_id = web.case_ids()[0]
    anna = web.as_role(Role.analyst)
    version = _version(anna.client.get(f"/cases/{case_id}").text)
    # a plain form: back to the case
    answer = anna.form_post(f"/cases/{case_id}/assign", {"username": "@me", "version": version})
    assert answer.status_code == 303 and answer.headers["location"].startswith(f"/cases/{case_id}")
    assert _case(web, case_id).assignee_id is not None
    page = anna.client.get(f"/cases/{case_id}").text
    assert re.search(r'data-testid="casework-assignee"><span translate="no">anna<', page)
    assert _audit(web, "case.assign", case_id)[0]["details"]["to"] == "anna"
    # htmx: the panel comes back with the comment in it
    fragment = anna.htmx_post(f"/cases/{case_id}/comments", {"text": "Called the bank: +45 1234"})
    assert fragment.status_code == 200 and "<html" not in fragment.text
    assert 'data-testid="comment"' in fragment.text and "Comment added." in fragment.text
    assert [r["actor"] for r in _audit(web, "case.comment", case_id)] == ["anna"]
    assert "anna" in anna.client.get("/?tab=mine").text


def test_a_decision_waits_for_a_second_reviewer(web: Web) -> None:
    case_id = web.case_ids()[0]  # high priority: confirming it needs four eyes
    rolf, rita = web.browser("rolf"), web.browser("rita")
    version = _version(rolf.client.get(f"/cases/{case_id}").text)
    proposed = rolf.htmx_post(
        f"/cases/{case_id}/decisions",
        {"status": "confirmed", "note": "Case 1 pattern", "version": version},
    )
    assert proposed.status_code == 200, proposed.text
    assert 'data-testid="pending-decision"' in proposed.text
    assert 'data-testid="approve"' not in proposed.text  # not for the proposer
    assert 'data-testid="withdraw"' in proposed.text
    assert _case(web, case_id).status == "new"
    with web.db.read() as session:
        decision = session.scalars(select(Decision).where(Decision.case_id == case_id)).one()
        decision_id = decision.id
    version = _version(proposed.text)
    own = rolf.htmx_post(f"/cases/{case_id}/decisions/{decision_id}/approve", {"version": version})
    assert own.status_code == 403 and "Four eyes" in own.text
    # the second reviewer sees it in the approval tab, and approves it
    assert case_id in rita.client.get("/?tab=approval").text
    assert case_id not in rolf.client.get("/?tab=approval").text
    page = rita.client.get(f"/cases/{case_id}").text
    assert 'data-testid="approve"' in page
    approved = rita.htmx_post(
        f"/cases/{case_id}/decisions/{decision_id}/approve",
        {"version": _version(page), "note": "agreed"},
    )
    assert approved.status_code == 200 and "Approved." in approved.text
    assert _case(web, case_id).status == "confirmed"
    assert [r["actor"] for r in _audit(web, "decision.propose", case_id)] == ["rolf"]
    approvals = _audit(web, "decision.approve", case_id)
    assert [r["actor"] for r in approvals] == ["rita"]
    assert approvals[0]["details"]["to"] == "confirmed"
    with web.db.read() as session:
        assert verify(session).ok


def test_a_reviewer_rejects_and_the_case_keeps_its_status(web: Web) -> None:
    case_id = web.case_ids()[0]
    anna, rita = web.as_role(Role.analyst), web.browser("rita")
    version = _version(anna.client.get(f"/cases/{case_id}").text)
    anna.htmx_post(f"/cases/{case_id}/decisions", {"status": "reported", "version": version})
    page = rita.client.get(f"/cases/{case_id}").text
    decision_id = re.search(r'data-testid="pending-decision" data-decision-id="(\d+)"', page)
    assert decision_id
    rejected = rita.form_post(
        f"/cases/{case_id}/decisions/{decision_id.group(1)}/reject", {"version": _version(page)}
    )
    assert rejected.status_code == 303
    assert _case(web, case_id).status == "new"
    assert [r["actor"] for r in _audit(web, "decision.reject", case_id)] == ["rita"]


def test_a_change_from_a_stale_page_is_refused(web: Web) -> None:
    case_id = web.case_ids()[1]
    anna = web.as_role(Role.analyst)
    version = _version(anna.client.get(f"/cases/{case_id}").text)
    first = anna.htmx_post(f"/cases/{case_id}/assign", {"username": "anna", "version": version})
    assert first.status_code == 200
    stale = anna.htmx_post(f"/cases/{case_id}/assign", {"username": "", "version": version})
    assert stale.status_code == 409 and "changed since you loaded it" in stale.text
    assert _version(stale.text) == version + 1  # the panel shows the case as it is now
    assert _case(web, case_id).assignee_id is not None


def test_a_status_change_without_four_eyes_applies_at_once(web: Web) -> None:
    case_id = web.case_ids()[-1]
    anna = web.as_role(Role.analyst)
    version = _version(anna.client.get(f"/cases/{case_id}").text)
    done = anna.htmx_post(
        f"/cases/{case_id}/decisions", {"status": "in_progress", "version": version}
    )
    assert done.status_code == 200 and 'data-testid="pending-decision"' not in done.text
    assert _case(web, case_id).status == "in_progress"
    assert _audit(web, "case.status", case_id)[0]["details"]["to"] == "in_progress"


def test_reveal_with_a_reason(web: Web) -> None:
    case_id = web.case_ids()[0]
    anna = web.as_role(Role.analyst)
    page = anna.client.get(f"/cases/{case_id}").text
    tokens = re.findall(r'<option value="([a-z]+#[0-9a-f]{10})" translate="no">', page)
    assert tokens
    token = next(t for t in tokens if t.startswith(("phone#", "email#", "account#")))
    short = anna.htmx_post(f"/cases/{case_id}/reveal", {"token": token, "reason": "why"})
    assert short.status_code == 422 and "at least 10 characters" in short.text
    assert _audit(web, "case.reveal", case_id) == []
    shown = anna.htmx_post(
        f"/cases/{case_id}/reveal", {"token": token, "reason": "Police request 2026-117"}
    )
    assert shown.status_code == 200, shown.text
    value = re.search(r'data-testid="revealed-value">([^<]+)<', shown.text)
    assert value and value.group(1) != token
    assert shown.headers["cache-control"] == "no-store"
    rows = _audit(web, "case.reveal", case_id)
    assert rows == [
        {
            "actor": "anna",
            "ok": True,
            "details": {
                "token": token,
                "reason": "Police request 2026-117",
                "kind": token.split("#")[0],
            },
        }
    ]
    assert value.group(1) not in anna.client.get(f"/cases/{case_id}").text
    unknown = anna.htmx_post(
        f"/cases/{case_id}/reveal", {"token": "phone#0123456789", "reason": "a good reason here"}
    )
    assert unknown.status_code == 404
    assert [r["ok"] for r in _audit(web, "case.reveal", case_id)] == [True, False]


def test_an_alert_state_changes(web: Web) -> None:
    anna = web.as_role(Role.analyst)
    listing = anna.client.get("/?tab=alerts").text
    alert_id = re.findall(r'data-item-id="(A-[^"]+)"', listing)[0]
    fragment = anna.htmx_post(f"/alerts/{alert_id}/state", {"state": "escalated"})
    assert fragment.status_code == 200 and "Escalated" in fragment.text
    assert _audit(web, "alert.state", alert_id)[0]["details"] == {"from": "open", "to": "escalated"}
    wrong = anna.htmx_post(f"/alerts/{alert_id}/state", {"state": "burnt"})
    assert wrong.status_code == 422


def test_users_and_tokens(web: Web) -> None:
    adam = web.as_role(Role.admin)
    added = adam.form_post(
        "/admin/users",
        {"username": "nils", "role": "analyst", "password": "a long enough password"},
    )
    assert added.status_code == 200 and 'data-username="nils"' in added.text
    weak = adam.form_post("/admin/users", {"username": "olga", "role": "viewer", "password": "x"})
    assert weak.status_code == 422 and 'data-username="olga"' not in weak.text
    adam.form_post("/admin/users/nils", {"disabled": "true"})
    assert "Disabled" in adam.client.get("/admin/users").text
    issued = adam.form_post(
        "/admin/tokens", {"owner": "anna", "name": "pipeline", "role": "viewer"}
    )
    secret = re.search(r'data-testid="new-token-secret">(rf_[^<]+)<', issued.text)
    assert secret
    assert secret.group(1) not in adam.client.get("/admin/tokens").text  # shown once
    token_id = secret.group(1).split("_")[1]
    headers = {"Authorization": f"Bearer {secret.group(1)}"}
    assert web.client.get("/api/v1/cases", headers=headers).status_code == 200
    adam.form_post(f"/admin/tokens/{token_id}/revoke", {})
    assert web.client.get("/api/v1/cases", headers=headers).status_code == 401
    for action, target in (
        ("user.add", "nils"),
        ("user.disable", "nils"),
        ("token.issue", token_id),
        ("token.revoke", token_id),
    ):
        assert [r["actor"] for r in _audit(web, action, target)] == ["adam"], action
    audit_page = adam.client.get("/admin/audit", params={"action": "token.issue"}).text
    assert audit_page.count('data-testid="audit-row"') == 1
    assert 'data-ok="true"' in adam.client.get("/admin/audit?verify=1").text


TRANSACTIONS = "txn_id,ts,payer,payee,amount,channel\nT1,2026-01-01T10:00:00Z,a,b,100,p2p\n"


def test_a_scan_by_upload_shows_its_progress(web: Web) -> None:
    anna = web.as_role(Role.analyst)
    answer = anna.client.post(
        "/scans/upload",
        files={"files": ("transactions.csv", TRANSACTIONS.encode(), "text/csv")},
        data={"lang": "da"},  # app.js leaves an empty region out
        headers={"HX-Request": "true", "X-CSRF-Token": anna.csrf()},
    )
    assert answer.status_code == 200, answer.text
    job_id = re.search(r'data-testid="scan-row" data-job-id="([^"]+)"', answer.text)
    assert job_id and 'hx-trigger="every 2s"' in answer.text  # polls while it runs
    deadline = time.monotonic() + WAIT_SECONDS
    rows = ""
    while time.monotonic() < deadline:
        rows = anna.client.get("/scans/jobs", headers={"HX-Request": "true"}).text
        if re.search(r'data-state="(succeeded|failed)"', rows):
            break
        time.sleep(0.5)
    assert 'data-state="succeeded"' in rows, rows
    assert "hx-trigger" not in rows  # done: no more polling
    assert [r["actor"] for r in _audit(web, "scan.submit", job_id.group(1))] == ["anna"]
    refused = anna.form_post("/scans", {"paths": "../../etc"})
    assert refused.status_code in (403, 422) and 'data-testid="scan-problem"' in refused.text


def test_a_running_scan_is_cancelled_from_the_scans_page(web: Web) -> None:
    root = web.settings.data_root
    assert root is not None
    (root / "stuck").mkdir()
    os.mkfifo(root / "stuck" / "transactions.csv")  # nobody writes it: the job waits on it
    anna = web.as_role(Role.analyst)
    queued = anna.form_post("/scans", {"paths": "stuck"})
    assert queued.status_code == 303, queued.text
    deadline = time.monotonic() + WAIT_SECONDS
    rows = ""
    while time.monotonic() < deadline and 'data-state="running"' not in rows:
        rows = anna.client.get("/scans/jobs", headers={"HX-Request": "true"}).text
        time.sleep(0.3)
    job_id = re.search(r'data-job-id="([^"]+)" data-state="running"', rows)
    assert job_id and 'data-testid="scan-cancel"' in rows, rows
    answer = anna.htmx_post(f"/scans/{job_id.group(1)}/cancel", {})
    assert answer.status_code == 200 and "The scan is being cancelled." in answer.text
    while time.monotonic() < deadline and 'data-state="cancelled"' not in rows:
        rows = anna.client.get("/scans/jobs", headers={"HX-Request": "true"}).text
        time.sleep(0.3)
    assert 'data-state="cancelled"' in rows and 'data-testid="scan-rerun"' in rows
    danish = web.as_role(Role.analyst, lang="da").client.get("/scans").text
    assert "Annulleret" in danish
    again = anna.htmx_post(f"/scans/{job_id.group(1)}/cancel", {})
    assert again.status_code == 409 and "That job has finished already." in again.text
