"""The case answer kept between requests and its findings in pages: what a view shows follows
every change of the case (publication, assignment, decision, comment), pages of findings join
up to the case's findings, and redacting piece by piece leaves nothing in clear that redacting
the whole answer caught. Each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from redflags.pipeline import ScanResult
from redflags.report.json_export import dumps
from redflags.service.audit import SYSTEM
from redflags.service.case_view import FIRST_FINDINGS, _scanner_part, case_json
from redflags.service.db.models import AuditEvent, CaseRow
from redflags.service.publish import publish_scan
from redflags.service.redaction import case_redaction
from redflags.service.roles import Role

from .conftest import Service
from .test_service_cases import _clear_values, _leaks, low_priority_case

Headers = dict[str, str]
API = "/api/v1"


@pytest.fixture
def published(service: Service, demo_scan: ScanResult) -> list[str]:
    """The demo scan in the store; its case ids, most findings first."""
    publish_scan(service.db, service.app.state.service.key, demo_scan, SYSTEM)
    return [c.case_id for c in sorted(demo_scan.cases, key=lambda c: -len(c.findings))]


def _views(service: Service, case_id: str) -> list[dict[str, Any]]:
    with service.db.read() as session:
        rows = session.scalars(
            select(AuditEvent.details).where(
                AuditEvent.action == "case.view", AuditEvent.target_id == case_id
            )
        )
        return [dict(d or {}) for d in rows]


def test_findings_come_in_pages_that_join_up_redacted_and_audited(
    service: Service, published: list[str], as_role: Callable[[Role], Headers]
) -> None:
    case_id = published[0]
    viewer = as_role(Role.viewer)
    case = service.client.get(f"{API}/cases/{case_id}", headers=viewer).json()
    total = case["findings_page"]["total"]
    assert total == case["n_findings"] > FIRST_FINDINGS  # the demo's largest case is paged
    assert len(case["findings"]) == FIRST_FINDINGS == case["findings_page"]["limit"]
    with service.db.read() as session:
        every = json.loads(case_json(session, service.app.state.service.key, case_id))
    assert "findings_page" not in every and len(every["findings"]) == total
    paged: list[dict[str, Any]] = []
    texts = []
    for offset in range(0, total, 40):
        answer = service.client.get(
            f"{API}/cases/{case_id}/findings",
            params={"offset": offset, "limit": 40},
            headers=viewer,
        )
        assert answer.status_code == 200, answer.text
        texts.append(answer.text)
        page = answer.json()
        assert page["total"] == total and page["offset"] == offset
        paged += page["items"]
    assert paged == every["findings"] and case["findings"] == every["findings"][:FIRST_FINDINGS]
    assert _leaks("\n".join(texts), _clear_values(service, case_id)) == set()
    assert {"findings": {"offset": 40, "limit": 40}} in _views(service, case_id)
    assert len(_views(service, case_id)) == 1 + len(texts)
    past = service.client.get(
        f"{API}/cases/{case_id}/findings", params={"offset": total}, headers=viewer
    )
    assert past.status_code == 200 and past.json()["items"] == []
    too_many = service.client.get(
        f"{API}/cases/{case_id}/findings", params={"limit": 10_000}, headers=viewer
    )
    assert too_many.status_code == 422
    missing = service.client.get(f"{API}/cases/C-nope/findings", headers=viewer)
    assert missing.status_code == 404


def test_a_kept_answer_follows_every_change_of_the_case(
    service: Service, published: list[str], as_role: Callable[[Role], Headers]
) -> None:
    case_id = low_priority_case(service, published[-1])
    service.user("anna", Role.analyst)
    anna = service.token("anna")
    url = f"{API}/cases/{case_id}"

    def view() -> dict[str, Any]:
        answer = service.client.get(url, headers=as_role(Role.viewer))
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    assert view() == view()  # kept, and the same
    first = view()
    assigned = service.client.put(
        f"{url}/assignee", json={"username": "anna", "version": 1}, headers=anna
    )
    assert assigned.status_code == 200, assigned.text
    assert view()["assignee"] == "anna" and view()["version"] == 2
    noted = service.client.post(f"{url}/comments", json={"text": "seen twice"}, headers=anna)
    assert noted.status_code == 201, noted.text
    assert [c["text"] for c in view()["comments"]] == ["seen twice"]
    moved = service.client.post(
        f"{url}/decisions", json={"status": "in_progress", "version": 2}, headers=anna
    )
    assert moved.status_code == 201, moved.text
    now = view()
    assert now["status"] == "in_progress" and [d["status"] for d in now["decisions"]] == [
        "in_progress"
    ]
    with service.db.write() as session:  # what a scan's publication changes: the version too
        row = session.get(CaseRow, case_id)
        row.scan_status, row.version = "changed", row.version + 1
    assert view()["scan_status"] == "changed"
    assert first["findings"] == now["findings"]


def test_redacting_piece_by_piece_matches_redacting_the_whole(
    service: Service, published: list[str]
) -> None:
    """The scanner's part of every demo case, redacted whole (one Scrubber pass over its JSON,
    as before) and in pieces (each finding, then the rest): the same answer."""
    key = service.app.state.service.key
    for case_id in published:
        with service.db.read() as session:
            row = session.get(CaseRow, case_id)
            case, redaction = case_redaction(key, row.payload, row.names or ())
            pieces = json.loads(case_json(session, key, case_id))
        whole = json.loads(redaction.scrubber(dumps(_scanner_part(case, redaction))))
        assert {k: v for k, v in pieces.items() if k in whole} == whole, case_id
