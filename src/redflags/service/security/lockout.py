"""Failed logins: an account is locked after `login_max_failures` failures in a row, for
`lockout_minutes`; a client address is slowed to `login_attempts_per_minute` attempts."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redflags.service.clock import aware, utcnow
from redflags.service.db.models import LoginAttempt, User
from redflags.service.settings import ServiceSettings


def too_many_attempts(session: Session, client: str, settings: ServiceSettings) -> bool:
    since = utcnow() - timedelta(minutes=1)
    count = session.scalar(
        select(func.count())
        .select_from(LoginAttempt)
        .where(LoginAttempt.client == client, LoginAttempt.at >= since)
    )
    return int(count or 0) >= settings.login_attempts_per_minute


def locked(user: User) -> bool:
    until = aware(user.locked_until)
    return until is not None and until > utcnow()


def note_attempt(
    session: Session,
    username: str,
    client: str,
    user: User | None,
    ok: bool,
    settings: ServiceSettings,
) -> None:
    now = utcnow()
    session.add(LoginAttempt(at=now, username=username[:64], client=client[:64], ok=ok))
    if user is None:
        return
    if ok:
        user.failed_logins = 0
        user.locked_until = None
        user.last_login_at = now
        return
    user.failed_logins = (user.failed_logins or 0) + 1
    if user.failed_logins >= settings.login_max_failures:
        user.locked_until = now + timedelta(minutes=settings.lockout_minutes)
        user.failed_logins = 0
