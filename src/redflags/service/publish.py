"""A scan's results into the case store (`redflags scan --publish`, scan jobs, `serve --demo`).

The rules of the YAML baseline (cases/baseline.py) move here, over the store's rows:

- **Identity.** A case keeps the id it has in the store: same computed id, else the stored case
  whose records overlap it most (at least half of the smaller record set; `Baseline.match`).
  A case that matches one the team merged (service/cases_merge.py) goes to the case it was
  merged into; when several of the scan's cases go to one stored case, they are published as
  one: the union of their evidence, the score and network of the strongest.
- **Evidence is added, never taken away.** A matched case gets the union of its old and new
  findings, records, pivots and timeline; score, priority, roles and network are the new scan's.
- **A human decision is never overwritten.** The team's status, assignee, comments and decisions
  are not touched by a scan; a closed case that changed materially (new indicator, higher score
  or priority) is marked `changed` with the reason, for the team to look again.

Everything is written in one transaction, with one audit row for the publication."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redflags.cases.baseline import Baseline, case_snapshot, changes_between
from redflags.model import Case
from redflags.model.cases import Alert, YouthItem
from redflags.service.audit import Actor, record
from redflags.service.clock import utcnow
from redflags.service.db import Database
from redflags.service.db.models import AlertRow, CaseRow
from redflags.service.pivots import set_case_pivots
from redflags.service.redaction import model_from_payload

CLOSED = frozenset({"confirmed", "reported", "dismissed", "merged"})


@dataclass
class Published:
    run_id: str
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    alerts: int = 0
    youth: int = 0
    renamed: dict[str, str] = field(default_factory=dict)  # id computed by the scan -> stored id

    def summary(self) -> str:
        return (
            f"{len(self.new)} new, {len(self.changed)} changed, {len(self.unchanged)} unchanged "
            f"case(s); {self.alerts} alert(s), {self.youth} youth item(s)"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "new": len(self.new),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
            "alerts": self.alerts,
            "youth": self.youth,
            "cases": sorted(self.new + self.changed + self.unchanged),
        }


def case_from_payload(payload: dict[str, Any]) -> Case:
    """The scanner's Case again from its stored JSON (finding ids are computed, not stored)."""
    return model_from_payload(Case, payload)


def publish_identity(pivot: str) -> str:
    """The store keeps pivots in clear: matching compares them as they are."""
    return pivot


def _match(session: Session, cases: Sequence[Case]) -> dict[str, str]:
    """Current case id -> stored case id, by the baseline's rule over the stored snapshots."""
    stored = {
        case_id: {**snapshot, "first_seen": first_seen.isoformat(), "merged_into": merged_into}
        for case_id, snapshot, first_seen, merged_into in session.execute(
            select(CaseRow.id, CaseRow.snapshot, CaseRow.first_seen, CaseRow.merged_into)
        )
    }
    baseline = Baseline(Path("case store"), {"version": 1, "cases": stored, "suppressions": []})
    return baseline.match(cases, publish_identity)


def _union(old: Iterable[Any], new: Iterable[Any], key: Any = None) -> list[Any]:
    seen: dict[Any, Any] = {}
    for item in (*old, *new):
        seen[key(item) if key else item] = item
    return list(seen.values())


def union_payloads(old_payload: dict[str, Any] | None, payload: dict[str, Any]) -> dict[str, Any]:
    """`payload` with the findings, records, pivots and timeline of `old_payload` added (the
    rest is `payload`'s): evidence is added, never taken away."""
    payload = dict(payload)
    if not old_payload:
        return payload
    payload["findings"] = _union(
        old_payload.get("findings", ()), payload["findings"], lambda f: f["finding_id"]
    )
    for name in ("records", "pivots"):
        payload[name] = sorted(set(old_payload.get(name, ())) | set(payload[name]))
    payload["timeline"] = _union(
        old_payload.get("timeline", ()),
        payload["timeline"],
        lambda t: (t.get("event"), t.get("indicator_id"), t.get("start"), t.get("entity")),
    )
    return payload


def publish_columns(payload: dict[str, Any], snapshot: dict[str, Any]) -> dict[str, Any]:
    """The columns the inbox filters and sorts on, from the case's JSON."""
    starts = [t["start"] for t in payload.get("timeline", ()) if t.get("start")]
    ends = [t.get("end") or t["start"] for t in payload.get("timeline", ()) if t.get("start")]
    findings = payload.get("findings", ())
    return {
        "priority": snapshot["priority"],
        "score": float(snapshot["score"]),
        "indicators": sorted({f["indicator_id"] for f in findings}),
        "categories": sorted({g["category"] for g in payload.get("categories", ())}),
        "record_kinds": sorted({r.split(":", 1)[0] for r in payload.get("records", ())}),
        "cities": sorted({c["city"] for c in payload.get("cities", ())}),
        "first_event": min(starts)[:32] if starts else None,
        "last_event": max(ends)[:32] if ends else None,
        "n_records": len(payload.get("records", ())),
        "n_findings": len(findings),
    }


def _texts(case: Case, texts: dict[str, dict[str, str]]) -> dict[str, Any]:
    return {ref: texts[ref] for ref in case.records if ref in texts}


