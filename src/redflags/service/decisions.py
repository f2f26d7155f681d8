"""Decisions about a case's status, with four-eyes where the issue asks for it.

Closing a case as confirmed or reported, and dismissing one whose priority is high or that is
in the youth queue, waits (`pending`) for a second person with the reviewer role; nobody
approves (or rejects) their own decision. Every other status change applies at once. Each step
names the case version it saw (service/locking.py) and is audited in its own transaction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from redflags.service.audit import Actor, record
from redflags.service.casework_errors import Conflict, Invalid, NotAllowed, NotFound
from redflags.service.clock import utcnow
from redflags.service.db.models import CaseRow, Decision
from redflags.service.locking import bump_version, case_row

STATUSES = ("new", "in_progress", "needs_information", "confirmed", "reported", "dismissed")
ALWAYS_FOUR_EYES = frozenset({"confirmed", "reported"})


def needs_four_eyes(status: str, priority: str, youth: bool) -> bool:
    """Whether moving a case to `status` waits for a second person's approval."""
    if status in ALWAYS_FOUR_EYES:
        return True
    return status == "dismissed" and (priority == "high" or youth)


@dataclass(frozen=True)
class Who:
    """The person acting: their user id (four-eyes compares people, not tokens) and actor."""

    user_id: int
    actor: Actor


def _pending(session: Session, case_id: str) -> Decision | None:
    return session.scalar(
        select(Decision).where(Decision.case_id == case_id, Decision.state == "pending")
    )


def _snapshot(row: CaseRow) -> dict[str, Any]:
    return {"score": row.score, "priority": row.priority, "indicators": list(row.indicators)}


def propose(
    session: Session, case_id: str, status: str, note: str, version: int, who: Who
) -> tuple[Decision, int]:
    """A new decision: applied at once, or pending when it needs four eyes. Returns the
    decision and the case's new version."""
    if status not in STATUSES:
        raise Invalid(f"unknown status {status!r}; one of {', '.join(STATUSES)}")
    row = case_row(session, case_id)
    before = row.status
    four_eyes = needs_four_eyes(status, row.priority, bool(row.youth))
    # the version check first: it also makes a concurrent proposal wait for this one
    new_version = bump_version(
        session, case_id, version, **({} if four_eyes else {"status": status})
    )
    waiting = _pending(session, case_id)
    if waiting is not None:
        raise Conflict(
            f"decision {waiting.id} ({waiting.status}) awaits approval; it must be approved, "
            "rejected or withdrawn first",
            decision_id=waiting.id,
        )
    if status == before:
        raise Invalid(f"the case is already {status}")
    decision = Decision(
        case_id=case_id,
        status=status,
        note=note,
        proposed_by=who.user_id,
        proposed_at=utcnow(),
        needs_approval=four_eyes,
        state="pending" if four_eyes else "applied",
        snapshot=_snapshot(row),
        review_note="",
    )
    session.add(decision)
    session.flush()
    details = {"decision": decision.id, "from": before, "to": status, "version": new_version}
    if four_eyes:
        record(session, who.actor, "decision.propose", "case", case_id, details=details)
    else:
        record(session, who.actor, "case.status", "case", case_id, details=details)
    return decision, new_version


def _open_decision(session: Session, case_id: str, decision_id: int) -> Decision:
    decision = session.get(Decision, decision_id)
    if decision is None or decision.case_id != case_id:
        raise NotFound(f"no decision {decision_id} on case {case_id!r}")
    if decision.state != "pending":
        raise Conflict(f"decision {decision_id} is {decision.state}, not pending")
    return decision


def _close(session: Session, decision: Decision, state: str, who: Who, note: str) -> None:
    """Mark a pending decision `state`, if nobody else closed it first."""
    result = session.execute(
        update(Decision)
        .where(Decision.id == decision.id, Decision.state == "pending")
        .values(state=state, reviewed_by=who.user_id, reviewed_at=utcnow(), review_note=note)
        .execution_options(synchronize_session="fetch")
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict(f"decision {decision.id} was closed by someone else meanwhile")


def review(
    session: Session,
    case_id: str,
    decision_id: int,
    approve: bool,
    note: str,
    version: int,
    who: Who,
) -> tuple[Decision, int]:
    """Approve (the case takes the decided status) or reject (it keeps its own) a pending
    decision; a second person's act: the proposer may only withdraw."""
    decision = _open_decision(session, case_id, decision_id)
    if decision.proposed_by == who.user_id:
        raise NotAllowed(
            "four eyes: nobody approves or rejects their own decision; another reviewer must "
            "(you may withdraw it)"
        )
    before = case_row(session, case_id).status
    changes = {"status": decision.status} if approve else {}
    new_version = bump_version(session, case_id, version, **changes)
    _close(session, decision, "applied" if approve else "rejected", who, note)
    action = "decision.approve" if approve else "decision.reject"
    details = {
        "decision": decision.id,
        "from": before,
        "to": decision.status if approve else before,
        "version": new_version,
    }
    record(session, who.actor, action, "case", case_id, details=details)
    return decision, new_version


def withdraw(
    session: Session, case_id: str, decision_id: int, version: int, who: Who
) -> tuple[Decision, int]:
    """The proposer takes back their pending decision."""
    decision = _open_decision(session, case_id, decision_id)
    if decision.proposed_by != who.user_id:
        raise NotAllowed("only the person who proposed a decision may withdraw it")
    new_version = bump_version(session, case_id, version)
    _close(session, decision, "withdrawn", who, "")
    record(
        session,
        who.actor,
        "decision.withdraw",
        "case",
        case_id,
        details={"decision": decision.id, "version": new_version},
    )
    return decision, new_version
