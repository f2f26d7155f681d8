"""The case store's verdicts as a verdict baseline (cases/baseline.py's YAML format) and back,
for teams that also scan from the command line (`redflags cases export-baseline`,
`import-baseline`).

Export writes every stored case as a baseline entry: its snapshot (pivots keyed with the
command line's redaction key, as a scan's baseline has them: a baseline never holds clear
identifiers) and, for a case the team closed, a verdict. Import applies a baseline's verdicts to
the stored cases they match (same id, else the baseline's record-overlap rule) that the team has
not decided yet (status `new`): a decision made in the store is never overwritten. Each verdict
imported is one audit row; suppressions have no place in the store and are counted, not kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redflags.cases.baseline import BASELINE_VERSION, VERDICTS, Baseline
from redflags.service.audit import Actor, record
from redflags.service.clock import aware, utcnow
from redflags.service.db.models import CaseRow, Decision, User
from redflags.service.publish import case_from_payload

# A closed case's status in the store -> the baseline's verdict (reported implies confirmed).
VERDICT_OF_STATUS = {
    "confirmed": "confirmed",
    "reported": "confirmed",
    "dismissed": "dismissed",
    "needs_information": "needs_information",
}
PivotToken = Callable[[str], str]


def _iso(value: Any) -> str | None:
    moment = aware(value)
    return moment.isoformat(timespec="seconds") if moment else None


def _verdict(session: Session, row: CaseRow, status: str) -> dict[str, Any]:
    """The store's last applied decision on the case, in the baseline's verdict form."""
    decision = session.scalar(
        select(Decision)
        .where(Decision.case_id == row.id, Decision.state == "applied")
        .order_by(Decision.proposed_at.desc(), Decision.id.desc())
        .limit(1)
    )
    snapshot = (decision.snapshot if decision else None) or row.snapshot
    verdict = {
        "status": status,
        "by": "case store",
        "at": _iso(row.updated_at),
        "note": "",
        "snapshot": {k: snapshot.get(k) for k in ("score", "priority", "indicators")},
    }
    if decision is not None:
        verdict["by"] = session.scalar(select(User.username).where(User.id == decision.proposed_by))
        verdict["at"] = _iso(decision.reviewed_at or decision.proposed_at)
        verdict["note"] = decision.note
    return verdict


def export_baseline(session: Session, pivot_token: PivotToken) -> dict[str, Any]:
    cases: dict[str, dict[str, Any]] = {}
    for row in session.scalars(select(CaseRow).order_by(CaseRow.id)):
        snapshot = dict(row.snapshot)
        snapshot["pivots"] = sorted(pivot_token(p) for p in snapshot.get("pivots", ()))
        entry: dict[str, Any] = {
            "first_seen": _iso(row.first_seen),
            "first_run": row.first_run,
            "last_seen": _iso(row.last_seen),
            "last_run": row.last_run,
            **snapshot,
        }
        verdict = VERDICT_OF_STATUS.get(row.status)
        if verdict is not None:
            entry["verdict"] = _verdict(session, row, verdict)
        cases[row.id] = entry
    return {"version": BASELINE_VERSION, "cases": cases, "suppressions": []}


@dataclass
class Imported:
    applied: list[str] = field(default_factory=list)  # store ids that took the verdict
    kept: list[str] = field(default_factory=list)  # already decided in the store
    unmatched: int = 0  # verdicts of cases the store does not have
    suppressions: int = 0  # not kept: the store has no suppressions


def import_verdicts(
    session: Session, baseline: Baseline, pivot_token: PivotToken, actor: Actor
) -> Imported:
    rows = {row.id: row for row in session.scalars(select(CaseRow))}
    stored = [case_from_payload(row.payload) for row in rows.values()]
    # Baseline.match maps the store's cases onto the baseline's entries
    matches = baseline.match(stored, pivot_token)
    imported = Imported(suppressions=len(baseline.data.get("suppressions", ())))
    matched = set(matches.values())
    imported.unmatched = sum(
        1 for case_id, e in baseline.cases.items() if e.get("verdict") and case_id not in matched
    )
    now = utcnow()
    for store_id, baseline_id in sorted(matches.items()):
        verdict = baseline.cases[baseline_id].get("verdict") or {}
        status = verdict.get("status")
        if status not in VERDICTS:
            continue
        row = rows[store_id]
        if row.status != "new":
            imported.kept.append(store_id)
            continue
        row.status, row.version, row.updated_at = status, row.version + 1, now
        record(
            session,
            actor,
            "case.import_verdict",
            "case",
            store_id,
            details={
                "status": status,
                "baseline_id": baseline_id,
                "by": verdict.get("by"),
                "at": verdict.get("at"),
                "note": verdict.get("note", ""),
                "from": str(baseline.path),
            },
        )
        imported.applied.append(store_id)
    return imported
