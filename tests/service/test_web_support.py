"""Fixtures of the web page tests (no tests here): the demo scan published once into a case store
with one user per role, copied for each test, once on SQLite and once on PostgreSQL (a
template database, cloned per test with CREATE DATABASE … TEMPLATE); browser-like clients
signed in through the sign-in form; the visible text of a page."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from redflags.pipeline import ScanResult
from redflags.service.api import create_app
from redflags.service.audit import SYSTEM
from redflags.service.case_view import CaseBodies
from redflags.service.publish import publish_scan
from redflags.service.roles import Role
from redflags.service.settings import ServiceSettings
from redflags.service.users import add_user

from .conftest import _cloned, _postgres_database

PASSWORD = "correct horse battery staple"
# one person per role, and a second reviewer (four eyes)
PEOPLE = {
    "vera": Role.viewer,
    "anna": Role.analyst,
    "rolf": Role.reviewer,
    "rita": Role.reviewer,
    "adam": Role.admin,
}
BY_ROLE = {Role.viewer: "vera", Role.analyst: "anna", Role.reviewer: "rolf", Role.admin: "adam"}
_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]*)">')


def _settings(state: Path, database_url: str | None = None) -> ServiceSettings:
    return ServiceSettings(
        state_dir=state,
        database_url=database_url or f"sqlite:///{state / 'cases.sqlite'}",
        data_root=state.parent / "data",
        warm_cases=0,  # the pages' tests time nothing: no background redaction at each start
    )


def _fill(state: Path, demo_scan: ScanResult, database_url: str | None = None) -> None:
    """The demo scan's cases and the people above, in the store of `state`."""
    app = create_app(_settings(state, database_url))
    db = app.state.service.db
    publish_scan(db, app.state.service.key, demo_scan, SYSTEM)
    with db.write() as session:
        for name, role in PEOPLE.items():
            add_user(session, name, role, PASSWORD, SYSTEM)
    db.dispose()


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, demo_scan: ScanResult) -> Path:
    """A state folder holding the demo scan's cases and the people above (made once)."""
    state = tmp_path_factory.mktemp("web-store") / "state"
    _fill(state, demo_scan)
    return state


@pytest.fixture(scope="session")
def web_store_postgres(
    tmp_path_factory: pytest.TempPathFactory, demo_scan: ScanResult
) -> Iterator[tuple[Path, str]]:
    """The same on PostgreSQL: a state folder (its keys) and a database to clone (made once;
    skipped without REDFLAGS_TEST_POSTGRES_URL, as the API's PostgreSQL half is)."""
    database = _postgres_database()
    template = next(database)
    state = tmp_path_factory.mktemp("web-store-pg") / "state"
    _fill(state, demo_scan, template)
    yield state, template
    database.close()  # drops it


@dataclass
class Web:
    app: FastAPI
    client: TestClient  # not signed in
    settings: ServiceSettings

    @property
    def db(self) -> Any:
        return self.app.state.service.db

    def browser(self, username: str, lang: str = "en") -> Browser:
        """A client signed in through the sign-in form, as a browser would."""
        client = TestClient(self.app, raise_server_exceptions=True)
        client.cookies.set("redflags_lang", lang)
        answer = client.post(
            "/login",
            data={"username": username, "password": PASSWORD, "next": "/"},
            follow_redirects=False,
        )
        assert answer.status_code == 303, answer.text
        return Browser(client)

    def as_role(self, role: Role, lang: str = "en") -> Browser:
        return self.browser(BY_ROLE[role], lang)

    def case_ids(self) -> list[str]:
        from sqlalchemy import select

        from redflags.service.db.models import CaseRow

        with self.db.read() as session:
            return list(session.scalars(select(CaseRow.id).order_by(CaseRow.score.desc())))


@dataclass
class Browser:
    client: TestClient

    def csrf(self) -> str:
        found = _CSRF.search(self.client.get("/catalogue").text)
        assert found and found.group(1)
        return found.group(1)

    def htmx_post(self, path: str, data: dict[str, Any]) -> Any:
        """A POST as htmx sends it: the CSRF token in the header, a fragment back."""
        headers = {"HX-Request": "true", "X-CSRF-Token": self.csrf()}
        return self.client.post(path, data=data, headers=headers, follow_redirects=False)

    def form_post(self, path: str, data: dict[str, Any]) -> Any:
        """A POST as a plain form sends it: the CSRF token in a field."""
        return self.client.post(
            path, data={**data, "csrf_token": self.csrf()}, follow_redirects=False
        )


@pytest.fixture(params=["sqlite", "postgresql"])
def web(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Web]:
    state = tmp_path / "state"
    (tmp_path / "data").mkdir()
    if request.param == "sqlite":
        shutil.copytree(request.getfixturevalue("web_store"), state)
        yield from _web(_settings(state))
        return
    stored, template = request.getfixturevalue("web_store_postgres")
    shutil.copytree(stored, state)
    for database_url in _cloned(template):
        yield from _web(_settings(state, database_url))


# The redacted scanner part of a case (CaseBodies.bodies) is keyed by the redaction key and the
# case's publication, so every test's copy of a store above builds the same ones: the first view
# of the demo's large case spent seconds redacting it again in each test. The web tests share
# them; each app keeps its own finished answers (keyed by the case's version, not its store).
_REDACTED_BODIES = CaseBodies().bodies


def _web(settings: ServiceSettings) -> Iterator[Web]:
    app = create_app(settings)
    bodies = CaseBodies()
    bodies.bodies = _REDACTED_BODIES
    app.state.service.extras["case_bodies"] = bodies
    with TestClient(app, raise_server_exceptions=True) as client:
        yield Web(app, client, settings)
    app.state.service.db.dispose()


class _Text(HTMLParser):
    """The text a reader sees, less what a page marks as not to be translated (record texts,
    names, tokens: translate="no"), written in another language (lang="en" in a Danish page)
    or quoted from the scanner (class scanner-text: its own bilingual texts, which quote
    records)."""

    SKIP_CLASSES = frozenset({"scanner-text"})
    VOID = frozenset({"br", "hr", "img", "input", "link", "meta", "source", "wbr", "area", "col"})

    def __init__(self, lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = lang
        self.stack: list[bool] = []  # whether each open element hides its text
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        hidden = (
            tag in ("script", "style", "code")
            or values.get("translate") == "no"
            or (values.get("lang") not in (None, self.lang))
            or bool(classes & self.SKIP_CLASSES)
        )
        hidden = hidden or (bool(self.stack) and self.stack[-1])
        self.stack.append(hidden)
        if not hidden:  # what a screen reader says, and a tooltip shows
            self.parts += [values.get(a) or "" for a in ("aria-label", "title", "placeholder")]

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(html: str, lang: str) -> str:
    parser = _Text(lang)
    parser.feed(html)
    return " ".join(parser.parts)


__all__ = [
    "BY_ROLE",
    "PASSWORD",
    "PEOPLE",
    "Browser",
    "Web",
    "visible_text",
    "web",
    "web_store",
    "web_store_postgres",
]
