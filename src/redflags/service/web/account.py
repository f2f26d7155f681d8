"""Signing in and out in the browser, and the language toggle. Signing in goes through the API's
own login (the same lock-out, rate limit and audit rows); its refusals are shown in words."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request, Response
from fastapi.responses import RedirectResponse
from pydantic import ValidationError

from redflags.service.api.problems import ServiceError
from redflags.service.api.routes import auth
from redflags.service.api.state import service
from redflags.service.web.guard import ViewerPage, safe_next
from redflags.service.web.i18n import COOKIE as LANG_COOKIE
from redflags.service.web.i18n import LANGUAGES, Formats, language_of, parse_moment
from redflags.service.web.rendering import page, translate

router = APIRouter(include_in_schema=False)
ONE_YEAR = 365 * 24 * 3600


def _login_page(
    request: Request,
    status: int = 200,
    problem: str = "",
    kind: str = "",
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> Response:
    settings = service(request).settings
    context = {
        "next": safe_next(request.query_params.get("next")),
        "username": "",
        "problem": problem,
        "problem_kind": kind,
        "signed_out": False,
        "max_failures": settings.login_max_failures,
        **lockout_words(settings.lockout_minutes),
        **extra,
    }
    return page(request, "login.html", context, status=status, headers=headers)


def lockout_words(minutes: float) -> dict[str, Any]:
    """The lock-out's length as the hint writes it: "15 minutes", "1 minute", "1.5 minutes"
    (the count that picks the plural form is whole: a fraction reads as plural in both
    languages)."""
    whole = float(minutes).is_integer()
    return {
        "lockout_minutes": int(minutes) if whole else minutes,
        "lockout_count": int(minutes) if whole else 2,
        "lockout_digits": 0 if whole else 1,
    }


@router.get("/login")
def login_form(request: Request) -> Response:
    return _login_page(request, signed_out=request.query_params.get("out") == "1")


def _refusal_words(request: Request, refusal: ServiceError) -> str:
    if refusal.status == 429:
        return translate(request, "Too many sign-in attempts from this address. Wait a minute.")
    if refusal.status == 423:
        until = parse_moment(refusal.extra.get("locked_until"))
        if until is not None:
            when = Formats(language_of(request)).time(until)
            return translate(
                request,
                "Too many failed sign-ins: this account is locked until %(time)s.",
                time=when,
            )
        return translate(request, "Too many failed sign-ins: this account is locked for now.")
    return translate(request, "Wrong user name or password.")


def _same_origin(request: Request) -> bool:
    """A sign-in form posted from another site is refused (login CSRF)."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=1024)] = "",
    password: Annotated[str, Form(max_length=2048)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/",
) -> Response:
    back_to = safe_next(next)
    if not _same_origin(request):
        return _login_page(request, 403, translate(request, "Sign in from this page."), "origin")
    try:
        body = auth.Login(username=username, password=password)
    except ValidationError:
        message = translate(request, "Enter your user name and password.")
        return _login_page(request, 422, message, "invalid", username=username[:64])
    answer = RedirectResponse(back_to, status_code=303)
    try:
        auth.login(body, request, answer)
    except ServiceError as refusal:
        kind = {429: "rate-limited", 423: "locked"}.get(refusal.status, "login-failed")
        return _login_page(
            request,
            refusal.status,
            _refusal_words(request, refusal),
            kind,
            username=username[:64],
            headers=refusal.headers,
        )
    return answer


@router.post("/logout")
def logout(who: ViewerPage, request: Request) -> Response:
    answer = RedirectResponse("/login?out=1", status_code=303)
    auth.logout(who, request, answer)
    return answer


@router.get("/lang/{code}")
def choose_language(code: str, request: Request) -> Response:
    """The language toggle: remembered in a cookie for a year."""
    answer = RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
    if code in LANGUAGES:
        secure = service(request).settings.cookie_secure
        answer.set_cookie(
            LANG_COOKIE, code, max_age=ONE_YEAR, samesite="lax", secure=secure, path="/"
        )
    return answer
