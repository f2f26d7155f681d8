"""Signing in, lock-out, rate limits, CSRF, tokens: the doors of the service."""

from __future__ import annotations

from datetime import timedelta

from redflags.service.audit import SYSTEM
from redflags.service.clock import utcnow
from redflags.service.db.models import ApiToken, AuditEvent
from redflags.service.roles import Role
from redflags.service.users import set_disabled

from .conftest import PASSWORD, Service


def _login(service: Service, username: str, password: str, client: str = "") -> int:
    answer = service.client.post(
        "/api/v1/auth/login", json={"username": username, "password": password}
    )
    return answer.status_code


def test_a_browser_signs_in_and_out(service: Service) -> None:
    service.user("anna", Role.analyst)
    browser = service.login("anna")
    cookie = browser.cookies.get("redflags_session")
    assert cookie
    me = browser.get("/api/v1/auth/me").json()
    assert me == {"username": "anna", "role": "analyst", "via": "session", "token": None}
    assert browser.post("/api/v1/auth/logout").status_code == 200
    assert browser.get("/api/v1/auth/me").status_code == 401


def test_the_session_cookie_is_httponly_and_strict(service: Service) -> None:
    service.user("anna", Role.analyst)
    answer = service.client.post(
        "/api/v1/auth/login", json={"username": "anna", "password": PASSWORD}
    )
    header = answer.headers["set-cookie"].lower()
    assert "httponly" in header and "samesite=strict" in header
    assert answer.json()["csrf_token"] not in header  # the CSRF token is not the cookie


def test_a_browser_change_needs_the_csrf_header(service: Service) -> None:
    service.user("anna", Role.analyst)
    browser = service.login("anna")
    token = browser.headers.pop("X-CSRF-Token")
    refused = browser.post("/api/v1/auth/logout")
    assert refused.status_code == 403
    assert refused.json()["type"].endswith("/csrf")
    browser.headers["X-CSRF-Token"] = "not-the-token"
    assert browser.post("/api/v1/auth/logout").status_code == 403
    browser.headers["X-CSRF-Token"] = token
    assert browser.post("/api/v1/auth/logout").status_code == 200


def test_wrong_password_and_unknown_user_look_the_same(service: Service) -> None:
    service.user("anna", Role.analyst)
    wrong = service.client.post(
        "/api/v1/auth/login", json={"username": "anna", "password": "not her password"}
    )
    unknown = service.client.post(
        "/api/v1/auth/login", json={"username": "nobody", "password": "not her password"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json()["detail"] == unknown.json()["detail"]


def test_repeated_failures_lock_the_account(service: Service) -> None:
    service.user("anna", Role.analyst)
    for _ in range(service.settings.login_max_failures - 1):
        assert _login(service, "anna", "wrong password!") == 401
    locked = service.client.post(
        "/api/v1/auth/login", json={"username": "anna", "password": "wrong password!"}
    )
    assert locked.status_code == 423
    assert "locked until" in locked.json()["detail"]
    # even the right password is refused while locked
    assert _login(service, "anna", PASSWORD) == 423
    with service.db.read() as session:
        failures = (
            session.query(AuditEvent)
            .filter(AuditEvent.action == "login", AuditEvent.ok.is_(False))
            .count()
        )
    assert failures == service.settings.login_max_failures + 1


def test_a_client_is_rate_limited(service: Service) -> None:
    limit = service.settings.login_attempts_per_minute
    codes = [_login(service, f"user{i}", "wrong password!") for i in range(limit + 2)]
    assert codes[:limit] == [401] * limit
    assert codes[limit:] == [429, 429]


def test_tokens_expire_and_are_revoked(service: Service) -> None:
    service.user("root", Role.admin)
    admin = service.token("root")
    made = service.client.post(
        "/api/v1/tokens",
        json={"owner": "root", "name": "case system", "role": "viewer", "days": 5},
        headers=admin,
    )
    assert made.status_code == 201
    secret = made.json()["token"]
    system = {"Authorization": f"Bearer {secret}"}
    assert service.client.get("/api/v1/auth/me", headers=system).json()["role"] == "viewer"
    listed = service.client.get("/api/v1/tokens", headers=admin).json()
    assert secret not in str(listed)  # shown once, at creation
    assert (
        service.client.delete(f"/api/v1/tokens/{made.json()['id']}", headers=admin).status_code
        == 200
    )
    assert service.client.get("/api/v1/auth/me", headers=system).status_code == 401

    other = service.token("root")
    with service.db.write() as session:
        for token in session.query(ApiToken).filter(ApiToken.revoked_at.is_(None)):
            if token.name == "test" and other["Authorization"].split("_")[1] == token.id:
                token.expires_at = utcnow() - timedelta(seconds=1)
    assert service.client.get("/api/v1/auth/me", headers=other).status_code == 401


def test_a_token_never_holds_more_than_its_owner(service: Service) -> None:
    service.user("root", Role.admin)
    service.user("vera", Role.viewer)
    admin = service.token("root")
    refused = service.client.post(
        "/api/v1/tokens",
        json={"owner": "vera", "name": "x", "role": "admin"},
        headers=admin,
    )
    assert refused.status_code == 422
    # demoting the owner demotes the token
    service.user("otto", Role.reviewer)
    otto = service.token("otto")
    assert service.client.get("/api/v1/auth/me", headers=otto).json()["role"] == "reviewer"
    service.client.patch("/api/v1/users/otto", json={"role": "viewer"}, headers=admin)
    assert service.client.get("/api/v1/auth/me", headers=otto).json()["role"] == "viewer"


def test_a_disabled_user_is_signed_out_everywhere(service: Service) -> None:
    service.user("anna", Role.analyst)
    browser = service.login("anna")
    token = service.token("anna")
    with service.db.write() as session:
        set_disabled(session, "anna", True, SYSTEM)
    assert browser.get("/api/v1/auth/me").status_code == 401
    assert service.client.get("/api/v1/auth/me", headers=token).status_code == 401
    assert _login(service, "anna", PASSWORD) == 401


def test_admin_manages_users(service: Service) -> None:
    service.user("root", Role.admin)
    admin = service.token("root")
    weak = service.client.post(
        "/api/v1/users",
        json={"username": "bo", "role": "analyst", "password": "short"},
        headers=admin,
    )
    assert weak.status_code == 422 and "at least" in weak.json()["detail"]
    made = service.client.post(
        "/api/v1/users",
        json={"username": "bo", "role": "analyst", "password": "a long enough secret"},
        headers=admin,
    )
    assert made.status_code == 201 and "password" not in made.text
    assert _login(service, "bo", "a long enough secret") == 200
    again = service.client.post(
        "/api/v1/users", json={"username": "bo", "role": "viewer"}, headers=admin
    )
    assert again.status_code == 422
    assert (
        service.client.patch(
            "/api/v1/users/root", json={"disabled": True}, headers=admin
        ).status_code
        == 422
    )  # nobody locks themselves out
    names = [u["username"] for u in service.client.get("/api/v1/users", headers=admin).json()]
    assert names == ["bo", "root"]
    actions = [
        e["action"] for e in service.client.get("/api/v1/audit", headers=admin).json()["items"]
    ]
    assert "user.add" in actions and "token.issue" not in actions
