"""Merging fragments into one case (issue #16): the survivor gets the evidence and keeps its
decisions, the merged case is closed as `merged` and stays readable, a later scan publishes into
the survivor, and a merge that would lose a decision is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from redflags.cases.baseline import Baseline, case_snapshot
from redflags.model import Case
from redflags.pipeline import ScanResult
from redflags.service.audit import SYSTEM, verify
from redflags.service.db.models import AuditEvent, CaseRow
from redflags.service.publish import publish_scan
from redflags.service.roles import Role

from .conftest import Service


def _two_cases(scan: ScanResult) -> tuple[Case, Case]:
    """Two cases with records apart (B's evidence must be new to A)."""
    ordered = sorted(scan.cases, key=lambda c: -c.score.total)
    first = ordered[0]
    second = next(c for c in ordered[1:] if not set(c.records) <= set(first.records))
    return first, second


def _published(service: Service, scan: ScanResult) -> tuple[Case, Case]:
    publish_scan(service.db, service.app.state.service.key, scan, SYSTEM)
    return _two_cases(scan)


def _version(service: Service, case_id: str) -> int:
    with service.db.read() as session:
        return session.get(CaseRow, case_id).version


def _merge(service: Service, headers: dict[str, str], into: str, away: str, version: int) -> Any:
    return service.client.post(
        f"/api/v1/cases/{into}/merge",
        json={"from_case": away, "version": version},
        headers=headers,
    )


def _people(service: Service) -> tuple[dict[str, str], dict[str, str]]:
    """Authorization headers of an analyst and a reviewer."""
    return service.token("anna", Role.analyst), service.token("rolf", Role.reviewer)


def _propose(service: Service, headers: dict[str, str], case_id: str, status: str) -> Any:
    return service.client.post(
        f"/api/v1/cases/{case_id}/decisions",
        json={"status": status, "version": _version(service, case_id)},
        headers=headers,
    )


def test_a_merge_moves_the_evidence_keeps_the_decisions_and_is_audited(
    service: Service, demo_scan: ScanResult
) -> None:
    a, b = _published(service, demo_scan)
    analyst, reviewer = _people(service)
    changed = _propose(service, analyst, a.case_id, "in_progress")
    assert changed.status_code == 201, changed.text
    service.client.post(
        f"/api/v1/cases/{a.case_id}/comments", json={"text": "seen"}, headers=analyst
    )
    version = _version(service, a.case_id)
    answer = _merge(service, reviewer, a.case_id, b.case_id, version)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["version"] == version + 1
    assert body["case"]["status"] == "in_progress"  # the survivor's decision is kept
    assert body["merged"]["status"] == "merged" and body["merged"]["merged_into"] == a.case_id
    with service.db.read() as session:
        row = session.get(CaseRow, a.case_id)
        assert set(row.payload["records"]) == set(a.records) | set(b.records)
        assert set(row.payload["pivots"]) == set(a.pivots) | set(b.pivots)
        found = {f["finding_id"] for f in row.payload["findings"]}
        assert found == {f.finding_id for f in (*a.findings, *b.findings)}
        assert set(row.snapshot["records"]) >= set(b.records)  # matching follows the merge
        assert row.n_records == len(set(a.records) | set(b.records))
        assert row.score == max(a.score.total, b.score.total)
        actions = {
            (e.action, e.target_id): e.details
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.action.like("case.merge%"))
            )
        }
        assert actions[("case.merge", a.case_id)]["from"] == b.case_id
        assert actions[("case.merged", b.case_id)]["into"] == a.case_id
        assert verify(session).ok
    # B stays readable, and says where it went; A still has its comment
    merged = service.client.get(f"/api/v1/cases/{b.case_id}", headers=analyst)
    assert merged.status_code == 200
    assert merged.json()["status"] == "merged" and merged.json()["merged_into"] == a.case_id
    survivor = service.client.get(f"/api/v1/cases/{a.case_id}", headers=analyst).json()
    assert [c["text"] for c in survivor["comments"]] == ["seen"]
    assert survivor["findings_page"]["total"] == len(found)  # the first page in the answer
    paged = service.client.get(
        f"/api/v1/cases/{a.case_id}/findings", params={"limit": 500}, headers=analyst
    ).json()
    assert paged["total"] == len(found)
    listed = service.client.get("/api/v1/cases?status=merged", headers=analyst).json()
    assert [c["id"] for c in listed["items"]] == [b.case_id]


def _renamed(result: ScanResult, prefix: str, run_id: str) -> ScanResult:
    cases = [c.model_copy(update={"case_id": f"{prefix}{c.case_id}"}) for c in result.cases]
    return ScanResult(**{**result.__dict__, "cases": cases, "run_id": run_id})


