"""Working a case: assigning it and commenting on it. Assignment names the case version it saw
(service/locking.py); a comment adds to the case without changing it, so two people can
comment at once (a version, when given, is still checked). Each change is audited in its own
transaction; an audit row holds ids and lengths, never a comment's text."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from redflags.service.audit import record
from redflags.service.casework_errors import Invalid
from redflags.service.clock import utcnow
from redflags.service.db.models import Comment, User
from redflags.service.decisions import Who
from redflags.service.locking import bump_version, case_row, stale
from redflags.service.roles import Role
from redflags.service.users import find_user

MAX_COMMENT_CHARS = 10_000


def assign(session: Session, case_id: str, username: str | None, version: int, who: Who) -> int:
    """Give the case to `username` (an analyst or above, enabled), or to nobody. Its new
    version."""
    row = case_row(session, case_id)
    before = session.scalar(select(User.username).where(User.id == row.assignee_id))
    user = None
    if username is not None:
        user = find_user(session, username)
        if user is None or user.disabled:
            raise Invalid(f"no enabled user {username!r}")
        if Role[user.role] < Role.analyst:
            raise Invalid(f"{user.username} has the {user.role} role; cases go to analysts")
    new_version = bump_version(session, case_id, version, assignee_id=user.id if user else None)
    record(
        session,
        who.actor,
        "case.assign",
        "case",
        case_id,
        details={"from": before, "to": user.username if user else None, "version": new_version},
    )
    return new_version


def add_comment(
    session: Session, case_id: str, text: str, who: Who, version: int | None = None
) -> Comment:
    row = case_row(session, case_id)
    if version is not None and version != row.version:
        raise stale(version, row.version)
    clean = text.strip()
    if not clean:
        raise Invalid("a comment needs some text")
    if len(clean) > MAX_COMMENT_CHARS:
        raise Invalid(f"a comment has at most {MAX_COMMENT_CHARS} characters")
    comment = Comment(case_id=case_id, author_id=who.user_id, at=utcnow(), text=clean)
    session.add(comment)
    session.flush()
    record(
        session,
        who.actor,
        "case.comment",
        "case",
        case_id,
        details={"comment": comment.id, "chars": len(clean)},
    )
    return comment
