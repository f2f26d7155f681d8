"""The audit trail: who did what, when, from where, to which case, user or token.

Rows are appended, never changed (database triggers refuse UPDATE and DELETE). Each row carries
the SHA-256 of its own content and of the row before it, so an edited or deleted row breaks the
chain at that place: `verify` finds it. A chain can still be cut at its end without a trace in
the chain itself, so `verify` can compare with an anchor (a row count and head hash written
earlier, e.g. by a nightly `redflags audit verify --anchor FILE` kept elsewhere).

Appends are serialised: PostgreSQL takes a transaction-scoped advisory lock, SQLite's writers
already hold the database's write lock (BEGIN IMMEDIATE), so two rows never claim one parent."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from redflags.service.clock import aware, utcnow
from redflags.service.db.models import AuditEvent

GENESIS = "0" * 64
_LOCK_KEY = 0x7265_6466  # "redf": the advisory lock every appender takes on PostgreSQL


@dataclass(frozen=True)
class Actor:
    name: str  # username, "token:<id>" (with its owner in details), or "system"
    client: str = ""  # the client's address


SYSTEM = Actor("system")


def _content_hash(prev_hash: str, at: datetime, fields: dict[str, Any]) -> str:
    body = json.dumps(
        {"prev": prev_hash, "at": at.isoformat(timespec="microseconds"), **fields},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(body.encode()).hexdigest()


def _fields(row: AuditEvent) -> dict[str, Any]:
    return {
        "actor": row.actor,
        "client": row.client,
        "action": row.action,
        "target_type": row.target_type,
        "target_id": row.target_id,
        "ok": bool(row.ok),
        "details": row.details or {},
    }


def record(
    session: Session,
    actor: Actor,
    action: str,
    target_type: str = "",
    target_id: str = "",
    *,
    ok: bool = True,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction (it is kept exactly when the change is)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
    prev = session.scalar(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1))
    row = AuditEvent(
        at=utcnow(),
        actor=actor.name[:64],
        client=actor.client[:64],
        action=action,
        target_type=target_type,
        target_id=str(target_id)[:64],
        ok=ok,
        details=_plain(details or {}),
        prev_hash=prev or GENESIS,
    )
    row.hash = _content_hash(row.prev_hash, row.at, _fields(row))
    session.add(row)
    session.flush()
    return row


def _plain(details: dict[str, Any]) -> dict[str, Any]:
    """What JSON stores and gives back unchanged (the hash is over the stored form)."""
    loaded: dict[str, Any] = json.loads(json.dumps(details, default=str, ensure_ascii=False))
    return loaded


@dataclass(frozen=True)
class Verification:
    rows: int
    head: str  # the last row's hash (GENESIS when empty)
    broken_at: int | None = None  # id of the first row whose chain or content does not hold
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None and not self.problem


def _rows(session: Session, batch: int = 5000) -> Iterator[AuditEvent]:
    last = 0
    while True:
        rows = list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.id > last).order_by(AuditEvent.id).limit(batch)
            )
        )
        if not rows:
            return
        yield from rows
        last = rows[-1].id


def verify(session: Session, anchor: dict[str, Any] | None = None) -> Verification:
    """Walk the chain from the first row; compare with `anchor` ({"rows", "head"}) if given."""
    prev, count = GENESIS, 0
    seen_anchor = anchor is None or int(anchor.get("rows", 0)) == 0
    for row in _rows(session):
        count += 1
        at = aware(row.at)
        assert at is not None
        if row.prev_hash != prev:
            return Verification(count, prev, row.id, "a row before this one was deleted or edited")
        if _content_hash(row.prev_hash, at, _fields(row)) != row.hash:
            return Verification(count, prev, row.id, "this row was edited after it was written")
        prev = row.hash
        if anchor is not None and count == int(anchor.get("rows", 0)):
            if row.hash != anchor.get("head"):
                return Verification(count, prev, row.id, "the chain differs from the anchor")
            seen_anchor = True
    if not seen_anchor:
        return Verification(
            count,
            prev,
            None,
            f"the anchor has {anchor and anchor.get('rows')} rows, the log "
            f"{count}: rows were cut from its end",
        )
    return Verification(count, prev)
