"""Moderation alerts (A-…) and youth-queue items (Y-…) of the latest scans: a page of them,
redacted like cases, and their state (open, dismissed, escalated), changed by an analyst and
audited.

Four-eyes, as for cases: dismissing a youth-queue item waits (`dismiss_pending`) for a second
person with the reviewer role, who dismisses it too; nobody approves their own dismissal. Who
proposed it is read from the audit trail (append-only and hash-chained), so the store needs no
column for it. Any other state taken meanwhile (open, escalated) sets the proposal aside."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redflags.model.cases import Alert, YouthItem
from redflags.report.json_export import item_to_dict
from redflags.service.audit import Actor, record
from redflags.service.cases import stamp
from redflags.service.casework_errors import NotAllowed, NotFound
from redflags.service.clock import utcnow
from redflags.service.db.models import AlertRow, AuditEvent, CaseRow
from redflags.service.redaction import Redaction, model_from_payload

AlertState = Literal["open", "dismissed", "escalated"]
DISMISS_PENDING = "dismiss_pending"  # a youth item's dismissal awaiting a second person
ShownState = Literal["open", "dismissed", "escalated", "dismiss_pending"]
ITEM_MODELS: dict[str, type[Alert] | type[YouthItem]] = {"alert": Alert, "youth": YouthItem}


def _view(row: AlertRow, key: bytes, names: Sequence[str]) -> dict[str, Any]:
    item = model_from_payload(ITEM_MODELS[row.kind], row.payload)
    redaction = Redaction.of(key, item, names)
    return {
        "id": row.id,
        "kind": row.kind,
        "state": row.state,
        "score": round(float(row.score), 1),
        "case_id": row.case_id,
        "run_id": row.run_id,
        "created_at": stamp(row.created_at),
        "updated_at": stamp(row.updated_at),
        "item": redaction.document(item_to_dict(item, redaction.redactor)),
    }


def list_alerts(
    session: Session,
    key: bytes,
    kind: str | None = None,
    state: Sequence[str] = (),
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """A page of items, highest score first (youth items, which have no score, by id)."""
    where = []
    if kind:
        where.append(AlertRow.kind == kind)
    if state:
        where.append(AlertRow.state.in_(list(state)))
    total = session.scalar(select(func.count()).select_from(AlertRow).where(*where)) or 0
    rows = list(
        session.scalars(
            select(AlertRow)
            .where(*where)
            .order_by(AlertRow.score.desc(), AlertRow.id)
            .limit(limit)
            .offset(offset)
        )
    )
    # a youth item that is also a case: that case's names are redacted in it too
    case_ids = {r.case_id for r in rows if r.case_id}
    names: dict[str, list[str]] = {}
    if case_ids:
        names = {
            case_id: list(found or ())
            for case_id, found in session.execute(
                select(CaseRow.id, CaseRow.names).where(CaseRow.id.in_(case_ids))
            )
        }
    items = [_view(r, key, names.get(r.case_id or "", [])) for r in rows]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@dataclass(frozen=True)
class Changer:
    """Who changes an item's state: their user id (four-eyes compares people, not tokens),
    actor, and whether their role may approve a four-eyes decision (reviewer or above)."""

    user_id: int
    actor: Actor
    reviewer: bool


def _dismissal_proposer(session: Session, row: AlertRow) -> int | None:
    """The user who asked to dismiss this pending item (its last move to `dismiss_pending`)."""
    details = session.scalar(
        select(AuditEvent.details)
        .where(
            AuditEvent.action == "alert.state",
            AuditEvent.target_type == row.kind,
            AuditEvent.target_id == row.id,
        )
        .order_by(AuditEvent.id.desc())
        .limit(1)
    )
    found = (details or {}).get("proposed_by")
    return found if isinstance(found, int) else None


def _next_state(session: Session, row: AlertRow, wanted: str, who: Changer) -> str:
    """The state an item takes when `who` asks for `wanted`: a youth item's dismissal goes
    through four-eyes."""
    if row.kind != "youth" or wanted != "dismissed":
        return wanted
    if row.state != DISMISS_PENDING:
        return DISMISS_PENDING
    if not who.reviewer:
        raise NotAllowed("dismissing a youth-queue item needs the approval of a reviewer")
    if _dismissal_proposer(session, row) == who.user_id:
        raise NotAllowed("a second person must approve this dismissal, not the one who asked")
    return "dismissed"


def set_state(session: Session, alert_id: str, state: AlertState, who: Changer) -> dict[str, Any]:
    row = session.get(AlertRow, alert_id)
    if row is None:
        raise NotFound(f"no alert {alert_id!r}")
    before = row.state
    after = _next_state(session, row, state, who)
    if before != after:
        row.state = after
        row.updated_at = utcnow()
        details: dict[str, Any] = {"from": before, "to": after}
        if after == DISMISS_PENDING:
            details["proposed_by"] = who.user_id
        elif before == DISMISS_PENDING and after == "dismissed":
            details["approved_by"] = who.user_id
        record(session, who.actor, "alert.state", row.kind, row.id, details=details)
    return {
        "id": row.id,
        "kind": row.kind,
        "state": row.state,
        "needs_approval": row.state == DISMISS_PENDING,
        "updated_at": stamp(row.updated_at),
    }
