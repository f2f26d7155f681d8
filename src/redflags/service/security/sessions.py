"""Browser sessions: an HttpOnly, SameSite=Strict cookie holds a random secret (the row keeps its
SHA-256), and a CSRF token that every unsafe request from the browser sends back in a header."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from redflags.service.clock import aware, utcnow
from redflags.service.db.models import BrowserSession, User
from redflags.service.security.secrets import digest, new_secret

COOKIE = "redflags_session"
CSRF_HEADER = "X-CSRF-Token"


@dataclass(frozen=True)
class OpenedSession:
    cookie: str
    csrf_token: str
    row: BrowserSession


def open_session(session: Session, user: User, hours: float, client: str) -> OpenedSession:
    now = utcnow()
    # a user's expired sessions go when they sign in again
    session.execute(
        delete(BrowserSession).where(
            BrowserSession.user_id == user.id, BrowserSession.expires_at < now
        )
    )
    cookie, csrf = new_secret(), new_secret()
    row = BrowserSession(
        id=digest(cookie),
        user_id=user.id,
        csrf_token=csrf,
        created_at=now,
        expires_at=now + timedelta(hours=hours),
        client=client[:64],
    )
    session.add(row)
    return OpenedSession(cookie, csrf, row)


def find_session(session: Session, cookie: str) -> tuple[BrowserSession, User] | None:
    row = session.get(BrowserSession, digest(cookie))
    if row is None:
        return None
    expires = aware(row.expires_at)
    if expires is None or expires <= utcnow():
        return None
    user = session.get(User, row.user_id)
    if user is None or user.disabled:
        return None
    return row, user


def close_session(session: Session, cookie: str) -> None:
    session.execute(delete(BrowserSession).where(BrowserSession.id == digest(cookie)))


def close_sessions_of(session: Session, user_id: int) -> None:
    """On a password change or disable: every browser of that user is signed out."""
    session.execute(delete(BrowserSession).where(BrowserSession.user_id == user_id))
