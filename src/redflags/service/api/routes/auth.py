"""Signing in and out of a browser session; who am I."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from redflags.service.api.deps import ViewerUser
from redflags.service.api.problems import ServiceError
from redflags.service.api.state import client_of, service
from redflags.service.audit import Actor, record
from redflags.service.clock import aware
from redflags.service.security.lockout import locked, note_attempt, too_many_attempts
from redflags.service.security.passwords import (
    DUMMY_HASH,
    hash_password,
    needs_rehash,
    verify_password,
)
from redflags.service.security.sessions import COOKIE, close_session, open_session
from redflags.service.users import find_user

router = APIRouter(prefix="/auth", tags=["auth"])


class Login(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=1024)


@router.post("/login")
def login(body: Login, request: Request, response: Response) -> dict[str, Any]:
    state = service(request)
    settings = state.settings
    client = client_of(request)
    with state.db.write() as session:
        if too_many_attempts(session, client, settings):
            raise ServiceError(
                429,
                "too many requests",
                "too many sign-in attempts from here; wait a minute",
                headers={"Retry-After": "60"},
            )
        user = find_user(session, body.username)
        actor = Actor(body.username.strip().lower()[:64], client)
        refusal: ServiceError | None = None  # raised after the commit: failures must be kept
        if user is not None and not user.disabled and locked(user):
            note_attempt(session, body.username, client, None, False, settings)
            record(
                session,
                actor,
                "login",
                "user",
                user.username,
                ok=False,
                details={"reason": "locked"},
            )
            refusal = _locked(aware(user.locked_until))
        elif (
            user is None
            or user.disabled
            or not verify_password(user.password_hash if user else DUMMY_HASH, body.password)
        ):
            note_attempt(session, body.username, client, user, False, settings)
            record(session, actor, "login", "user", actor.name, ok=False)
            refusal = ServiceError(
                401, "not authenticated", "wrong user name or password", kind="login-failed"
            )
            if user is not None and locked(user):
                refusal = _locked(aware(user.locked_until))
        else:
            note_attempt(session, body.username, client, user, True, settings)
            if needs_rehash(user.password_hash or ""):
                user.password_hash = hash_password(body.password)
            opened = open_session(session, user, settings.session_hours, client)
            record(session, actor, "login", "user", user.username)
            username, role = user.username, user.role
    if refusal is not None:
        raise refusal
    response.set_cookie(
        COOKIE,
        opened.cookie,
        max_age=int(settings.session_hours * 3600),
        httponly=True,
        samesite="strict",
        secure=settings.cookie_secure,
        path="/",
    )
    return {"username": username, "role": role, "csrf_token": opened.csrf_token}


def _locked(until: datetime | None) -> ServiceError:
    when = f" until {until:%H:%M} UTC" if until else ""
    return ServiceError(
        423,
        "locked",
        f"too many failed sign-ins: this account is locked{when}",
        kind="account-locked",
        locked_until=until.isoformat() if until else None,
    )


@router.post("/logout")
def logout(who: ViewerUser, request: Request, response: Response) -> dict[str, str]:
    state = service(request)
    cookie = request.cookies.get(COOKIE)
    with state.db.write() as session:
        if cookie:
            close_session(session, cookie)
        record(session, who.actor, "logout", "user", who.username)
    response.delete_cookie(COOKIE, path="/")
    return {"status": "signed out"}


@router.get("/me")
def me(who: ViewerUser) -> dict[str, Any]:
    return {"username": who.username, "role": who.role.name, "via": who.via, "token": who.token_id}
