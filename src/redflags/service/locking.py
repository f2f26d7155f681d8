"""Optimistic locking of a case: a change names the version it saw and is written as
`UPDATE cases ... WHERE id = ? AND version = ?`. No row changed means someone else changed the
case first (or it does not exist): the change is refused, never written over theirs. On
PostgreSQL the second of two concurrent UPDATEs waits for the first and then finds the version
moved; on SQLite writers queue (BEGIN IMMEDIATE) and the second finds the same."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from redflags.service.casework_errors import NotFound, StaleVersion
from redflags.service.clock import utcnow
from redflags.service.db.models import CaseRow


def bump_version(session: Session, case_id: str, seen: int, **changes: Any) -> int:
    """Apply `changes` to the case if it is still at version `seen`; its new version."""
    result = session.execute(
        update(CaseRow)
        .where(CaseRow.id == case_id, CaseRow.version == seen)
        .values(version=CaseRow.version + 1, updated_at=utcnow(), **changes)
        .execution_options(synchronize_session="fetch")
    )
    if result.rowcount == 1:  # type: ignore[attr-defined]
        return seen + 1
    current = session.scalar(select(CaseRow.version).where(CaseRow.id == case_id))
    if current is None:
        raise NotFound(f"no case {case_id!r}")
    raise stale(seen, current)


def stale(seen: int, current: int) -> StaleVersion:
    return StaleVersion(
        f"the case changed since you loaded it (you saw version {seen}, it is now at "
        f"{current}); load it again and redo your change",
        current_version=current,
    )


def case_row(session: Session, case_id: str) -> CaseRow:
    row = session.get(CaseRow, case_id)
    if row is None:
        raise NotFound(f"no case {case_id!r}")
    return row
