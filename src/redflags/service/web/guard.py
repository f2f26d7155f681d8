"""Who may see a page: `page_role(Role.x)` guards every web route but the sign-in page, the
language toggle and the static files, as `role_at_least` guards the API (the same check: a
browser session or a token, the role, and the session's CSRF token on every unsafe request).

A browser that is not signed in is sent to /login (303, with the page to come back to); a role
too low gets a 403 page. The CSRF token comes in the `X-CSRF-Token` header (htmx, from the
page's meta tag) or, for a plain form, in its `csrf_token` field."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from redflags.service.api.deps import SAFE_METHODS, Principal, role_at_least
from redflags.service.api.problems import ServiceError
from redflags.service.api.state import service
from redflags.service.roles import Role
from redflags.service.security.sessions import COOKIE, CSRF_HEADER, find_session

FORM_FIELD = "csrf_token"
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class SignInNeeded(Exception):
    """Not signed in (or the session ended): the browser goes to the sign-in page."""

    def __init__(self, back_to: str) -> None:
        super().__init__(back_to)
        self.back_to = back_to


class PageForbidden(Exception):
    """Signed in, but this page needs a higher role (or the CSRF token was missing)."""

    def __init__(self, needed: Role, csrf: bool = False) -> None:
        super().__init__(needed.name)
        self.needed = needed
        self.csrf = csrf


def login_url(back_to: str) -> str:
    return "/login" + (f"?next={quote(back_to, safe='/')}" if back_to not in ("", "/") else "")


def safe_next(value: str | None) -> str:
    """A page of ours to go back to after signing in: a local path, never another site."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    if any(ord(c) < 32 for c in value):
        return "/"
    return value


async def _with_form_token(request: Request) -> Request:
    """The request as the API's check sees it: a plain form's `csrf_token` field moved into
    the header (htmx sends the header itself). A multipart body is never read here: an upload's
    size is checked before anything is read (the scan route does that)."""
    if request.method in SAFE_METHODS or CSRF_HEADER.lower() in request.headers:
        return request
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if kind != _FORM_TYPES[0]:
        return request
    token = (await request.form()).get(FORM_FIELD)
    if not isinstance(token, str) or not token or not token.isascii():
        return request
    headers = [*request.scope["headers"], (CSRF_HEADER.lower().encode(), token.encode())]
    return Request({**request.scope, "headers": headers}, request.receive)


def _csrf_token_of(request: Request) -> str:
    cookie = request.cookies.get(COOKIE)
    if not cookie:
        return ""
    with service(request).db.read() as session:
        opened = find_session(session, cookie)
        return opened[0].csrf_token if opened else ""


def page_role(role: Role) -> Callable[[Request], Awaitable[Principal]]:
    """A dependency for web routes: the signed-in person with at least `role`. Signed in
    (and CSRF) is the API's check for its lowest role; the role is compared here, so that a
    403 page still knows who is reading it."""
    signed_in = role_at_least(Role.viewer)

    async def dependency(request: Request) -> Principal:
        seen = await _with_form_token(request)
        try:
            principal = await run_in_threadpool(signed_in, seen)
        except ServiceError as refusal:
            if refusal.status == 401:
                back = request.url.path if request.method in SAFE_METHODS else ""
                if back and request.url.query:
                    back += "?" + request.url.query
                raise SignInNeeded(back) from None
            raise PageForbidden(role, csrf=refusal.kind == "csrf") from None
        request.state.principal = principal
        request.state.csrf_token = await run_in_threadpool(_csrf_token_of, request)
        if not principal.may(role):
            raise PageForbidden(role)
        return principal

    dependency.min_role = role  # type: ignore[attr-defined]
    return dependency


viewer_page = page_role(Role.viewer)
analyst_page = page_role(Role.analyst)
reviewer_page = page_role(Role.reviewer)
admin_page = page_role(Role.admin)

# Annotated parameters for web routes: `def page(who: ViewerPage) -> ...`
ViewerPage = Annotated[Principal, Depends(viewer_page)]
AnalystPage = Annotated[Principal, Depends(analyst_page)]
ReviewerPage = Annotated[Principal, Depends(reviewer_page)]
AdminPage = Annotated[Principal, Depends(admin_page)]
