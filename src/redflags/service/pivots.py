"""The keyed digests of each case's identifiers (table case_pivots): online scoring asks "does
an open case share this phone?" by digest, so that lookup keeps no identifier in clear."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from redflags.service.db.models import CasePivot, CaseRow
from redflags.service.keys import pivot_digest


def set_case_pivots(session: Session, key: bytes, case_id: str, pivots: Iterable[str]) -> int:
    """Replace a case's digests with those of `pivots` ("kind:value")."""
    session.execute(delete(CasePivot).where(CasePivot.case_id == case_id))
    rows = {pivot_digest(key, p): p.partition(":")[0][:16] for p in pivots if ":" in p}
    session.add_all(CasePivot(case_id=case_id, digest=d, kind=k) for d, k in rows.items())
    return len(rows)


def cases_sharing(session: Session, key: bytes, pivots: Iterable[str]) -> dict[str, list[str]]:
    """Pivot -> ids of cases that hold it."""
    wanted = {pivot_digest(key, p): p for p in pivots if ":" in p}
    if not wanted:
        return {}
    found: dict[str, list[str]] = {}
    rows = session.execute(
        select(CasePivot.digest, CasePivot.case_id).where(CasePivot.digest.in_(list(wanted)))
    )
    for digest, case_id in rows:
        found.setdefault(wanted[digest], []).append(case_id)
    return found


def reindex_pivots(session: Session, key: bytes) -> int:
    """Every case's digests again under `key` (after a key rotation)."""
    count = 0
    for case_id, payload in session.execute(select(CaseRow.id, CaseRow.payload)):
        count += set_case_pivots(session, key, case_id, payload.get("pivots", ()))
    return count