def test_a_later_scan_of_the_merged_fragment_publishes_into_the_survivor(
    service: Service, demo_scan: ScanResult
) -> None:
    key = service.app.state.service.key
    a, b = _published(service, demo_scan)
    reviewer = service.token("rolf", Role.reviewer)
    assert _merge(service, reviewer, a.case_id, b.case_id, _version(service, a.case_id)).is_success
    with service.db.read() as session:
        merged_before = session.get(CaseRow, b.case_id).last_run
    # the same ids again (B's computed id matches B), then ids computed differently
    for scan in (
        _renamed(demo_scan, "", "again"),
        _renamed(demo_scan, "X", "renamed"),
    ):
        published = publish_scan(service.db, key, scan, SYSTEM)
        assert not published.new
        assert b.case_id not in published.changed + published.unchanged
        fragment = next(c for c in scan.cases if c.case_id.endswith(b.case_id))
        assert published.renamed[fragment.case_id] == a.case_id
        with service.db.read() as session:
            gone = session.get(CaseRow, b.case_id)
            assert (gone.status, gone.last_run) == ("merged", merged_before)
            survivor = session.get(CaseRow, a.case_id)
            assert survivor.last_run == scan.run_id
            assert set(survivor.payload["records"]) >= set(a.records) | set(b.records)
            assert survivor.status == "new"


def test_a_merge_that_would_lose_a_decision_is_refused(
    service: Service, demo_scan: ScanResult
) -> None:
    a, b = _published(service, demo_scan)
    analyst, reviewer = _people(service)
    # a pending four-eyes decision on either case: decided on the case as it was
    pending = _propose(service, analyst, b.case_id, "confirmed")
    assert pending.json()["decision"]["state"] == "pending"
    for into, away in ((a.case_id, b.case_id), (b.case_id, a.case_id)):
        refused = _merge(service, reviewer, into, away, _version(service, into))
        assert refused.status_code == 409, refused.text
        assert refused.json()["decision_id"] == pending.json()["decision"]["id"]
    # a confirmed case is not merged away (its decision would leave the inbox)
    approved = service.client.post(
        f"/api/v1/cases/{b.case_id}/decisions/{pending.json()['decision']['id']}/approve",
        json={"version": _version(service, b.case_id)},
        headers=reviewer,
    )
    assert approved.status_code == 200, approved.text
    refused = _merge(service, reviewer, a.case_id, b.case_id, _version(service, a.case_id))
    assert refused.status_code == 409 and "instead" in refused.json()["detail"]
    # the other way round is fine; then neither can be merged again
    version_a = _version(service, a.case_id)
    assert _merge(service, reviewer, b.case_id, a.case_id, _version(service, b.case_id)).is_success
    assert _version(service, a.case_id) == version_a + 1
    again = _merge(service, reviewer, b.case_id, a.case_id, _version(service, b.case_id))
    assert again.status_code == 409 and "already merged" in again.json()["detail"]
    # itself, a stale page, and a case that is not there
    itself = _merge(service, reviewer, b.case_id, b.case_id, _version(service, b.case_id))
    assert itself.status_code == 422
    stale = _merge(service, reviewer, b.case_id, "nope", _version(service, b.case_id))
    assert stale.status_code == 404
    others = [c.case_id for c in demo_scan.cases if c.case_id not in (a.case_id, b.case_id)]
    old = _merge(service, reviewer, b.case_id, others[0], 1)
    assert old.status_code == 409 and old.json()["type"].endswith("stale-version")
    with service.db.read() as session:
        assert session.get(CaseRow, others[0]).status == "new"  # nothing half done


def _entry(case: Case, **extra: Any) -> dict[str, Any]:
    return {**case_snapshot(case, str), "first_seen": "2026-01-01", **extra}


def test_the_baseline_follows_a_merge_and_lets_the_family_take_every_fragment(
    demo_scan: ScanResult,
) -> None:
    a, b = _two_cases(demo_scan)
    union = a.model_copy(update={"records": tuple(sorted({*a.records, *b.records}))})
    cases = {
        a.case_id: _entry(union),
        b.case_id: _entry(b, merged_into=a.case_id),
    }
    baseline = Baseline(Path("store"), {"version": 1, "cases": cases, "suppressions": []})
    # the fragments with new ids, the larger first: both go to A
    big, small = sorted((a, b), key=lambda c: -len(c.records))
    scan = [
        big.model_copy(update={"case_id": "X1"}),
        small.model_copy(update={"case_id": "X2"}),
    ]
    assert baseline.match(scan, str) == {"X1": a.case_id, "X2": a.case_id}
    assert baseline.match([b], str) == {b.case_id: a.case_id}
    # without the merge, matching stays one-to-one
    plain = Baseline(Path("store"), {"version": 1, "cases": {a.case_id: _entry(union)}})
    assert len(plain.match(scan, str)) == 1
