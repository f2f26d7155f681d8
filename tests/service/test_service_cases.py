"""The case API: the inbox, one case redacted, revealing on purpose, casework with four-eyes
and optimistic locking, per-case exports. Each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import io
import json
import re
import threading
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from redflags.pipeline import ScanResult
from redflags.report.redact import Redactor, case_personal_pairs
from redflags.service.audit import SYSTEM, verify
from redflags.service.db.models import AuditEvent, CaseRow
from redflags.service.publish import case_from_payload, publish_scan
from redflags.service.roles import Role

from .conftest import Service

Headers = dict[str, str]
API = "/api/v1"


@pytest.fixture
def published(service: Service, demo_scan: ScanResult) -> list[str]:
    """The demo scan in the store; its case ids, highest score first."""
    publish_scan(service.db, service.app.state.service.key, demo_scan, SYSTEM)
    return [c.case_id for c in sorted(demo_scan.cases, key=lambda c: -c.score.total)]


def _audited(service: Service, action: str, case_id: str) -> list[dict[str, Any]]:
    """The audit rows of `action` on the case: ok and details."""
    with service.db.read() as session:
        rows = session.execute(
            select(AuditEvent.ok, AuditEvent.details).where(
                AuditEvent.action == action, AuditEvent.target_id == case_id
            )
        )
        return [{"ok": ok, "details": details} for ok, details in rows]


def _clear_values(service: Service, case_id: str) -> set[str]:
    """The phones, e-mails, accounts and names the stored case holds in clear."""
    with service.db.read() as session:
        row = session.get(CaseRow, case_id)
        case = case_from_payload(row.payload)
        names = set(row.names)
    pairs = case_personal_pairs(case)
    values = {v for k, v in pairs if k in {"phone", "email", "account", "name"}} | names
    values |= {v.lstrip("+") for k, v in pairs if k == "phone"}
    return {v for v in values if len(v) >= 4}


def _leaks(text: str, values: set[str]) -> set[str]:
    """The values that stand in `text` as whole tokens, in any case."""
    if not values:
        return set()
    alternatives = "|".join(re.escape(v) for v in sorted(values, key=len, reverse=True))
    pattern = re.compile(rf"(?<![0-9A-Za-z])(?:{alternatives})(?![0-9A-Za-z])", re.IGNORECASE)
    return set(pattern.findall(text))


def test_the_inbox_filters_sorts_and_pages(
    service: Service, published: list[str], as_role: Callable[[Role], Headers]
) -> None:
    viewer = as_role(Role.viewer)
    answer = service.client.get(f"{API}/cases", headers=viewer)
    assert answer.status_code == 200, answer.text
    page = answer.json()
    assert page["total"] == len(published)
    assert [i["id"] for i in page["items"]] == published  # score, highest first
    first = page["items"][0]
    assert first["score"] == round(first["score"], 1)
    assert first["version"] == 1 and first["status"] == "new" and not first["awaiting_approval"]
    assert first["assignee"] is None and first["n_findings"] > 0

    def ids(**params: Any) -> list[str]:
        found = service.client.get(f"{API}/cases", params=params, headers=viewer)
        assert found.status_code == 200, found.text
        return [i["id"] for i in found.json()["items"]]

    assert ids(sort="score", order="asc") == published[::-1]
    assert ids(sort="id") == sorted(published, reverse=True)
    assert ids(limit=1, offset=1) == published[1:2]
    last = page["items"][-1]
    assert ids(indicator=last["indicators"][0])[-1] == last["id"]
    both = ids(indicator=first["indicators"][:2])
    assert first["id"] in both and all(
        set(first["indicators"][:2]) <= set(i["indicators"])
        for i in page["items"]
        if i["id"] in both
    )
    assert first["id"] in ids(category=first["categories"][0])
    assert first["id"] in ids(record_kind=first["record_kinds"][0], city=first["cities"][0])
    assert ids(city="Nowhere-by-the-sea") == []
    assert ids(q=last["id"][-6:].lower()) == [last["id"]]
    youth = [i["id"] for i in page["items"] if i["youth"]]
    assert youth and ids(youth=True) == youth
    assert ids(assignee="none") == published and ids(assignee="me") == []
    assert ids(status="new", priority="high") == [
        i["id"] for i in page["items"] if i["priority"] == "high"
    ]
    assert ids(last_event_from="2999-01-01") == []
    dated = [i for i in page["items"] if i["first_event"]]
    day = dated[0]["first_event"][:10]
    assert dated[0]["id"] in ids(first_event_to=day, first_event_from=day)
    wrong = service.client.get(f"{API}/cases", params={"sort": "colour"}, headers=viewer)
    assert wrong.status_code == 422
    assert wrong.headers["content-type"].startswith("application/problem+json")


def test_a_case_is_redacted_and_its_view_audited(
    service: Service, published: list[str], as_role: Callable[[Role], Headers]
) -> None:
    case_id = published[0]
    answer = service.client.get(f"{API}/cases/{case_id}", headers=as_role(Role.viewer))
    assert answer.status_code == 200, answer.text
    values = _clear_values(service, case_id)
    with service.db.read() as session:  # the check finds them where they are in clear
        assert len(_leaks(json.dumps(session.get(CaseRow, case_id).payload), values)) > 20
    assert _leaks(answer.text, values) == set()
    case = answer.json()
    assert case["id"] == case_id and case["version"] == 1
    assert case["findings"] and case["findings"][0]["evidence"]
    assert case["scoring"]["steps"]
    assert case["network"]["nodes"] and case["network"]["edges"]
    node_ids = {n["id"] for n in case["network"]["nodes"]}
    assert all({e["source"], e["target"]} <= node_ids for e in case["network"]["edges"])
    assert all("#" in n["id"] for n in case["network"]["nodes"] if n["kind"] == "phone")
    starts = [t["start"] for t in case["timeline"]]
    dated = [s for s in starts if s]
    assert dated == sorted(dated) and starts[: len(dated)] == dated  # undated last
    assert case["roles"] and case["categories"] and case["cities"]
    assert len(_audited(service, "case.view", case_id)) == 1
    missing = service.client.get(f"{API}/cases/C-nope", headers=as_role(Role.viewer))
    assert missing.status_code == 404


def test_reveal_needs_an_analyst_a_reason_and_a_token_of_the_case(
    service: Service, published: list[str], as_role: Callable[[Role], Headers]
) -> None:
    case_id, other = published[0], published[-1]
    analyst = as_role(Role.analyst)
    case = service.client.get(f"{API}/cases/{case_id}", headers=analyst).json()
    phone = next(p for p in case["pivots"] if p.startswith("phone:"))
    with service.db.read() as session:
        clear = case_from_payload(session.get(CaseRow, case_id).payload)
    url = f"{API}/cases/{case_id}/reveal"
    reason = "Police request 2024-118 needs the number"
    shown = service.client.post(url, json={"token": phone, "reason": reason}, headers=analyst)
    assert shown.status_code == 200, shown.text
    assert f"phone:{shown.json()['value']}" in clear.pivots
    with service.db.read() as session:
        name = sorted(session.get(CaseRow, case_id).names)[0]
    name_token = Redactor(key=service.app.state.service.key).token("name", name)
    assert name_token in str(case)  # names are redacted, and revealed the same way
    named = service.client.post(url, json={"token": name_token, "reason": reason}, headers=analyst)
    assert named.status_code == 200 and named.json() == {
        "case_id": case_id,
        "token": name_token,
        "kind": "name",
        "value": name,
    }
    events = _audited(service, "case.reveal", case_id)
    assert events[0]["details"]["reason"] == reason
    assert events[0]["details"]["token"] == phone.partition(":")[2]  # the token alone
    assert shown.json()["value"] not in str(events[0]["details"])
    short = service.client.post(url, json={"token": phone, "reason": "because"}, headers=analyst)
    assert short.status_code == 422
    typed = service.client.post(
        url, json={"token": shown.json()["value"], "reason": reason}, headers=analyst
    )
    assert typed.status_code == 422 and shown.json()["value"] not in typed.text
    viewer = service.client.post(
        url, json={"token": phone, "reason": reason}, headers=as_role(Role.viewer)
    )
    assert viewer.status_code == 403
    foreign = service.client.get(f"{API}/cases/{other}", headers=analyst).json()
    theirs = next(p for p in foreign["pivots"] if p not in case["pivots"] and "#" in p)
    refused = service.client.post(url, json={"token": theirs, "reason": reason}, headers=analyst)
    assert refused.status_code == 404
    assert not _audited(service, "case.reveal", case_id)[-1]["ok"]


def _version(service: Service, case_id: str, headers: Headers) -> int:
    found = service.client.get(f"{API}/cases", params={"q": case_id}, headers=headers)
    version: int = found.json()["items"][0]["version"]
    return version


def test_four_eyes_decisions(
    service: Service, published: list[str], as_role: Callable[[Role], Headers]
) -> None:
    case_id = published[0]
    proposer, second = as_role(Role.reviewer), as_role(Role.reviewer)
    analyst = as_role(Role.analyst)
    url = f"{API}/cases/{case_id}/decisions"
    proposed = service.client.post(
        url, json={"status": "confirmed", "note": "clear case", "version": 1}, headers=proposer
    )
    assert proposed.status_code == 201, proposed.text
    decision = proposed.json()["decision"]
    assert decision["state"] == "pending" and decision["needs_approval"]
    summary = proposed.json()["case"]
    assert summary["status"] == "new" and summary["awaiting_approval"]
    version = summary["version"]
    approve = f"{url}/{decision['id']}/approve"
    own = service.client.post(approve, json={"version": version}, headers=proposer)
    assert own.status_code == 403 and "own decision" in own.json()["detail"]
    low = service.client.post(approve, json={"version": version}, headers=analyst)
    assert low.status_code == 403
    another = service.client.post(
        url, json={"status": "dismissed", "version": version}, headers=analyst
    )
    assert another.status_code == 409 and "awaits approval" in another.json()["detail"]
    approved = service.client.post(approve, json={"version": version}, headers=second)
    assert approved.status_code == 200, approved.text
    assert approved.json()["case"]["status"] == "confirmed"
    assert not approved.json()["case"]["awaiting_approval"]
    again = service.client.post(approve, json={"version": version + 1}, headers=second)
    assert again.status_code == 409

    # dismissing a high-priority case waits too; a rejection leaves the status as it was
    version = approved.json()["version"]
    dismissed = service.client.post(
        url, json={"status": "dismissed", "version": version}, headers=analyst
    )
    assert dismissed.json()["decision"]["state"] == "pending"
    rejected = service.client.post(
        f"{url}/{dismissed.json()['decision']['id']}/reject",
        json={"version": dismissed.json()["version"], "note": "not without the bank's answer"},
        headers=second,
    )
    assert rejected.status_code == 200, rejected.text
    assert rejected.json()["case"]["status"] == "confirmed"
    assert rejected.json()["decision"]["state"] == "rejected"
    listed = service.client.get(url, headers=analyst).json()
    assert [d["state"] for d in listed] == ["applied", "rejected"]
    assert listed[0]["reviewed_by"] and listed[0]["proposed_by"] != listed[0]["reviewed_by"]
    for action in ("decision.propose", "decision.approve", "decision.reject"):
        assert _audited(service, action, case_id), action
    with service.db.read() as session:
        assert verify(session).ok


def low_priority_case(service: Service, case_id: str) -> str:
    """`case_id`, made one whose every status change applies at once (no four-eyes)."""
    with service.db.write() as session:
        row = session.get(CaseRow, case_id)
        row.priority, row.youth = "review", False
    return case_id


def test_casework_applies_at_once_and_refuses_a_stale_version(
    service: Service, published: list[str], as_role: Callable[[Role], Headers]
) -> None:
    case_id = low_priority_case(service, published[-1])
    service.user("anna", Role.analyst)
    browser = service.login("anna")
    url = f"{API}/cases/{case_id}"
    assigned = browser.put(f"{url}/assignee", json={"username": "anna", "version": 1})
    assert assigned.status_code == 200, assigned.text
    assert assigned.json()["assignee"] == "anna" and assigned.json()["version"] == 2
    mine = browser.get(f"{API}/cases", params={"assignee": "me"}).json()["items"]
    assert [c["id"] for c in mine] == [case_id]
    stale = browser.put(f"{url}/assignee", json={"username": None, "version": 1})
    assert stale.status_code == 409
    assert stale.headers["content-type"].startswith("application/problem+json")
    assert "changed since you loaded it" in stale.json()["detail"]
    assert stale.json()["current_version"] == 2
    moved = browser.post(f"{url}/decisions", json={"status": "in_progress", "version": 2})
    assert moved.status_code == 201 and moved.json()["decision"]["state"] == "applied"
    assert moved.json()["case"]["status"] == "in_progress"
    dismissed = browser.post(f"{url}/decisions", json={"status": "dismissed", "version": 3})
    assert dismissed.json()["case"]["status"] == "dismissed"
    phone = next(v for k, v in case_personal_pairs(_stored(service, case_id)) if k == "phone")
    noted = browser.post(f"{url}/comments", json={"text": f"called {phone}, no answer"})
    assert noted.status_code == 201, noted.text
    shown = service.client.get(f"{url}/comments", headers=as_role(Role.viewer)).json()
    assert shown[0]["author"] == "anna" and "no answer" in shown[0]["text"]
    assert phone not in shown[0]["text"] and "phone#" in shown[0]["text"]
    no_csrf = TestClient(service.app, cookies=browser.cookies)
    assert no_csrf.post(f"{url}/comments", json={"text": "x"}).status_code == 403
    viewer = as_role(Role.viewer)
    assert (
        service.client.post(f"{url}/comments", json={"text": "x"}, headers=viewer).status_code
        == 403
    )
    for action in ("case.assign", "case.status", "case.comment"):
        assert _audited(service, action, case_id), action


def _stored(service: Service, case_id: str) -> Any:
    with service.db.read() as session:
        return case_from_payload(session.get(CaseRow, case_id).payload)


def test_concurrent_edits_one_wins_the_other_gets_409(
    service: Service, published: list[str], as_role: Callable[[Role], Headers]
) -> None:
    case_id = published[0]
    service.user("bo", Role.analyst)
    service.user("cy", Role.analyst)
    people = {"bo": as_role(Role.analyst), "cy": as_role(Role.analyst)}
    start = threading.Barrier(len(people))
    answers: dict[str, int] = {}

    def edit(username: str) -> None:
        start.wait()
        answer = service.client.put(
            f"{API}/cases/{case_id}/assignee",
            json={"username": username, "version": 1},
            headers=people[username],
        )
        answers[username] = answer.status_code

    threads = [threading.Thread(target=edit, args=(u,)) for u in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers.values()) == [200, 409]
    winner = next(u for u, status in answers.items() if status == 200)
    with service.db.read() as session:
        row = session.get(CaseRow, case_id)
        assert row.version == 2
    summary = service.client.get(
        f"{API}/cases", params={"q": case_id}, headers=people[winner]
    ).json()["items"][0]
    assert summary["assignee"] == winner
    assert len(_audited(service, "case.assign", case_id)) == 1


def test_exports_are_redacted_files(
    service: Service, published: list[str], as_role: Callable[[Role], Headers]
) -> None:
    case_id = published[-1]
    analyst = as_role(Role.analyst)
    values = _clear_values(service, case_id)
    url = f"{API}/cases/{case_id}/export"
    expected = {
        "json": "application/json",
        "csv": "application/zip",
        "ftm": "application/x-ndjson",
        "gexf": "application/xml",
        "html": "text/html",
    }
    for fmt, media_type in expected.items():
        answer = service.client.get(url, params={"format": fmt}, headers=analyst)
        assert answer.status_code == 200, f"{fmt}: {answer.text[:300]}"
        assert answer.headers["content-type"].startswith(media_type), fmt
        disposition = answer.headers["content-disposition"]
        assert disposition.startswith("attachment;") and case_id in disposition
        if fmt == "csv":
            with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
                text = "".join(archive.read(n).decode() for n in archive.namelist())
                assert len(archive.namelist()) == 3
        else:
            text = answer.text
        assert case_id in text, fmt
        assert _leaks(text, values) == set(), fmt
    da = service.client.get(url, params={"format": "html", "lang": "da"}, headers=analyst)
    assert 'lang="da"' in da.text
    assert len(_audited(service, "case.export", case_id)) == len(expected) + 1
    viewer = service.client.get(url, headers=as_role(Role.viewer))
    assert viewer.status_code == 403
    bad = service.client.get(url, params={"format": "pdf"}, headers=analyst)
    assert bad.status_code == 422
