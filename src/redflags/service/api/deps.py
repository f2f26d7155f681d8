"""Who is asking, and may they: the `role_at_least(Role.x)` dependency every route but health
and login declares. A bearer token (`Authorization: Bearer rf_…`) or a browser session cookie;
a browser's unsafe request must also carry the session's CSRF token in `X-CSRF-Token`.

The route-table test (tests/service/test_route_auth.py) reads `min_role` off each route's
dependencies and checks 401 and 403 for every route."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from redflags.service.api.problems import ServiceError
from redflags.service.api.state import client_of, service
from redflags.service.audit import Actor
from redflags.service.roles import Role
from redflags.service.security.secrets import same
from redflags.service.security.sessions import COOKIE, CSRF_HEADER, find_session
from redflags.service.security.tokens import find_token

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="redflags"'}


@dataclass(frozen=True)
class Principal:
    user_id: int
    username: str
    role: Role  # a token's role (at most its owner's), or the user's
    via: str  # "token" or "session"
    token_id: str | None = None
    client: str = ""

    @property
    def actor(self) -> Actor:
        name = f"token:{self.token_id}" if self.token_id else self.username
        return Actor(name, self.client)

    def may(self, role: Role) -> bool:
        return self.role >= role


def _authenticate(request: Request) -> Principal:
    state = service(request)
    client = client_of(request)
    header = request.headers.get("authorization", "")
    with state.db.read() as session:
        if header:
            scheme, _, credential = header.partition(" ")
            found = find_token(session, credential) if scheme.lower() == "bearer" else None
            if found is None:
                raise ServiceError(
                    401,
                    "not authenticated",
                    "the token is unknown, expired or revoked",
                    headers=_CHALLENGE,
                )
            token, owner = found
            role = min(Role[token.role], Role[owner.role])
            return Principal(owner.id, owner.username, role, "token", token.id, client)
        cookie = request.cookies.get(COOKIE)
        opened = find_session(session, cookie) if cookie else None
        if opened is None:
            raise ServiceError(
                401, "not authenticated", "sign in, or send an API token", headers=_CHALLENGE
            )
        row, user = opened
        if request.method not in SAFE_METHODS:
            sent = request.headers.get(CSRF_HEADER, "")
            if not sent or not same(sent, row.csrf_token):
                raise ServiceError(
                    403,
                    "forbidden",
                    f"a browser's change needs the {CSRF_HEADER} header of its session",
                    kind="csrf",
                )
        return Principal(user.id, user.username, Role[user.role], "session", None, client)


def role_at_least(role: Role) -> Callable[[Request], Principal]:
    """A dependency: the caller, if authenticated (else 401) with at least `role` (else 403)."""

    def dependency(request: Request) -> Principal:
        principal = _authenticate(request)
        if not principal.may(role):
            raise ServiceError(
                403, "forbidden", f"this needs the {role.name} role; you have {principal.role.name}"
            )
        request.state.principal = principal
        return principal

    dependency.min_role = role  # type: ignore[attr-defined]
    return dependency


viewer = role_at_least(Role.viewer)
analyst = role_at_least(Role.analyst)
reviewer = role_at_least(Role.reviewer)
admin = role_at_least(Role.admin)

# Annotated parameters for routes: `def route(who: AnalystUser) -> ...`
ViewerUser = Annotated[Principal, Depends(viewer)]
AnalystUser = Annotated[Principal, Depends(analyst)]
ReviewerUser = Annotated[Principal, Depends(reviewer)]
AdminUser = Annotated[Principal, Depends(admin)]
