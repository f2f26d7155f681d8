"""The case store's tables. Times are timezone-aware UTC; JSON columns hold what a case looked
like (the scanner's `Case` as JSON, in clear: the store is the protected place, every response
is redacted on the way out, see api/redaction.py).

Changed only through a new Alembic migration (db/migrations/versions); a test compares these
models with the migrated schema."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints, so migrations can name what they alter on both SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[Any]: JSON}


UtcDateTime = DateTime(timezone=True)


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str | None] = mapped_column(String(200))  # None: token-only account
    role: Mapped[str] = mapped_column(String(16))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)  # in a row
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_login_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ApiToken(Base):
    """A system's credential: `rf_<id>_<secret>`; only the secret's SHA-256 is kept."""

    __tablename__ = "api_tokens"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))  # at most the owner's role
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class BrowserSession(Base):
    """A signed-in browser: the cookie holds a random secret, this row its SHA-256."""

    __tablename__ = "browser_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the cookie value
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    client: Mapped[str] = mapped_column(String(64), default="")


class LoginAttempt(Base):
    """Every login attempt, for rate limits by client address (the audit log has them too)."""

    __tablename__ = "login_attempts"
    __table_args__ = (Index("ix_login_attempts_client_at", "client", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    username: Mapped[str] = mapped_column(String(64))
    client: Mapped[str] = mapped_column(String(64))
    ok: Mapped[bool] = mapped_column(Boolean)


class CaseRow(Base):
    """A case as the team works it. `version` grows with every change (optimistic locking: an
    edit names the version it saw, and a stale one gets 409). `status` is the team's; the scan
    only ever adds evidence (payload, snapshot, scan_status)."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_status_priority", "status", "priority"),
        Index("ix_cases_assignee", "assignee_id"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(24), default="new")
    # status "merged": the team merged this case into that one (service/cases_merge.py)
    merged_into: Mapped[str | None] = mapped_column(String(32))
    priority: Mapped[str] = mapped_column(String(16))  # high, review
    score: Mapped[float] = mapped_column(Float)
    youth: Mapped[bool] = mapped_column(Boolean, default=False)  # also in the youth queue
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    scan_status: Mapped[str] = mapped_column(String(16), default="new")  # new, changed, unchanged
    change_reasons: Mapped[list[Any]] = mapped_column(default=list)
    indicators: Mapped[list[Any]] = mapped_column(default=list)
    categories: Mapped[list[Any]] = mapped_column(default=list)
    record_kinds: Mapped[list[Any]] = mapped_column(default=list)
    cities: Mapped[list[Any]] = mapped_column(default=list)
    first_event: Mapped[str | None] = mapped_column(String(32))
    last_event: Mapped[str | None] = mapped_column(String(32))
    n_records: Mapped[int] = mapped_column(Integer, default=0)
    n_findings: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[dict[str, Any]] = mapped_column()  # the scanner's Case, as JSON
    names: Mapped[list[Any]] = mapped_column(default=list)  # people's names, redacted in text
    texts: Mapped[dict[str, Any]] = mapped_column(default=dict)  # record -> field -> text
    snapshot: Mapped[dict[str, Any]] = mapped_column()  # what matching compares (baseline)
    first_seen: Mapped[datetime] = mapped_column(UtcDateTime)
    last_seen: Mapped[datetime] = mapped_column(UtcDateTime)
    first_run: Mapped[str] = mapped_column(String(64))
    last_run: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class CasePivot(Base):
    """A keyed hash of each identifier of a case: online scoring finds open cases that share one
    without keeping the identifier in clear for that lookup."""

    __tablename__ = "case_pivots"
    __table_args__ = (Index("ix_case_pivots_digest", "digest"),)

    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))


class Comment(Base):
    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_case", "case_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    text: Mapped[str] = mapped_column(Text)


class Decision(Base):
    """A proposed change of a case's status. Four-eyes ones wait (`pending`) for a second user
    with the reviewer role; the others are `applied` at once."""

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_case", "case_id"), Index("ix_decisions_state", "state"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    status: Mapped[str] = mapped_column(String(24))  # the status asked for
    note: Mapped[str] = mapped_column(Text, default="")
    proposed_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    proposed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    needs_approval: Mapped[bool] = mapped_column(Boolean)
    state: Mapped[str] = mapped_column(String(16))  # pending, applied, rejected, withdrawn
    reviewed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    review_note: Mapped[str] = mapped_column(Text, default="")
    snapshot: Mapped[dict[str, Any]] = mapped_column(default=dict)  # score/priority/indicators


class AlertRow(Base):
    """A moderation item (A-…) or youth-queue item (Y-…) of the latest scan that raised it."""

    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_kind_state", "kind", "state"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # alert, youth
    state: Mapped[str] = mapped_column(String(16), default="open")  # open, dismissed, escalated
    score: Mapped[float] = mapped_column(Float, default=0.0)
    case_id: Mapped[str | None] = mapped_column(String(32))  # a youth item that is also a case
    payload: Mapped[dict[str, Any]] = mapped_column()
    run_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class ScanJob(Base):
    """A scan run by the service: state and progress persist, so a restart can tell a job cut
    off (running when the process died) from one that finished."""

    __tablename__ = "scan_jobs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    state: Mapped[str] = mapped_column(String(16))  # queued, running, succeeded, failed
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    inputs: Mapped[list[Any]] = mapped_column(default=list)  # paths under the data root
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    stage: Mapped[str] = mapped_column(String(32), default="")
    progress: Mapped[float] = mapped_column(Float, default=0.0)  # 0..1
    message: Mapped[str] = mapped_column(Text, default="")
    run_id: Mapped[str | None] = mapped_column(String(64))
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)
    rerun_of: Mapped[str | None] = mapped_column(String(32))


class AuditEvent(Base):
    """The append-only audit log: each row carries the hash of the one before it (a chain that
    `redflags audit verify` checks); triggers refuse UPDATE and DELETE on both databases."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    actor: Mapped[str] = mapped_column(String(64))  # username, "token:<id>", "system"
    client: Mapped[str] = mapped_column(String(64), default="")  # where from
    action: Mapped[str] = mapped_column(String(48))
    target_type: Mapped[str] = mapped_column(String(24), default="")
    target_id: Mapped[str] = mapped_column(String(64), default="")
    ok: Mapped[bool] = mapped_column(Boolean, default=True)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
