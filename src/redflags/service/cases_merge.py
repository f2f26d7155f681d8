"""Merging fragments of one network into one case (issue #16): the scan may raise one network as
several cases (fragments, listed as each other's related cases); a reviewer who sees that they
are one merges case B into case A.

- A gets B's findings, records, pivots and timeline (the union, as publishing adds evidence);
  the score, roles and network are the stronger case's, so a merge never lowers what A shows.
- A's status, assignee, comments and decisions are kept (a human decision is never
  overwritten); B is closed with status `merged` and `merged_into` = A, and stays readable.
- A later scan that matches B's evidence publishes into A (`Baseline.match` follows
  `merged_into`), never into B or a new case.
- Refused (409): a case with a pending four-eyes decision (approve, reject or withdraw it
  first: the second person decided on the case as it was), a case already merged, and merging
  a confirmed or reported case away (its decision would leave the inbox: merge the other way
  round). Both versions grow, A's by the version its reader saw (optimistic locking).

One audit row on each case (`case.merge` on A, `case.merged` on B), in the merge's
transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, aliased

from redflags.cases.baseline import case_snapshot
from redflags.service.audit import record
from redflags.service.casework_errors import Conflict, Invalid
from redflags.service.clock import utcnow
from redflags.service.db.models import AlertRow, CasePivot, CaseRow, Decision
from redflags.service.decisions import Who
from redflags.service.locking import bump_version, case_row
from redflags.service.pivots import set_case_pivots
from redflags.service.publish import (
    case_from_payload,
    publish_columns,
    publish_identity,
    union_payloads,
)

MERGED = "merged"
KEEPS_ITS_DECISION = frozenset({"confirmed", "reported"})


def _refuse_pending(session: Session, case_id: str) -> None:
    waiting = session.scalar(
        select(Decision).where(Decision.case_id == case_id, Decision.state == "pending")
    )
    if waiting is not None:
        raise Conflict(
            f"case {case_id} has decision {waiting.id} ({waiting.status}) awaiting approval; "
            "approve, reject or withdraw it before merging",
            decision_id=waiting.id,
        )


def _check(into: CaseRow, away: CaseRow) -> None:
    if into.id == away.id:
        raise Invalid("a case cannot be merged into itself")
    for row in (into, away):
        if row.status == MERGED:
            raise Conflict(f"case {row.id} was already merged into {row.merged_into}")
    if away.status in KEEPS_ITS_DECISION:
        raise Conflict(
            f"case {away.id} is {away.status}; merge {into.id} into it instead, so its "
            "decision stays in the inbox"
        )


def merged_payload(into: dict[str, Any], away: dict[str, Any]) -> dict[str, Any]:
    """A's payload with B's evidence; the stronger case's score, roles and network."""
    into_score = float(into.get("score", {}).get("total", 0.0))
    away_score = float(away.get("score", {}).get("total", 0.0))
    weaker, stronger = (into, away) if away_score > into_score else (away, into)
    payload = union_payloads(weaker, stronger)  # the second's score, roles and network win
    payload["case_id"] = into["case_id"]
    network = payload.get("network")
    if network and network.get("related_cases"):
        gone = {into["case_id"], away["case_id"]}
        related = [c for c in network["related_cases"] if c not in gone]
        payload["network"] = {**network, "related_cases": related}
    return payload


def merge_cases(
    session: Session, key: bytes, into_id: str, away_id: str, version: int, who: Who
) -> int:
    """Merge case `away_id` into case `into_id` (seen at `version`); A's new version."""
    into, away = case_row(session, into_id), case_row(session, away_id)
    _check(into, away)
    _refuse_pending(session, into_id)
    _refuse_pending(session, away_id)
    away_status, away_version = away.status, away.version
    before = {"records": into.n_records, "findings": into.n_findings}
    new_version = bump_version(session, into_id, version)
    bump_version(session, away_id, away_version, status=MERGED, merged_into=into_id)
    payload = merged_payload(into.payload, away.payload)
    snapshot = case_snapshot(case_from_payload(payload), publish_identity)
    for name, value in publish_columns(payload, snapshot).items():
        setattr(into, name, value)
    into.payload, into.snapshot = payload, snapshot
    into.youth = bool(into.youth or away.youth)
    into.texts = {**(away.texts or {}), **(into.texts or {})}
    into.names = sorted(set(into.names or ()) | set(away.names or ()))
    into.updated_at = utcnow()
    session.flush()
    set_case_pivots(session, key, into_id, payload["pivots"])
    _follow(session, into_id, away_id)
    details = {
        "from": away_id,
        "from_status": away_status,
        "version": new_version,
        "records_added": into.n_records - before["records"],
        "findings_added": into.n_findings - before["findings"],
    }
    record(session, who.actor, "case.merge", "case", into_id, details=details)
    record(
        session,
        who.actor,
        "case.merged",
        "case",
        away_id,
        details={"into": into_id, "from_status": away_status, "version": away_version + 1},
    )
    return new_version


def _follow(session: Session, into_id: str, away_id: str) -> None:
    """What pointed at B points at A: cases merged into B earlier, alerts and youth items."""
    session.execute(
        update(CaseRow).where(CaseRow.merged_into == away_id).values(merged_into=into_id)
    )
    session.execute(update(AlertRow).where(AlertRow.case_id == away_id).values(case_id=into_id))


def merged_from(session: Session, case_id: str) -> list[str]:
    """The cases merged into `case_id`."""
    return list(
        session.scalars(
            select(CaseRow.id).where(CaseRow.merged_into == case_id).order_by(CaseRow.id)
        )
    )


def related_cases(session: Session, case_id: str, related: list[str]) -> list[dict[str, Any]]:
    """The cases a merge would most likely take in: the scan's related cases (`related`, from
    one split network) and every case sharing an identifier with this one (by digest), as
    the case page lists them: id, status, score, merged_into."""
    mine = aliased(CasePivot)
    theirs = aliased(CasePivot)
    sharing = (
        select(theirs.case_id)
        .join(mine, mine.digest == theirs.digest)
        .where(mine.case_id == case_id, theirs.case_id != case_id)
    )
    rows = session.execute(
        select(CaseRow.id, CaseRow.status, CaseRow.score, CaseRow.merged_into)
        .where(or_(CaseRow.id.in_(related), CaseRow.id.in_(sharing)), CaseRow.id != case_id)
        .order_by(CaseRow.score.desc(), CaseRow.id)
    )
    return [
        {"id": r.id, "status": r.status, "score": r.score, "merged_into": r.merged_into}
        for r in rows
    ]
