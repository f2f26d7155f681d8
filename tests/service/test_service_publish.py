"""Publishing scans into the case store: stable ids, evidence added, human decisions kept."""

from __future__ import annotations

from sqlalchemy import func, select

from redflags.pipeline import ScanResult
from redflags.service.audit import SYSTEM, verify
from redflags.service.db.models import AlertRow, AuditEvent, CasePivot, CaseRow
from redflags.service.pivots import cases_sharing
from redflags.service.publish import publish_scan

from .conftest import Service


def _renamed(result: ScanResult, prefix: str) -> ScanResult:
    """The same scan as if its ids had been computed differently (e.g. by a newer version)."""
    cases = [c.model_copy(update={"case_id": f"{prefix}{c.case_id}"}) for c in result.cases]
    return ScanResult(**{**result.__dict__, "cases": cases, "run_id": result.run_id + "-2"})


def test_publish_then_republish_keeps_ids_and_decisions(
    service: Service, demo_scan: ScanResult
) -> None:
    key = service.app.state.service.key
    first = publish_scan(service.db, key, demo_scan, SYSTEM)
    assert len(first.new) == len(demo_scan.cases) > 0
    assert first.alerts == len(demo_scan.alerts)
    assert first.youth == len(demo_scan.youth_queue)
    chosen = first.new[0]
    with service.db.write() as session:
        row = session.get(CaseRow, chosen)
        row.status = "dismissed"
        version = row.version

    again = publish_scan(service.db, key, _renamed(demo_scan, "X"), SYSTEM)
    assert not again.new  # every case found its stored self by its records
    assert sorted(again.unchanged + again.changed) == sorted(first.new)
    assert set(again.renamed.values()) == set(first.new)
    with service.db.read() as session:
        row = session.get(CaseRow, chosen)
        assert row.status == "dismissed"  # a scan never overwrites a human decision
        assert row.version == version + 1
        assert row.scan_status == "unchanged"
        count = session.scalar(select(func.count()).select_from(CaseRow))
        assert count == len(first.new)
        assert session.scalar(select(func.count()).select_from(AlertRow)) == (
            first.alerts + first.youth
        )
        publications = session.scalar(
            select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "scan.publish")
        )
        assert publications == 2
        assert verify(session).ok


def test_a_rescan_adds_evidence_and_flags_a_closed_case_that_grew(
    service: Service, demo_scan: ScanResult
) -> None:
    key = service.app.state.service.key
    case = max(demo_scan.cases, key=lambda c: len(c.findings))
    assert len(case.findings) >= 2
    dropped = case.findings[-1]
    smaller = case.model_copy(update={"findings": case.findings[:-1]})
    partial = ScanResult(**{**demo_scan.__dict__, "cases": [smaller]})
    publish_scan(service.db, key, partial, SYSTEM)
    with service.db.write() as session:
        session.get(CaseRow, case.case_id).status = "dismissed"
    full = ScanResult(**{**demo_scan.__dict__, "cases": [case], "run_id": "later"})
    publish_scan(service.db, key, full, SYSTEM)
    with service.db.read() as session:
        row = session.get(CaseRow, case.case_id)
        ids = {f["finding_id"] for f in row.payload["findings"]}
        assert dropped.finding_id in ids and len(ids) == len(case.findings)
        assert row.status == "dismissed"
        assert row.scan_status == "changed"
        assert row.last_run == "later"
    # and a scan without the finding takes nothing away
    publish_scan(service.db, key, partial, SYSTEM)
    with service.db.read() as session:
        row = session.get(CaseRow, case.case_id)
        assert dropped.finding_id in {f["finding_id"] for f in row.payload["findings"]}


def test_pivot_digests_find_a_case_without_clear_identifiers(
    service: Service, demo_scan: ScanResult
) -> None:
    key = service.app.state.service.key
    publish_scan(service.db, key, demo_scan, SYSTEM)
    case = demo_scan.cases[0]
    pivot = next(p for p in case.pivots if p.startswith(("phone:", "account:", "handle:")))
    value = pivot.split(":", 1)[1]
    with service.db.read() as session:
        stored = set(session.scalars(select(CasePivot.digest)))
        assert not any(value in digest for digest in stored)
        assert case.case_id in cases_sharing(session, key, [pivot])[pivot]
        assert cases_sharing(session, key, ["phone:+4500000000"]) == {}
