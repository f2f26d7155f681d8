"""API tokens for systems: `rf_<id>_<secret>`, shown once, stored as the secret's SHA-256,
scoped to a role no higher than the owner's, expiring and revocable."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from redflags.service.clock import aware, utcnow
from redflags.service.db.models import ApiToken, User
from redflags.service.roles import Role
from redflags.service.security.secrets import digest, new_secret, same

_FORMAT = re.compile(r"^rf_([a-z0-9]{12})_([A-Za-z0-9_-]{20,100})$")


class TokenError(ValueError):
    pass


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # the whole credential, shown once


def issue_token(session: Session, owner: User, name: str, role: Role, days: int) -> IssuedToken:
    if role > Role[owner.role]:
        raise TokenError(f"a token of {owner.username} can have at most the role {owner.role}")
    token_id = "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(12))
    secret = new_secret()
    now = utcnow()
    row = ApiToken(
        id=token_id,
        user_id=owner.id,
        name=name[:200],
        secret_hash=digest(secret),
        role=role.name,
        created_at=now,
        expires_at=now + timedelta(days=days),
    )
    session.add(row)
    session.flush()
    return IssuedToken(row, f"rf_{token_id}_{secret}")


def find_token(session: Session, credential: str) -> tuple[ApiToken, User] | None:
    """The live token and its enabled owner for a presented credential, else None."""
    match = _FORMAT.match(credential.strip())
    if not match:
        return None
    row = session.get(ApiToken, match.group(1))
    if row is None or not same(row.secret_hash, digest(match.group(2))):
        return None
    expires = aware(row.expires_at)
    if row.revoked_at is not None or (expires is not None and expires <= utcnow()):
        return None
    owner = session.get(User, row.user_id)
    if owner is None or owner.disabled:
        return None
    return row, owner


def tokens_of(session: Session, user_id: int | None = None) -> list[ApiToken]:
    query = select(ApiToken).order_by(ApiToken.created_at)
    if user_id is not None:
        query = query.where(ApiToken.user_id == user_id)
    return list(session.scalars(query))
