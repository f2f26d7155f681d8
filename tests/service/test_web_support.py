"""Fixtures of the web page tests (no tests here): the demo scan published once into a SQLite
case store with one user per role, copied for each test; browser-like clients signed in through
the sign-in form; the visible text of a page."""

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
from redflags.service.publish import publish_scan
from redflags.service.roles import Role
from redflags.service.settings import ServiceSettings
from redflags.service.users import add_user

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


def _settings(state: Path) -> ServiceSettings:
    return ServiceSettings(
        state_dir=state,
        database_url=f"sqlite:///{state / 'cases.sqlite'}",
        data_root=state.parent / "data",
        warm_cases=0,  # the pages' tests time nothing: no background redaction at each start
    )


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, demo_scan: ScanResult) -> Path:
    """A state folder holding the demo scan's cases and the people above (made once)."""
    state = tmp_path_factory.mktemp("web-store") / "state"
    app = create_app(_settings(state))
    db = app.state.service.db
    publish_scan(db, app.state.service.key, demo_scan, SYSTEM)
    with db.write() as session:
        for name, role in PEOPLE.items():
            add_user(session, name, role, PASSWORD, SYSTEM)
    db.dispose()
    return state


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


@pytest.fixture
def web(web_store: Path, tmp_path: Path) -> Iterator[Web]:
    state = tmp_path / "state"
    shutil.copytree(web_store, state)
    (tmp_path / "data").mkdir()
    settings = _settings(state)
    app = create_app(settings)
    with TestClient(app, raise_server_exceptions=True) as client:
        yield Web(app, client, settings)


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


__all__ = ["BY_ROLE", "PASSWORD", "PEOPLE", "Browser", "Web", "visible_text", "web", "web_store"]
