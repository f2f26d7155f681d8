"""Local accounts: add, change password, change role, disable. Shared by `redflags users` and
the admin API; every change is audited in the same transaction."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from redflags.service.audit import Actor, record
from redflags.service.clock import utcnow
from redflags.service.db.models import ApiToken, User
from redflags.service.roles import Role
from redflags.service.security.passwords import check_strength, hash_password
from redflags.service.security.sessions import close_sessions_of

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")


class UserError(ValueError):
    pass


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip().lower()))


def get_user(session: Session, username: str) -> User:
    user = find_user(session, username)
    if user is None:
        raise UserError(f"no user {username!r}")
    return user


def add_user(
    session: Session,
    username: str,
    role: Role,
    password: str | None,
    actor: Actor,
    display_name: str = "",
) -> User:
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise UserError(
            "a user name is 2-64 of a-z, 0-9, '.', '_' and '-', starting with one of a-z0-9"
        )
    if find_user(session, name) is not None:
        raise UserError(f"user {name!r} exists")
    if password is not None:
        check_strength(password, name)
    user = User(
        username=name,
        display_name=display_name[:200],
        password_hash=hash_password(password) if password is not None else None,
        role=role.name,
        created_at=utcnow(),
    )
    session.add(user)
    session.flush()
    record(session, actor, "user.add", "user", name, details={"role": role.name})
    return user


def set_password(session: Session, username: str, password: str, actor: Actor) -> User:
    user = get_user(session, username)
    check_strength(password, user.username)
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    close_sessions_of(session, user.id)
    record(session, actor, "user.passwd", "user", user.username)
    return user


def set_role(session: Session, username: str, role: Role, actor: Actor) -> User:
    user = get_user(session, username)
    before = user.role
    user.role = role.name
    # a token never holds more than its owner may
    for token in session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)):
        if Role[token.role] > role:
            token.role = role.name
    record(
        session,
        actor,
        "user.role",
        "user",
        user.username,
        details={"from": before, "to": role.name},
    )
    return user


def set_disabled(session: Session, username: str, disabled: bool, actor: Actor) -> User:
    user = get_user(session, username)
    user.disabled = disabled
    if disabled:
        close_sessions_of(session, user.id)
    record(session, actor, "user.disable" if disabled else "user.enable", "user", user.username)
    return user


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))
