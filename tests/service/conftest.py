"""The service's fixtures: one app per test on a fresh case store, run once on SQLite and once
on PostgreSQL. PostgreSQL is the throw-away cluster `scripts/pg-throwaway start` made (its URL in
REDFLAGS_TEST_POSTGRES_URL; `.ci/run` starts it); each test gets a database of its own. Outside
CI, without that variable, the PostgreSQL half is skipped; in CI (CI=true) it must run.

A fresh case store is a copy of an empty one migrated once per worker (a file copy on SQLite,
CREATE DATABASE … TEMPLATE on PostgreSQL): the app's own upgrade at start then finds nothing to
do. Migrating an empty store is still what the template, the web pages' store and the kill -9
test do."""

from __future__ import annotations

import os
import secrets
import shutil
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
from redflags.service.db import open_database
from redflags.service.db.migrate import upgrade
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


def _cloned(template: str) -> Iterator[str]:
    """A fresh database copied from `template` (no connection to it may be open)."""
    base, template_name = template.rsplit("/", 1)
    name = f"rf_{secrets.token_hex(6)}"
    admin = create_engine(template, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"'))
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _migrate(url: str) -> None:
    db = open_database(url)
    upgrade(db)
    db.dispose()  # closes every connection: SQLite folds its WAL in, PostgreSQL may copy it


@pytest.fixture(scope="session")
def empty_sqlite_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, migrated SQLite case store, copied for each test."""
    path = tmp_path_factory.mktemp("empty-store") / "cases.sqlite"
    _migrate(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def empty_postgres_store() -> Iterator[str]:
    """An empty, migrated PostgreSQL database, cloned for each test (dropped at the end)."""
    database = _postgres_database()
    template = next(database)
    _migrate(template)
    yield template
    database.close()  # drops it


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path / "cases.sqlite"
        shutil.copyfile(request.getfixturevalue("empty_sqlite_store"), path)
        yield f"sqlite:///{path}"
    else:
        yield from _cloned(request.getfixturevalue("empty_postgres_store"))


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
