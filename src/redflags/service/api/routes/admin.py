"""Administration: users, API tokens and the audit log (admin role)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from redflags.service.api.deps import AdminUser
from redflags.service.api.problems import ServiceError
from redflags.service.api.state import service
from redflags.service.audit import record, verify
from redflags.service.clock import utcnow
from redflags.service.db.models import ApiToken, AuditEvent, User
from redflags.service.roles import Role
from redflags.service.security.passwords import WeakPassword
from redflags.service.security.tokens import TokenError, issue_token, tokens_of
from redflags.service.users import (
    UserError,
    add_user,
    get_user,
    list_users,
    set_disabled,
    set_password,
    set_role,
)

router = APIRouter(tags=["admin"])
RoleName = Literal["viewer", "analyst", "reviewer", "admin"]


def user_view(user: User) -> dict[str, Any]:
    return {
        "username": user.username,
        "display_name": user.display_name,
        "role": user.role,
        "disabled": user.disabled,
        "locked_until": user.locked_until,
        "created_at": user.created_at,
        "last_login_at": user.last_login_at,
    }


def token_view(token: ApiToken, owner: str) -> dict[str, Any]:
    return {
        "id": token.id,
        "name": token.name,
        "owner": owner,
        "role": token.role,
        "created_at": token.created_at,
        "expires_at": token.expires_at,
        "revoked_at": token.revoked_at,
    }


class NewUser(BaseModel):
    username: str = Field(min_length=2, max_length=64)
    role: RoleName
    password: str | None = Field(default=None, max_length=1024)  # None: a token-only account
    display_name: str = Field(default="", max_length=200)


class UserChange(BaseModel):
    role: RoleName | None = None
    disabled: bool | None = None
    password: str | None = Field(default=None, max_length=1024)


def _refused(exc: Exception) -> ServiceError:
    return ServiceError(422, "invalid request", str(exc))


@router.get("/users")
def users(who: AdminUser, request: Request) -> list[dict[str, Any]]:
    with service(request).db.read() as session:
        return [user_view(u) for u in list_users(session)]


@router.post("/users", status_code=201)
def create_user(body: NewUser, who: AdminUser, request: Request) -> dict[str, Any]:
    try:
        with service(request).db.write() as session:
            user = add_user(
                session,
                body.username,
                Role[body.role],
                body.password,
                who.actor,
                body.display_name,
            )
            return user_view(user)
    except (UserError, WeakPassword) as exc:
        raise _refused(exc) from None


@router.patch("/users/{username}")
def change_user(
    username: str, body: UserChange, who: AdminUser, request: Request
) -> dict[str, Any]:
    try:
        with service(request).db.write() as session:
            user = get_user(session, username)
            if user.id == who.user_id and (body.disabled or (body.role and body.role != "admin")):
                raise UserError("an admin cannot disable or demote their own account")
            if body.role is not None:
                set_role(session, username, Role[body.role], who.actor)
            if body.disabled is not None:
                set_disabled(session, username, body.disabled, who.actor)
            if body.password is not None:
                set_password(session, username, body.password, who.actor)
            return user_view(user)
    except UserError as exc:
        if "no user" in str(exc):
            raise ServiceError(404, "not found", str(exc)) from None
        raise _refused(exc) from None
    except WeakPassword as exc:
        raise _refused(exc) from None


class NewToken(BaseModel):
    owner: str = Field(min_length=2, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    role: RoleName
    days: int | None = Field(default=None, ge=1, le=730)


@router.get("/tokens")
def tokens(who: AdminUser, request: Request) -> list[dict[str, Any]]:
    with service(request).db.read() as session:
        owners = {u.id: u.username for u in list_users(session)}
        return [token_view(t, owners.get(t.user_id, "?")) for t in tokens_of(session)]


@router.post("/tokens", status_code=201)
def create_token(body: NewToken, who: AdminUser, request: Request) -> dict[str, Any]:
    state = service(request)
    try:
        with state.db.write() as session:
            owner = get_user(session, body.owner)
            issued = issue_token(
                session, owner, body.name, Role[body.role], body.days or state.settings.token_days
            )
            record(
                session,
                who.actor,
                "token.issue",
                "token",
                issued.token.id,
                details={"owner": owner.username, "role": body.role, "name": body.name},
            )
            view = token_view(issued.token, owner.username)
    except (UserError, TokenError) as exc:
        raise _refused(exc) from None
    # the only time the secret is shown
    return {**view, "token": issued.secret}


@router.delete("/tokens/{token_id}")
def revoke_token(token_id: str, who: AdminUser, request: Request) -> dict[str, Any]:
    with service(request).db.write() as session:
        token = session.get(ApiToken, token_id)
        if token is None:
            raise ServiceError(404, "not found", f"no token {token_id!r}")
        if token.revoked_at is None:
            token.revoked_at = utcnow()
            record(session, who.actor, "token.revoke", "token", token.id)
        owner = session.get(User, token.user_id)
        return token_view(token, owner.username if owner else "?")


@router.get("/audit")
def audit(
    who: AdminUser,
    request: Request,
    action: str | None = None,
    actor: str | None = None,
    target_type: str | None = None,
    target_id: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = Query(default=100, ge=1, le=1000),
    offset: int = Query(default=0, ge=0),
) -> dict[str, Any]:
    query = select(AuditEvent)
    for column, value in (
        (AuditEvent.action, action),
        (AuditEvent.actor, actor),
        (AuditEvent.target_type, target_type),
        (AuditEvent.target_id, target_id),
    ):
        if value is not None:
            query = query.where(column == value)
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if until is not None:
        query = query.where(AuditEvent.at < until)
    with service(request).db.read() as session:
        total = session.scalar(select(func.count()).select_from(query.subquery()))
        rows = session.scalars(query.order_by(AuditEvent.id.desc()).limit(limit).offset(offset))
        items = [
            {
                "id": r.id,
                "at": r.at,
                "actor": r.actor,
                "client": r.client,
                "action": r.action,
                "target_type": r.target_type,
                "target_id": r.target_id,
                "ok": r.ok,
                "details": r.details,
                "hash": r.hash,
            }
            for r in rows
        ]
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/audit/verify")
def audit_verify(who: AdminUser, request: Request) -> dict[str, Any]:
    with service(request).db.read() as session:
        result = verify(session)
    return {
        "ok": result.ok,
        "rows": result.rows,
        "head": result.head,
        "broken_at": result.broken_at,
        "problem": result.problem,
    }
