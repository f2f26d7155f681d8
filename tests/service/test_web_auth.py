"""Who may open which page: every web route but sign-in and the language toggle declares a role
(walked from the route table, as the API's test walks its own); a browser that is not signed in
goes to the sign-in page, a role too low gets a 403 page, an unsafe request without the
session's CSRF token is refused; sign-in shows lock-out and rate-limit refusals in words."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import select

from redflags.service.db.models import AuditEvent
from redflags.service.roles import Role
from redflags.service.web import PUBLIC_PAGES, web_routes
from redflags.service.web.guard import safe_next

from .test_service_route_auth import _concrete, _min_role
from .test_web_support import PASSWORD, Web, visible_text


def _guarded() -> list[tuple[str, str, APIRoute]]:
    return [(m, p, r) for m, p, r in web_routes() if (m, p) not in PUBLIC_PAGES]


def test_every_page_declares_a_role() -> None:
    pages = _guarded()
    assert len(pages) >= 20
    assert not [f"{m} {p}" for m, p, route in pages if _min_role(route) is None]
    assert all(not p.startswith("/api") for _, p, _ in web_routes())


def test_pages_are_not_in_the_api_document(web: Web) -> None:
    documented = set(web.app.openapi()["paths"])
    assert documented and all(path.startswith("/api/v1") for path in documented)


def test_a_browser_not_signed_in_goes_to_the_sign_in_page(web: Web) -> None:
    for method, path, _ in _guarded():
        answer = web.client.request(method, _concrete(path), follow_redirects=False)
        assert answer.status_code == 303, f"{method} {path}: {answer.status_code}"
        target = urlsplit(answer.headers["location"])
        assert target.path == "/login", f"{method} {path}"
        if method == "GET" and path != "/":
            assert parse_qs(target.query)["next"] == [_concrete(path)]
    # htmx is told to send the whole page there
    answer = web.client.get("/scans/jobs", headers={"HX-Request": "true"})
    assert answer.status_code == 204 and answer.headers["HX-Redirect"].startswith("/login")


def test_a_role_too_low_gets_a_403_page(web: Web) -> None:
    browsers = {role: web.as_role(role) for role in Role}
    tokens = {role: browser.csrf() for role, browser in browsers.items()}
    checked = 0
    for method, path, route in _guarded():
        needed = _min_role(route)
        assert needed is not None
        for role in Role:
            if role >= needed:
                continue
            answer = browsers[role].client.request(
                method, _concrete(path), headers={"X-CSRF-Token": tokens[role]}
            )
            assert answer.status_code == 403, f"{method} {path} as {role.name}"
            assert answer.headers["content-type"].startswith("text/html")
            assert "Content-Security-Policy" in answer.headers
            checked += 1
    assert checked >= 15


def test_an_unsafe_request_needs_the_csrf_token(web: Web) -> None:
    analyst = web.as_role(Role.analyst)
    case_id = web.case_ids()[0]
    path = f"/cases/{case_id}/comments"
    missing = analyst.client.post(path, data={"text": "no token"})
    assert missing.status_code == 403 and "out of date" in missing.text
    wrong = analyst.client.post(path, data={"text": "wrong", "csrf_token": "x" * 43})
    assert wrong.status_code == 403
    assert analyst.form_post(path, {"text": "a plain form"}).status_code == 303
    assert analyst.htmx_post(path, {"text": "an htmx request"}).status_code == 200
    with web.db.read() as session:
        comments = session.scalars(
            select(AuditEvent.id).where(AuditEvent.action == "case.comment")
        ).all()
    assert len(comments) == 2


def test_signing_in_and_out(web: Web) -> None:
    client = TestClient(web.app)
    answer = client.post(
        "/login",
        data={"username": "anna", "password": PASSWORD, "next": "/catalogue"},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/catalogue"
    session_cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in session_cookie and "samesite=strict" in session_cookie.lower()
    page = client.get("/catalogue")
    assert page.status_code == 200 and 'data-testid="current-user"' in page.text
    token = re.search(r'name="csrf-token" content="([^"]+)"', page.text)
    assert token
    out = client.post("/logout", data={"csrf_token": token.group(1)}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login?out=1"
    assert client.get("/catalogue", follow_redirects=False).status_code == 303
    with web.db.read() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.actor == "anna").order_by(AuditEvent.id)
        ).all()
    assert actions == ["login", "logout"]


def test_sign_in_goes_back_only_to_our_own_pages() -> None:
    assert safe_next("/cases/C-1?x=1") == "/cases/C-1?x=1"
    for hostile in ("//evil.example/", "https://evil.example/", "/\\evil", "", None, "x"):
        assert safe_next(hostile) == "/"


def test_a_sign_in_form_from_another_site_is_refused(web: Web) -> None:
    answer = web.client.post(
        "/login",
        data={"username": "anna", "password": PASSWORD},
        headers={"Origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert answer.status_code == 403 and "set-cookie" not in answer.headers


@pytest.mark.parametrize(
    ("lang", "wrong", "locked", "hint"),
    [
        (
            "en",
            "Wrong user name or password.",
            "this account is locked until",
            "After 5 failed attempts in a row an account is locked for 15 minutes.",
        ),
        (
            "da",
            "Forkert brugernavn eller adgangskode.",
            "denne konto er låst til kl.",
            "Efter 5 mislykkede forsøg i træk låses en konto i 15 minutter.",
        ),
    ],
)
def test_lock_out_is_said_in_words(web: Web, lang: str, wrong: str, locked: str, hint: str) -> None:
    client = TestClient(web.app)
    client.cookies.set("redflags_lang", lang)
    assert (web.settings.login_max_failures, web.settings.lockout_minutes) == (5, 15.0)
    shown = " ".join(visible_text(client.get("/login").text, lang).split())
    assert hint in shown and "15.0" not in shown and "15,0" not in shown
    form = {"username": "anna", "password": "not the password at all"}
    for _ in range(web.settings.login_max_failures - 1):
        answer = client.post("/login", data=form)
        assert answer.status_code == 401 and wrong in answer.text
    answer = client.post("/login", data=form)
    assert answer.status_code == 423 and locked in answer.text
    assert 'data-problem="locked"' in answer.text
    # the right password does not help while the account is locked
    answer = client.post("/login", data={**form, "password": PASSWORD})
    assert answer.status_code == 423


def test_too_many_attempts_from_one_address_are_said_in_words(web: Web) -> None:
    client = TestClient(web.app)
    client.cookies.set("redflags_lang", "da")
    answer = None
    for attempt in range(web.settings.login_attempts_per_minute + 1):
        answer = client.post("/login", data={"username": f"nobody{attempt}", "password": "x" * 12})
    assert answer is not None and answer.status_code == 429
    assert "For mange forsøg på at logge ind" in answer.text
    assert answer.headers["Retry-After"] == "60"


def test_the_lock_out_length_takes_the_plural_its_count_needs() -> None:
    from redflags.service.web.account import lockout_words

    assert lockout_words(1.0) == {"lockout_minutes": 1, "lockout_count": 1, "lockout_digits": 0}
    assert lockout_words(15.0)["lockout_minutes"] == 15
    assert lockout_words(0.5) == {"lockout_minutes": 0.5, "lockout_count": 2, "lockout_digits": 1}
