"""The web interface's main pages as the browser tests and the screenshot script open them: where
each is, who may see it, and the element that says it has been drawn."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

try:
    from playwright.sync_api import TimeoutError as PageTimeout
    from playwright.sync_api import expect
except ImportError:  # the fixtures skip the browser tests (or fail them in CI), saying why
    expect = None
    PageTimeout = TimeoutError

from .live_service import PASSWORD


@dataclass(frozen=True)
class MainPage:
    name: str
    path: str  # "{case}" stands for a demo case's id, "{indicator}" for an indicator's
    user: str | None  # who signs in to see it; None: nobody (the login page)
    ready: str  # a data-testid on the page once it is drawn

    def url(self, case: str, indicator: str = "BEH-MESSENGER-ONLY") -> str:
        return self.path.format(case=case, indicator=indicator)


MAIN_PAGES = (
    MainPage("login", "/login", None, "login-form"),
    MainPage("inbox", "/", "analyst", "case-table"),
    MainPage("case", "/cases/{case}", "analyst", "case-page"),
    MainPage("scans", "/scans", "analyst", "scan-jobs"),
    MainPage("catalogue", "/catalogue", "analyst", "catalogue-row"),
    MainPage("indicator", "/catalogue/{indicator}", "analyst", "indicator-title"),
    MainPage("admin-users", "/admin/users", "admin", "user-table"),
    MainPage("admin-tokens", "/admin/tokens", "admin", "issue-token-form"),
    MainPage("admin-audit", "/admin/audit", "admin", "audit-table"),
)


def data_testid(name: str) -> str:
    return f'[data-testid="{name}"]'


def log_in(page: Any, username: str, password: str = PASSWORD) -> None:
    """Sign in through the login form, as a person would, and wait for the inbox."""
    page.goto("/login")
    page.locator(data_testid("login-username")).fill(username)
    page.locator(data_testid("login-password")).fill(password)
    page.locator(data_testid("login-submit")).click()
    page.locator(data_testid("current-user")).wait_for()


def sign_in(context: Any, username: str, password: str = PASSWORD) -> None:
    """Sign `context` in through the API (the session cookie is the browser's), for tests and
    screenshots whose subject is not the login page."""
    answer = context.request.post(
        "/api/v1/auth/login", data={"username": username, "password": password}
    )
    assert answer.ok, answer.text()


def open_page(page: Any, main: MainPage, case: str, lang: str | None = None) -> None:
    """Open `main` (in `lang`, chosen with the language toggle's link) and wait until drawn."""
    url = main.url(case)
    page.goto(f"/lang/{lang}?next={quote(url, safe='')}" if lang else url)
    page.locator(data_testid(main.ready)).first.wait_for()
