"""Moderation alerts (A-…) and youth-queue items (Y-…) of the latest scans: a page of them,
redacted like cases, and their state (open, dismissed, escalated), changed by an analyst and
audited."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redflags.model.cases import Alert, YouthItem
from redflags.report.json_export import item_to_dict
from redflags.service.audit import Actor, record
from redflags.service.cases import stamp
from redflags.service.casework_errors import NotFound
from redflags.service.clock import utcnow
from redflags.service.db.models import AlertRow, CaseRow
from redflags.service.redaction import Redaction, model_from_payload

AlertState = Literal["open", "dismissed", "escalated"]
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


def set_state(session: Session, alert_id: str, state: AlertState, actor: Actor) -> dict[str, Any]:
    row = session.get(AlertRow, alert_id)
    if row is None:
        raise NotFound(f"no alert {alert_id!r}")
    before = row.state
    if before != state:
        row.state = state
        row.updated_at = utcnow()
        record(
            session,
            actor,
            "alert.state",
            row.kind,
            row.id,
            details={"from": before, "to": state},
        )
    return {"id": row.id, "kind": row.kind, "state": row.state, "updated_at": stamp(row.updated_at)}
