"""The service's fixtures: one app per test on a fresh case store, run once on SQLite and once
on PostgreSQL. PostgreSQL is the throw-away cluster `scripts/pg-throwaway start` made (its URL in
REDFLAGS_TEST_POSTGRES_URL; `.ci/run` starts it); each test gets a database of its own. Outside
CI, without that variable, the PostgreSQL half is skipped; in CI (CI=true) it must run."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from redflags.service.api import create_app
from redflags.service.audit import SYSTEM
from redflags.service.roles import Role
from redflags.service.security.tokens import issue_token
from redflags.service.settings import ServiceSettings
from redflags.service.users import add_user

POSTGRES_ENV = "REDFLAGS_TEST_POSTGRES_URL"
PASSWORD = "correct horse battery staple"


def _postgres_database() -> Iterator[str]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI runs the service tests on PostgreSQL too: set {POSTGRES_ENV}")
        pytest.skip(f'no PostgreSQL: run `eval "$(scripts/pg-throwaway start)"` ({POSTGRES_ENV})')
    name = f"rf_{secrets.token_hex(6)}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cases.sqlite'}"
    else:
        yield from _postgres_database()


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> ServiceSettings:
    return ServiceSettings(
        state_dir=tmp_path / "state", database_url=database_url, data_root=tmp_path / "data"
    )


@dataclass
class Service:
    app: FastAPI
    client: TestClient
    settings: ServiceSettings

    @property
    def db(self) -> Any:
        return self.app.state.service.db

    def user(self, username: str, role: Role, password: str | None = PASSWORD) -> None:
        with self.db.write() as session:
            add_user(session, username, role, password, SYSTEM)

    def token(self, username: str, role: Role | None = None) -> dict[str, str]:
        """An Authorization header for a new token of `username` (made with `role` if new)."""
        with self.db.write() as session:
            from redflags.service.users import find_user

            owner = find_user(session, username)
            if owner is None:
                owner = add_user(session, username, role or Role.viewer, None, SYSTEM)
            issued = issue_token(session, owner, "test", role or Role[owner.role], 30)
        return {"Authorization": f"Bearer {issued.secret}"}

    def login(self, username: str, password: str = PASSWORD) -> TestClient:
        """A browser-like client signed in as `username`, sending its CSRF header."""
        browser = TestClient(self.app, raise_server_exceptions=False)
        answer = browser.post(
            "/api/v1/auth/login", json={"username": username, "password": password}
        )
        assert answer.status_code == 200, answer.text
        browser.headers["X-CSRF-Token"] = answer.json()["csrf_token"]
        return browser


@pytest.fixture
def service(settings: ServiceSettings) -> Iterator[Service]:
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield Service(app, client, settings)


@pytest.fixture
def as_role(service: Service) -> Callable[[Role], dict[str, str]]:
    """Authorization headers of a fresh token-only user with the given role."""

    def headers(role: Role) -> dict[str, str]:
        return service.token(f"{role.name}-{secrets.token_hex(3)}", role)

    return headers


# the web pages' fixtures (the demo scan published once, copied for each test, on both databases)
from .test_web_support import web, web_store, web_store_postgres  # noqa: E402, F401