def _names(payload: dict[str, Any], names: set[str], texts: dict[str, Any]) -> list[str]:
    """The names that appear anywhere in this case (its JSON or its quoted texts): redacted in
    every response about it."""
    if not names:
        return []
    haystack = json.dumps(payload, ensure_ascii=False) + json.dumps(texts, ensure_ascii=False)
    folded = haystack.casefold()
    return sorted(n for n in names if n.casefold() in folded)


def publish_scan(
    db: Database,
    key: bytes,
    result: Any,  # redflags.pipeline.ScanResult
    actor: Actor,
) -> Published:
    """Publish `result`'s cases, alerts and youth items into the store (one transaction)."""
    youth_groups = {item.group_id for item in result.youth_queue}
    texts_all: dict[str, dict[str, str]] = getattr(result, "record_texts", {}) or {}
    names_all: set[str] = set(getattr(result, "names", set()) or ())
    published = Published(result.run_id)
    now = utcnow()
    with db.write() as session:
        matches = _match(session, result.cases)
        fragments: dict[str, list[Case]] = {}
        for case in result.cases:
            stored_id = matches.get(case.case_id, case.case_id)
            if stored_id != case.case_id:
                published.renamed[case.case_id] = stored_id
            fragments.setdefault(stored_id, []).append(case)
        for stored_id, cases in fragments.items():
            row = session.get(CaseRow, stored_id)
            _publish_case(
                session,
                key,
                row,
                _one_payload(stored_id, cases),
                result.run_id,
                now,
                texts_all,
                names_all,
                any(case.group_id in youth_groups for case in cases),
                published,
            )
        published.alerts = _publish_items(session, "alert", result.alerts, result.run_id, now)
        published.youth = _publish_items(
            session, "youth", result.youth_queue, result.run_id, now, published.renamed
        )
        record(session, actor, "scan.publish", "run", result.run_id, details=published.as_dict())
    return published


def _one_payload(stored_id: str, cases: Sequence[Case]) -> dict[str, Any]:
    """The scan's cases that go to one stored case as one payload under its id: the strongest
    case's score, roles and network, with the evidence of all."""
    ordered = sorted(cases, key=lambda c: (c.score.total, c.case_id))
    payload: dict[str, Any] | None = None
    for case in ordered:  # the strongest last, so its parts win
        payload = union_payloads(payload, case.model_dump(mode="json"))
    assert payload is not None
    payload["case_id"] = stored_id
    return payload


def _publish_case(
    session: Session,
    key: bytes,
    row: CaseRow | None,
    scanned: dict[str, Any],
    run_id: str,
    now: datetime,
    texts_all: dict[str, dict[str, str]],
    names_all: set[str],
    youth: bool,
    published: Published,
) -> None:
    payload = union_payloads(row.payload if row else None, scanned)
    case = case_from_payload(payload)
    snapshot = case_snapshot(case, publish_identity)
    texts = _texts(case, texts_all)
    if row is None:
        row = CaseRow(
            id=case.case_id,
            version=1,
            status="new",
            scan_status="new",
            change_reasons=["first seen"],
            first_seen=now,
            first_run=run_id,
            texts={},
            names=[],
        )
        session.add(row)
        published.new.append(case.case_id)
    else:
        material = changes_between(row.snapshot, snapshot, material_only=True)
        reasons = changes_between(row.snapshot, snapshot)
        if row.status in CLOSED and material:
            reasons = [f"reappeared although {row.status}: " + "; ".join(material)]
        row.scan_status = "changed" if reasons else "unchanged"
        row.change_reasons = reasons
        row.version += 1
        (published.changed if reasons else published.unchanged).append(case.case_id)
    for name, value in publish_columns(payload, snapshot).items():
        setattr(row, name, value)
    row.youth = bool(row.youth) or youth
    row.payload = payload
    row.snapshot = snapshot
    row.texts = {**(row.texts or {}), **texts}
    row.names = sorted(set(row.names or ()) | set(_names(payload, names_all, texts)))
    row.last_seen = now
    row.last_run = run_id
    row.updated_at = now
    session.flush()
    set_case_pivots(session, key, row.id, payload["pivots"])


def _publish_items(
    session: Session,
    kind: str,
    items: Sequence[Alert | YouthItem],
    run_id: str,
    now: datetime,
    renamed: dict[str, str] | None = None,
) -> int:
    for item in items:
        item_id = item.alert_id if isinstance(item, Alert) else item.item_id
        case_id = getattr(item, "case_id", None)
        if case_id and renamed:
            case_id = renamed.get(case_id, case_id)
            item = item.model_copy(update={"case_id": case_id})
        payload = item.model_dump(mode="json")  # in clear; redacted on the way out
        row = session.get(AlertRow, item_id)
        if row is None:
            row = AlertRow(id=item_id, kind=kind, state="open", created_at=now)
            session.add(row)
        row.payload = payload
        row.score = float(item.score.total) if isinstance(item, Alert) else 0.0
        row.case_id = case_id
        row.run_id = run_id
        row.updated_at = now
    return len(items)
